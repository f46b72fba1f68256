package nl.defenceline.publish;

/**
 * Neutralises text that a spreadsheet would run as a formula when the CSV is opened (CSV injection): a cell starting
 * with =, +, -, @, tab or carriage return gets a leading apostrophe, which spreadsheets show as plain text.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    public static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\uFF1D' || first == '\uFF0B' || first == '\uFF0D' || first == '\uFF20';
        return formula ? "'" + text : text;
    }
}
