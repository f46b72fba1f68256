package nl.defenceline.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import nl.defenceline.schema.ReportColumns;

/**
 * One folder per product-page owner under owners/, with only their products: each report declared per owner, as CSV
 * and (when it has one) as a section of their page, their products' cards first, and all of them as one workbook
 * (products.xlsx, a sheet per report) that opens right in Excel on any locale. Products without an owner go to
 * owners/unassigned/. owners/index.csv lists the owners, their folders and how many rows their page shows of each
 * report, for mailing.
 */
public final class OwnerReports {

    public static final String UNASSIGNED = "unassigned";
    public static final String INDEX = "owners/index.csv";
    public static final String WORKBOOK = "products.xlsx";

    private OwnerReports() {
    }

    /**
     * Writes the owners' folders, CSVs with {@code csvDelimiter} (see {@link CsvTableWriter}); returns the files
     * written, relative to the report folder.
     */
    public static List<String> write(OutputFolder folder, List<ReportTable> reports, Map<String, String> ownerBySku,
                                     PageContext context, char csvDelimiter) {
        Messages messages = context.messages();
        List<ReportTable> split = reports.stream().filter(r -> r.output().splitPerOwner()).toList();
        List<Map<String, Table>> perOwner = split.stream()
                .map(r -> r.available() ? byOwner(r.table(), ownerBySku) : Map.<String, Table>of()).toList();
        TreeSet<String> owners = new TreeSet<>();
        perOwner.forEach(tables -> owners.addAll(tables.keySet()));

        List<String> header = new ArrayList<>(List.of(ReportColumns.OWNER.column(), ReportColumns.FOLDER.column()));
        split.forEach(r -> header.add(r.output().ownerIndex().column()));
        List<String> written = new ArrayList<>();
        List<List<Object>> index = new ArrayList<>();
        for (String owner : owners) {
            String ownerFolder = "owners/" + folderName(owner) + "/";
            List<Object> counts = new ArrayList<>(List.of(owner, ownerFolder));
            List<HtmlPage.Section> sections = new ArrayList<>(Dashboard.warnings(context.warnings(), messages));
            List<XlsxWriter.Sheet> sheets = new ArrayList<>();
            List<ReportTable> ownReports = new ArrayList<>();
            for (int i = 0; i < split.size(); i++) {
                ReportTable report = split.get(i);
                Output output = report.output();
                // An unavailable report keeps its note row: the owner sees why it is empty.
                Table own = !report.available() ? report.table()
                        : perOwner.get(i).getOrDefault(owner, new Table(report.table().header(), List.of()));
                CsvTableWriter.write(folder, ownerFolder + output.file(), own, csvDelimiter);
                sheets.add(new XlsxWriter.Sheet(output.file().replaceFirst("\\.csv$", ""), own));
                ownReports.add(new ReportTable(output, own, report.missing()));
                counts.add(!report.available() ? 0
                        : output.page() == null ? own.rows().size() : output.page().shown(own).rows().size());
            }
            // The cards of the owner's products are filled from the owner's own rows of each part.
            Map<ProductCards.Part, ReportTable> parts = Dashboard.cardParts(ownReports);
            for (ReportTable ownReport : ownReports) {
                if (ownReport.output().page() != null) {
                    sections.add(Dashboard.section(ownReport, parts, Integer.MAX_VALUE, messages));
                }
            }
            HtmlPage.write(folder, ownerFolder + Dashboard.FILE, messages.locale(), messages.get("owner.title", owner),
                    context.subtitle(messages), sections);
            written.add(ownerFolder + Dashboard.FILE);
            if (!sheets.isEmpty()) {
                XlsxWriter.write(folder, ownerFolder + WORKBOOK, sheets);
                written.add(ownerFolder + WORKBOOK);
            }
            index.add(counts);
        }
        CsvTableWriter.write(folder, INDEX, new Table(header, index), csvDelimiter);
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
}
