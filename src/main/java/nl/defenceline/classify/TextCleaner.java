package nl.defenceline.classify;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a raw customer text into what the classifier should see: the customer's own words, without quoted reply
 * history, greeting or signature, with addresses and numbers masked, lower-cased and without diacritics.
 */
public final class TextCleaner {

    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "^\\s*(op|on|am|le)\\b.{0,200}\\b(schreef|wrote|geschrieben|a écrit)\\b.*$"
                    + "|^\\s*-{2,}\\s*(original message|oorspronkelijk bericht|forwarded message|doorgestuurd bericht).*$"
                    + "|^\\s*(van|from|verzonden|sent)\\s*:\\s.*@.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGN_OFF = Pattern.compile(
            "^\\s*(met )?(vriendelijke |hartelijke |lieve |beste )?(groet|groeten|groetjes)(,? \\p{L}+)?[,.!]?\\s*$"
                    + "|^\\s*(mvg|m\\.v\\.g\\.?|gr|grtz|kind regards|best regards|warm regards|regards|best wishes|cheers"
                    + "|thanks in advance|alvast bedankt|bedankt alvast|thank you|thanks|dank u wel|dank je wel|bedankt)"
                    + "[,.!]?(\\s+\\p{L}+){0,2}\\s*$"
                    + "|^\\s*(sent from my|verzonden (vanaf|met) mijn|verstuurd vanaf mijn|outlook voor)\\b.*$"
                    + "|^\\s*--\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GREETING = Pattern.compile(
            "^\\s*(beste|hallo|hoi|hey|hi|hello|dear|geachte|dag|goedemorgen|goedemiddag|goedenavond|goeiemorgen"
                    + "|goeiedag|good morning|good afternoon|good evening)\\b[^.!?]{0,40}[,!:]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile("(https?://|www\\.)\\S+", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern HAS_DIGIT = Pattern.compile("[\\p{L}\\p{N}]*\\d[\\p{L}\\p{N}]*");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextCleaner() {
    }

    /** The customer's own message: reply history, greeting line and signature removed. */
    public static String ownMessage(String raw) {
        List<String> kept = new ArrayList<>();
        for (String line : raw.split("\\R", -1)) {
            if (QUOTE_HEADER.matcher(line).matches()) {
                break;
            }
            if (line.stripLeading().startsWith(">")) {
                continue;
            }
            if (!kept.isEmpty() && SIGN_OFF.matcher(line).matches()) {
                break;
            }
            if (kept.stream().allMatch(String::isBlank) && GREETING.matcher(line).matches()) {
                continue;
            }
            kept.add(line);
        }
        String own = String.join("\n", kept).strip();
        return own.isEmpty() ? raw.strip() : own;
    }

    /** Cleaned, normalised text: masks, lower case, no diacritics, single spaces. */
    public static String clean(String raw) {
        return normalise(ownMessage(raw));
    }

    /** {@link #clean} for a text that is already the customer's own message. */
    public static String normalise(String own) {
        String text = URL.matcher(own).replaceAll(" urlx ");
        text = EMAIL.matcher(text).replaceAll(" emailx ");
        text = HAS_DIGIT.matcher(text).replaceAll(" numx ");
        text = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        text = DIACRITICS.matcher(text).replaceAll("");
        return NON_WORD.matcher(text).replaceAll(" ").strip();
    }

    /** The tokens the classifier's features are built from. */
    public static String[] tokens(String raw) {
        return words(clean(raw));
    }

    /** {@link #tokens} for a text that is already the customer's own message. */
    public static String[] ownTokens(String own) {
        return words(normalise(own));
    }

    private static String[] words(String cleaned) {
        return cleaned.isEmpty() ? new String[0] : cleaned.split(" ");
    }
}
