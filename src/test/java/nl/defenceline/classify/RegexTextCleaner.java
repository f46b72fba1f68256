package nl.defenceline.classify;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The regular expressions {@link TextCleaner}'s hand-written scan replaced, kept as the reference its tokens are
 * checked against.
 */
final class RegexTextCleaner {

    private static final Pattern URL = Pattern.compile("(https?://|www\\.)\\S+", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern HAS_DIGIT = Pattern.compile("[\\p{L}\\p{N}]*\\d[\\p{L}\\p{N}]*");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private RegexTextCleaner() {
    }

    /** Cleaned, normalised text: masks, lower case, no diacritics, single spaces. */
    static String normalise(String own) {
        String text = URL.matcher(own).replaceAll(" urlx ");
        text = EMAIL.matcher(text).replaceAll(" emailx ");
        text = HAS_DIGIT.matcher(text).replaceAll(" numx ");
        text = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        text = DIACRITICS.matcher(text).replaceAll("");
        return NON_WORD.matcher(text).replaceAll(" ").strip();
    }

    /** The tokens of {@link #normalise}. */
    static String[] ownTokens(String own) {
        return words(normalise(own));
    }

    private static String[] words(String cleaned) {
        return cleaned.isEmpty() ? new String[0] : cleaned.split(" ");
    }
}
