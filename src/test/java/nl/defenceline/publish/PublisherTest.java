package nl.defenceline.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.defenceline.Warning;
import nl.defenceline.schema.ReportColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherTest {

    private static final Table QUOTES = new Table(List.of("category", "quote"),
            List.of(List.of("DELIVERY", "Bel me op 06-12345678 of mail jan@example.nl over NL123456")));

    @Test
    void redactsTheDeclaredFreeTextColumnsWithoutTheCallerNamingThem(@TempDir Path dir) throws Exception {
        Publisher publisher = new Publisher(OutputFolder.local(dir), Pattern.compile("NL\\d{6}"));
        ReportTable published = publisher.publish(Output.csv("quotes.csv").freeText(ReportColumns.QUOTE), QUOTES);

        assertEquals(List.of(List.of("DELIVERY", "Bel me op [phone] of mail [e-mail] over [order]")),
                published.table().rows());
        assertEquals("\uFEFFcategory,quote\nDELIVERY,Bel me op [phone] of mail [e-mail] over [order]\n",
                Files.readString(dir.resolve("quotes.csv")));
    }

    @Test
    void leavesColumnsThatAreNotFreeTextAsTheyAre(@TempDir Path dir) throws Exception {
        ReportTable published = new Publisher(OutputFolder.local(dir), null).publish(Output.csv("q.csv"), QUOTES);
        assertEquals(QUOTES.rows(), published.table().rows());
    }

    @Test
    void redactsStreamedRowsToo(@TempDir Path dir) throws Exception {
        new Publisher(OutputFolder.local(dir), null).publish(Output.csv("review.csv").freeText(ReportColumns.QUOTE),
                QUOTES.header(), QUOTES.rows().iterator());
        assertEquals("\uFEFFcategory,quote\nDELIVERY,Bel me op [phone] of mail [e-mail] over NL123456\n",
                Files.readString(dir.resolve("review.csv")));
    }

    @Test
    void aPageOnlyReportWritesNoFile(@TempDir Path dir) throws Exception {
        new Publisher(OutputFolder.local(dir), null)
                .publish(Output.pageOnly(PageSection.of("quotes", PageSection.View.QUOTES)), QUOTES);
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aSectionShowsTheDeclaredRowsAndColumns() {
        Table reasons = new Table(List.of("sku", "reason", "recurring"),
                List.of(List.of("A", "too small", true), List.of("B", "other", false)));
        Table shown = PageSection.of("r", PageSection.View.TABLE).rowsWhere(ReportColumns.RECURRING, true)
                .columns(ReportColumns.REASON, ReportColumns.SKU).shown(reasons);
        assertEquals(new Table(List.of("reason", "sku"), List.of(List.of("too small", "A"))), shown);
    }

    @Test
    void aReportWithoutItsInputSaysSoInItsFileOnTheDashboardAndOnTheOwnersPages(@TempDir Path dir) throws Exception {
        Publisher publisher = new Publisher(OutputFolder.local(dir), null);
        Output reasons = Output.csv("recurring-return-reasons.csv")
                .onDashboard(PageSection.of("recurring-return-reasons", PageSection.View.TABLE))
                .perOwner(ReportColumns.RECURRING_RETURN_REASONS);
        ReportTable report = publisher.publishUnavailable(reasons, "returns");
        publisher.publishPages(List.of(report), java.util.Map.of(), new PageContext("export", "2026-11-09",
                "2026-11-15", "Europe/Amsterdam", "model", List.of(Warning.of("warning.subjects-only")), Locale.ENGLISH));

        assertEquals("\uFEFFnote\nnot available: the export has no usable returns.csv\n",
                Files.readString(dir.resolve("recurring-return-reasons.csv")));
        String page = Files.readString(dir.resolve("index.html"));
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("No returns in this export.")
                && page.contains("Classified on subjects only: the tickets export has no message text"), page);
        assertEquals("\uFEFFowner,folder,recurring_return_reasons\n", Files.readString(dir.resolve("owners/index.csv")),
                "no products, so no owners");
    }

    @Test
    void theDutchPagesSayItInDutchWarningsIncluded(@TempDir Path dir) throws Exception {
        Publisher publisher = new Publisher(OutputFolder.local(dir), null);
        ReportTable report = publisher.publishUnavailable(Output.csv("recurring-return-reasons.csv")
                .onDashboard(PageSection.of("recurring-return-reasons", PageSection.View.TABLE)), "returns");
        publisher.publishPages(List.of(report), java.util.Map.of(), new PageContext("export", "2026-11-09",
                "2026-11-15", "Europe/Amsterdam", "model", List.of(Warning.of("warning.subjects-only"),
                Warning.of("warning.categorizer.generators", "doccat-x", "[BagOfWordsFeatureGenerator]")),
                Locale.forLanguageTag("nl")));
        String page = Files.readString(dir.resolve("index.html"));
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("lang=\"nl\"") && page.contains("Geen retouren in deze export.")
                && page.contains("trendperiode 2026-11-09 tot en met 2026-11-15")
                && page.contains("Lees dit eerst") && page.contains("Alleen op onderwerpregels geclassificeerd")
                && page.contains("Model doccat-x wordt gescoord door OpenNLP&#39;s eigen DocumentCategorizerME"
                        + " (de featuregeneratoren [BagOfWordsFeatureGenerator]"), page);
        org.junit.jupiter.api.Assertions.assertFalse(page.contains("subjects only"), page);
    }

    @Test
    void writesTheDeclaredHumanReadableColumnsInTheRunsLanguage(@TempDir Path dir) throws Exception {
        Output reasons = Output.csv("reasons.csv")
                .translated(ReportColumns.FIX, ReportColumns.REASON, "reason", "fix", "reason.shop-code.fix");
        Table table = new Table(List.of("reason", "fix"), List.of(List.of("too small", "Size chart: the product runs small"),
                List.of("kapotte rits", "Read the customers' comments: no standard fix for this reason")));
        Publisher dutch = new Publisher(OutputFolder.local(dir), null, Locale.forLanguageTag("nl"), ',');
        assertEquals(List.of(List.of("too small", "Maattabel: het product valt klein"), List.of("kapotte rits",
                "Lees de opmerkingen van de klanten: voor deze reden is er geen standaardoplossing")),
                dutch.publish(reasons, table).table().rows());
        assertEquals(table.rows(), new Publisher(OutputFolder.local(dir), null).publish(reasons, table).table().rows(),
                "the English messages are the texts the reports compute");
        assertEquals("\uFEFFnote\nniet beschikbaar: de export heeft geen bruikbare orders.csv\n", Files.readString(
                dir.resolve(dutch.publishUnavailable(Output.csv("rate.csv"), "orders").output().file())));
    }

    @Test
    void eachOwnerGetsAWorkbookWithASheetPerOwnerReportAndTheChosenCsvDialect(@TempDir Path dir) throws Exception {
        Publisher publisher = new Publisher(OutputFolder.local(dir), null, Locale.ENGLISH, ';');
        Output reasons = Output.csv("recurring-return-reasons.csv")
                .onDashboard(PageSection.of("recurring-return-reasons", PageSection.View.TABLE))
                .perOwner(ReportColumns.RECURRING_RETURN_REASONS);
        Table table = new Table(List.of(ReportColumns.SKU.column(), "share"),
                List.of(List.of("A", 0.25), List.of("B", 0.5)));
        ReportTable report = publisher.publish(reasons, table);
        List<String> written = publisher.publishPages(List.of(report), java.util.Map.of("A", "mode@shop.example"),
                new PageContext("export", "2026-11-09", "2026-11-15", "Europe/Amsterdam", "model", List.of(),
                        Locale.ENGLISH));

        org.junit.jupiter.api.Assertions.assertTrue(written.containsAll(List.of(
                "owners/mode-at-shop.example/products.xlsx", "owners/unassigned/products.xlsx")), written.toString());
        assertEquals("\uFEFFsku;share\nA;0,2500\n",
                Files.readString(dir.resolve("owners/mode-at-shop.example/recurring-return-reasons.csv")));
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                dir.resolve("owners/mode-at-shop.example/products.xlsx").toFile())) {
            var sheets = workbook.getSheets().toList();
            assertEquals(List.of("recurring-return-reasons"), sheets.stream().map(s -> s.getName()).toList());
            var rows = sheets.get(0).read();
            assertEquals(2, rows.size());
            assertEquals("A", rows.get(1).getCell(0).asString());
            assertEquals(0, new java.math.BigDecimal("0.25").compareTo(rows.get(1).getCell(1).asNumber()));
        }
    }

    @Test
    void refusesADelimiterExcelHasNoDialectFor(@TempDir Path dir) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Publisher(OutputFolder.local(dir), null, Locale.ENGLISH, '|'));
    }
}
