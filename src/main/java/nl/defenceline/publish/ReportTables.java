package nl.defenceline.publish;

import java.util.Map;

/**
 * The collected report tables the HTML pages are built from; all text already redacted where it is free text.
 *
 * @param quotes     category, quote
 * @param ownerBySku the owner of each product page, from products.csv
 * @param subtitle   what the reports cover, e.g. the data window and model version
 */
public record ReportTables(Table complaintSources, Table busiestHours, Table recurringReasons, Table stockoutHotspots,
                           Table firstResponse, Table emailWithin24h, Table trends, Table quotes,
                           Table productComplaints, Map<String, String> ownerBySku, String subtitle) {
}
