package nl.defenceline.publish;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes customers' personal data from text that goes into a report: e-mail addresses, IBANs, phone numbers (Dutch
 * and international), street addresses with house numbers and Dutch postcodes. Each becomes a bracketed placeholder so
 * the quote still reads.
 */
public final class Redactor {

    private record Rule(Pattern pattern, String placeholder) {
    }

    // Order matters: an IBAN contains digit runs that the phone rule would otherwise take.
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+"), "[e-mail]"),
            // Country, check digits, a bank or branch code, then digit groups: ordinary words after an order number are no IBAN.
            new Rule(Pattern.compile("\\b[A-Za-z]{2}\\d{2}[ ]?[A-Za-z0-9]{4}(?:[ ]?\\d{4}){1,6}(?:[ ]?\\d{1,3})?\\b"), "[IBAN]"),
            new Rule(Pattern.compile("(?<![\\w+])(?:\\+|00)\\d{1,3}[\\s.-]?(?:\\(0\\)[\\s.-]?)?\\d(?:[\\s.-]?\\d){6,12}\\b"), "[phone]"),
            new Rule(Pattern.compile("(?<![\\w+])0\\d(?:[\\s.-]?\\d){8}\\b"), "[phone]"),
            new Rule(Pattern.compile("(?<![\\w+])\\(0\\d{1,3}\\)[\\s.-]?\\d(?:[\\s.-]?\\d){5,7}\\b"), "[phone]"),
            new Rule(Pattern.compile("\\b\\p{Lu}\\p{L}+(?:straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|hof|park|steeg|"
                    + "markt|pad|lei|baan)\\s+\\d{1,5}(?:\\s?[a-zA-Z](?![a-zA-Z]))?(?:[\\s-]?(?:bis|hs|huis|\\d{1,3}))?",
                    Pattern.UNICODE_CHARACTER_CLASS), "[address]"),
            new Rule(Pattern.compile("\\b[1-9]\\d{3}\\s?(?!SA|SD|SS|sa|sd|ss)[A-Za-z]{2}\\b(?:\\s*,?\\s*\\d{1,5}\\s?[a-zA-Z]?\\b)?"),
                    "[postcode]"));

    private Redactor() {
    }

    public static String redact(String text) {
        return redact(text, null);
    }

    /**
     * Redacts personal data and, when the shop configured a pattern for them, order numbers ("[order]").
     *
     * @param orderNumbers the shop's order-number pattern, or null
     */
    public static String redact(String text, Pattern orderNumbers) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        if (orderNumbers != null) {
            // Before the phone rule: a long order number would otherwise read as a phone number.
            redacted = orderNumbers.matcher(redacted).replaceAll("[order]");
        }
        for (Rule rule : RULES) {
            redacted = rule.pattern.matcher(redacted).replaceAll(Matcher.quoteReplacement(rule.placeholder));
        }
        return redacted;
    }
}
