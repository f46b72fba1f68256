package nl.defenceline.publish;

/**
 * A report collected to the driver and redacted: what the pages are built from.
 *
 * @param table the rows, free-text columns already redacted by {@link Publisher}; a single note row when the export
 *              lacks the report's input
 * @param missing the file stem of the input the export lacks for this report (e.g. "returns"), or null when the
 *                report was computed
 */
public record ReportTable(Output output, Table table, String missing) {

    public boolean available() {
        return missing == null;
    }
}
