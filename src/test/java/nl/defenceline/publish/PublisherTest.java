package nl.defenceline.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
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
        assertEquals("category,quote\nDELIVERY,Bel me op [phone] of mail [e-mail] over [order]\n",
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
        assertEquals("category,quote\nDELIVERY,Bel me op [phone] of mail [e-mail] over NL123456\n",
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
                "2026-11-15", "Europe/Amsterdam", "model", List.of("classified on subjects only"), Locale.ENGLISH));

        assertEquals("note\nnot available: the export has no usable returns.csv\n",
                Files.readString(dir.resolve("recurring-return-reasons.csv")));
        String page = Files.readString(dir.resolve("index.html"));
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("No returns in this export.")
                && page.contains("classified on subjects only"), page);
        assertEquals("owner,folder,recurring_return_reasons\n", Files.readString(dir.resolve("owners/index.csv")),
                "no products, so no owners");
    }

    @Test
    void theDutchPagesSayItInDutch(@TempDir Path dir) throws Exception {
        Publisher publisher = new Publisher(OutputFolder.local(dir), null);
        ReportTable report = publisher.publishUnavailable(Output.csv("recurring-return-reasons.csv")
                .onDashboard(PageSection.of("recurring-return-reasons", PageSection.View.TABLE)), "returns");
        publisher.publishPages(List.of(report), java.util.Map.of(), new PageContext("export", "2026-11-09",
                "2026-11-15", "Europe/Amsterdam", "model", List.of(), Locale.forLanguageTag("nl")));
        String page = Files.readString(dir.resolve("index.html"));
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("lang=\"nl\"") && page.contains("Geen retouren in deze export.")
                && page.contains("trendperiode 2026-11-09 tot en met 2026-11-15"), page);
    }

    @Test
    void writesTheDeclaredHumanReadableColumnsInTheRunsLanguage(@TempDir Path dir) throws Exception {
        Output reasons = Output.csv("reasons.csv")
                .translated(ReportColumns.FIX, ReportColumns.REASON, "reason", "fix", "reason.shop-code.fix");
        Table table = new Table(List.of("reason", "fix"), List.of(List.of("too small", "Size chart: the product runs small"),
                List.of("kapotte rits", "Read the customers' comments: no standard fix for this reason")));
        Publisher dutch = new Publisher(OutputFolder.local(dir), null, Locale.forLanguageTag("nl"));
        assertEquals(List.of(List.of("too small", "Maattabel: het product valt klein"), List.of("kapotte rits",
                "Lees de opmerkingen van de klanten: voor deze reden is er geen standaardoplossing")),
                dutch.publish(reasons, table).table().rows());
        assertEquals(table.rows(), new Publisher(OutputFolder.local(dir), null).publish(reasons, table).table().rows(),
                "the English messages are the texts the reports compute");
        assertEquals("note\nniet beschikbaar: de export heeft geen bruikbare orders.csv\n", Files.readString(
                dir.resolve(dutch.publishUnavailable(Output.csv("rate.csv"), "orders").output().file())));
    }
}
