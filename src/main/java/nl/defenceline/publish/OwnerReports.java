package nl.defenceline.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.defenceline.schema.ReportColumns;

/**
 * One folder per product-page owner under owners/, with only their products: complaint categories per product,
 * recurring return reasons with the fix they point to, stock-out questions, as CSV and as a page. Products without an
 * owner go to owners/unassigned/. owners/index.csv lists the owners and what each folder holds, for mailing.
 */
public final class OwnerReports {

    public static final String UNASSIGNED = "unassigned";
    public static final String INDEX = "owners/index.csv";

    private OwnerReports() {
    }

    /** Writes the owners' folders; returns the files written, relative to the output folder. */
    public static List<String> write(OutputFolder outputDir, ReportTables tables) {
        Map<String, Table> complaints = byOwner(tables.productComplaints(), tables.ownerBySku());
        Map<String, Table> reasons = byOwner(tables.recurringReasons(), tables.ownerBySku());
        Map<String, Table> stock = byOwner(tables.stockoutHotspots(), tables.ownerBySku());
        TreeMap<String, String> owners = new TreeMap<>();
        for (Map<String, Table> perOwner : List.of(complaints, reasons, stock)) {
            perOwner.keySet().forEach(owner -> owners.put(owner, folderName(owner)));
        }
        List<String> written = new ArrayList<>();
        List<List<Object>> index = new ArrayList<>();
        for (Map.Entry<String, String> owner : owners.entrySet()) {
            String folder = "owners/" + owner.getValue() + "/";
            Table ownComplaints = complaints.getOrDefault(owner.getKey(), empty(tables.productComplaints()));
            Table ownReasons = reasons.getOrDefault(owner.getKey(), empty(tables.recurringReasons()));
            Table ownStock = stock.getOrDefault(owner.getKey(), empty(tables.stockoutHotspots()));
            CsvTableWriter.write(outputDir, folder + "product-complaints.csv", ownComplaints);
            CsvTableWriter.write(outputDir, folder + "recurring-return-reasons.csv", ownReasons);
            CsvTableWriter.write(outputDir, folder + "stockout-hotspots.csv", ownStock);
            HtmlPage.write(outputDir, folder + "index.html", "Defence Line: products of " + owner.getKey(),
                    tables.subtitle(), List.of(
                            new HtmlPage.Section("Recurring return reasons and the fix each points to",
                                    "Fix the page where a reason recurs: photo, size chart or specifications.", null,
                                    Dashboard.filter(ownReasons, ReportColumns.RECURRING, true), List.of()),
                            new HtmlPage.Section("Complaint categories per product",
                                    "The largest category per product says what its page is missing.", null,
                                    ownComplaints, List.of()),
                            new HtmlPage.Section("Stock-out questions",
                                    "Show availability and restock dates on these pages.", null, ownStock, List.of())));
            written.add(folder + "index.html");
            index.add(List.of(owner.getKey(), folder, ownComplaints.rows().size(),
                    Dashboard.filter(ownReasons, ReportColumns.RECURRING, true).rows().size(), ownStock.rows().size()));
        }
        CsvTableWriter.write(outputDir, INDEX, new Table(List.of("owner", "folder", "product_category_rows",
                "recurring_return_reasons", "stockout_products"), index));
        written.add(INDEX);
        return written;
    }

    /** Splits a table with a sku column by the owner of each sku; unknown skus go to the unassigned owner. */
    static Map<String, Table> byOwner(Table table, Map<String, String> ownerBySku) {
        int sku = table.columnIndex(ReportColumns.SKU.column());
        Map<String, List<List<Object>>> rows = new LinkedHashMap<>();
        for (List<Object> row : table.rows()) {
            String owner = ownerBySku.getOrDefault(String.valueOf(row.get(sku)), UNASSIGNED);
            rows.computeIfAbsent(owner, o -> new ArrayList<>()).add(row);
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        rows.forEach((owner, ownRows) -> tables.put(owner, new Table(table.header(), ownRows)));
        return tables;
    }

    /** A folder name from an owner (an e-mail address or team name): safe on every filesystem, still readable. */
    static String folderName(String owner) {
        String name = owner.trim().toLowerCase(Locale.ROOT).replace("@", "-at-").replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[.-]+", "");
        return name.isEmpty() ? "owner" : name;
    }

    private static Table empty(Table like) {
        return new Table(like.header(), List.of());
    }
}
