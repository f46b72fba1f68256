package nl.defenceline.publish;

/**
 * A report collected to the driver and redacted: what the pages are built from.
 *
 * @param table the rows, free-text columns already redacted by {@link Publisher}
 */
public record ReportTable(Output output, Table table) {
}
