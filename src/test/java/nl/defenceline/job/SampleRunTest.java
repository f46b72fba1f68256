package nl.defenceline.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.defenceline.GoldenFiles;
import nl.defenceline.OtherSchemeFileSystem;
import nl.defenceline.SharedSpark;
import nl.defenceline.cli.Main;
import nl.defenceline.generate.ExportGenerator;
import nl.defenceline.classify.ReturnReason;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** End to end through the CLI on sample-data/export: the planted findings come out and the malformed rows are rejected. */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleRunTest {

    private Path output;
    private JsonNode summary;

    @BeforeAll
    void runOnTheSampleExport(SparkSession spark, @TempDir Path dir) throws Exception {
        output = dir.resolve("reports");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", "--input", "sample-data/export", "--output", output.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        summary = new ObjectMapper().readTree(output.resolve(AnalysisJob.RUN_SUMMARY).toFile());
    }

    private List<CSVRecord> report(String name) throws Exception {
        return nl.defenceline.ReportCsv.records(output.resolve(name));
    }

    /**
     * Every CSV of the sample run and the summary's fields that do not vary from run to run are pinned: a change of
     * output is made on purpose, with -Dgolden.update=true (see src/test/resources/golden/README.md).
     */
    @Test
    void csvsAndSummaryMatchTheGoldenFiles() throws Exception {
        List<Path> csvs = csvFiles(output);
        GoldenFiles.assertMatches("sample/files.txt", String.join("\n", csvs.stream().map(Path::toString).toList()) + "\n");
        for (Path csv : csvs) {
            GoldenFiles.assertMatches("sample/" + csv, Files.readString(output.resolve(csv)));
        }
        ObjectNode pinned = summary.deepCopy();
        ObjectNode run = (ObjectNode) pinned.get("run");
        // Where and when the run happened, how long it took, and the day the model was trained vary; the rest may not.
        run.remove(List.of("input", "output", "started_at"));
        pinned.remove(List.of("duration_seconds", "model_version", "return_reason_model"));
        GoldenFiles.assertMatches("sample/run-summary.json",
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(pinned) + "\n");
    }

    @Test
    void accountsForEveryRow() {
        for (String input : List.of("tickets.csv", "returns.csv", "stock_questions.csv", "products.csv")) {
            JsonNode counts = summary.get("inputs").get(input);
            assertEquals(counts.get("rows_read").asLong(),
                    counts.get("rows_used").asLong() + counts.get("rows_rejected").asLong(), input);
        }
        assertEquals(405, summary.get("inputs").get("tickets.csv").get("rows_read").asLong());
        assertEquals(5, summary.get("inputs").get("tickets.csv").get("rows_rejected").asLong());
        assertEquals(2, summary.get("inputs").get("returns.csv").get("rows_rejected").asLong());
        assertEquals(1, summary.get("inputs").get("stock_questions.csv").get("rows_rejected").asLong());
        assertTrue(summary.get("model_version").asText().startsWith("doccat-"));
        assertTrue(summary.get("return_reason_model").asText().startsWith("return-reasons-"));
        long returns = summary.get("inputs").get("returns.csv").get("rows_used").asLong();
        long decided = 0;
        for (JsonNode count : summary.get("return_reasons").get("decided_by")) {
            decided += count.asLong();
        }
        assertEquals(returns, decided, "every used return has a reason, decided by code, comment or neither");
    }

    @Test
    void putsTheMalformedRowsInTheRejectsWithLineAndReason() throws Exception {
        List<CSVRecord> tickets = report("rejects/tickets.csv");
        assertEquals(5, tickets.size());
        assertTrue(tickets.get(0).get("reason").startsWith("invalid created_at: '31-02-2026 25:61'"), tickets.get(0).get("reason"));
        assertTrue(tickets.get(1).get("reason").startsWith("unknown channel 'fax'"));
        assertEquals("missing value for ticket_id", tickets.get(2).get("reason"));
        assertEquals("has 4 fields, the header has 10", tickets.get(3).get("reason"));
        assertTrue(tickets.get(4).get("reason").startsWith("no text"));
        long firstLine = Long.parseLong(tickets.get(0).get("line"));
        for (int i = 0; i < tickets.size(); i++) {
            assertEquals(firstLine + i, Long.parseLong(tickets.get(i).get("line")), "consecutive lines at the end");
        }
        assertEquals(Files.readAllLines(Path.of("sample-data/export/tickets.csv")).size(),
                Long.parseLong(tickets.get(4).get("line")), "the last reject is the file's last line");
        assertEquals("invalid quantity: 'twee' is not a whole number", report("rejects/returns.csv").get(0).get("reason"));
        assertEquals("missing value for sku", report("rejects/returns.csv").get(1).get("reason"));
        assertTrue(report("rejects/stock_questions.csv").get(0).get("reason").startsWith("invalid asked_at: 'gisteren'"));
    }

    @Test
    void deliveryIsTheTopComplaintSource() throws Exception {
        List<CSVRecord> sources = report("complaint-sources.csv");
        assertEquals("DELIVERY", sources.get(0).get("category"));
        assertEquals(1.0, Double.parseDouble(sources.get(sources.size() - 1).get("cumulative_share")), 1e-9);
    }

    @Test
    void mondayNineIsTheBusiestHour() throws Exception {
        CSVRecord busiest = report("busiest-hours.csv").stream()
                .max(java.util.Comparator.comparingLong(r -> Long.parseLong(r.get("tickets")))).orElseThrow();
        assertEquals("Monday", busiest.get("weekday"));
        assertEquals("9", busiest.get("hour"));
    }

    @Test
    void flagsTheColourAndSizeProblems() throws Exception {
        List<CSVRecord> reasons = report("recurring-return-reasons.csv");
        java.util.Set<String> topTwo = new java.util.HashSet<>();
        for (CSVRecord row : reasons.subList(0, 2)) {
            assertEquals("true", row.get("recurring"));
            topTwo.add(row.get("sku") + " " + row.get("reason"));
        }
        assertEquals(java.util.Set.of(ExportGenerator.COLOUR_SKU + " " + ReturnReason.LOOKS_DIFFERENT.label(),
                ExportGenerator.SIZE_SKU + " " + ReturnReason.TOO_SMALL.label()), topTwo);
    }

    @Test
    void findsTheStockOutHotSpot() throws Exception {
        assertEquals(ExportGenerator.STOCKOUT_SKU, report("stockout-hotspots.csv").get(0).get("sku"));
    }

    @Test
    void ownersGetOnlyTheirProducts() throws Exception {
        List<CSVRecord> owners = report("owners/index.csv");
        assertTrue(owners.stream().anyMatch(r -> r.get("owner").equals("mode@shop.example")
                && r.get("folder").equals("owners/mode-at-shop.example/")));
        assertTrue(owners.stream().anyMatch(r -> r.get("owner").equals("unassigned")), "HDP-620 has no owner");
        List<CSVRecord> reasons = report("owners/mode-at-shop.example/recurring-return-reasons.csv");
        assertTrue(reasons.stream().anyMatch(r -> r.get("sku").equals(ExportGenerator.COLOUR_SKU)
                && r.get("recurring").equals("true")));
        assertTrue(reasons.stream().noneMatch(r -> r.get("sku").equals(ExportGenerator.SIZE_SKU)), "shoes are not hers");
        assertTrue(report("owners/schoenen-team/recurring-return-reasons.csv").stream()
                .anyMatch(r -> r.get("sku").equals(ExportGenerator.SIZE_SKU)));
        assertTrue(Files.readString(output.resolve("owners/mode-at-shop.example/index.html")).contains(ExportGenerator.COLOUR_SKU));
    }

    @Test
    void theDashboardRendersInAHeadlessBrowser() throws Exception {
        Path screenshots = Path.of("target");
        BrowserCheck.Result page = BrowserCheck.open(output.resolve("index.html"), screenshots.resolve("dashboard.png"));
        assertTrue(page.dom().contains("aria-label=\"Pareto chart of complaint sources\""), "Pareto chart present");
        assertTrue(page.dom().contains("aria-label=\"Tickets per weekday and hour\""), "heat map present");
        assertTrue(page.dom().split("<rect", -1).length > 7 * 24, "bars and heat-map cells are drawn");
        assertTrue(page.dom().contains(ExportGenerator.STOCKOUT_SKU), "stock-out hot spot on the page");
        assertTrue(page.consoleErrors().isEmpty(), page.consoleErrors().toString());
        assertTrue(Files.size(screenshots.resolve("dashboard.png")) > 20_000, "a screenshot with content");
        // The Dutch page of an owner (Dutch is the default language), as she sees it: her products' cards first.
        BrowserCheck.Result owner = BrowserCheck.open(output.resolve("owners/mode-at-shop.example/index.html"),
                screenshots.resolve("owner-report.png"));
        assertTrue(owner.dom().contains("<html lang=\"nl\">"), "in Dutch");
        assertTrue(owner.dom().split("<article class=\"card\">", -1).length - 1 >= 4, "a card per product of hers");
        assertTrue(owner.dom().contains("<article class=\"card\"><h3>1. " + ExportGenerator.STOCKOUT_SKU + " – "),
                "the bag asked after 44 times comes first: the most tickets, stock questions and returns of hers");
        int card = owner.dom().indexOf(ExportGenerator.COLOUR_SKU + " – Jurk Lotte groen</h3>");
        assertTrue(card > 0, "the dress with the colour problem has its card");
        String first = owner.dom().substring(card, owner.dom().indexOf("</article>", card));
        assertTrue(first.contains("href=\"https://shop.example/p/jrk-204\"") && first.contains("Productpagina openen"),
                "the link to its page");
        assertTrue(first.contains("Kleur of uiterlijk wijkt af van de foto") && first.contains("→ Productfoto"),
                "the recurring reason with its fix, in Dutch");
        assertTrue(first.contains("<blockquote>") && first.contains("evidence.csv"), "quotes and the evidence file");
        assertTrue(owner.consoleErrors().isEmpty(), owner.consoleErrors().toString());
        assertTrue(Files.size(screenshots.resolve("owner-report.png")) > 20_000, "a screenshot with content");
    }

    @Test
    void theEvidenceBesideAnOwnersPageHoldsTheIdsBehindHerCards() throws Exception {
        List<CSVRecord> evidence = report("owners/mode-at-shop.example/evidence.csv");
        List<CSVRecord> colour = evidence.stream().filter(r -> r.get("sku").equals(ExportGenerator.COLOUR_SKU)
                && r.get("finding").equals("return_reason")
                && r.get("key").equals(ReturnReason.LOOKS_DIFFERENT.label())).toList();
        CSVRecord reason = report("owners/mode-at-shop.example/recurring-return-reasons.csv").stream()
                .filter(r -> r.get("sku").equals(ExportGenerator.COLOUR_SKU)).findFirst().orElseThrow();
        assertEquals(Long.parseLong(reason.get("returns")), colour.size(), "one id per return behind the finding");
        assertTrue(colour.stream().allMatch(r -> r.get("source").equals("return") && r.get("id").startsWith("R")));
        assertTrue(evidence.stream().noneMatch(r -> r.get("sku").equals(ExportGenerator.SIZE_SKU)),
                "shoes are not hers");
        assertEquals(ExportGenerator.STOCKOUT_SKU, report("owners/mode-at-shop.example/product-priorities.csv")
                .get(0).get("sku"), "what to fix first");
    }

    /**
     * The same export read and written again through a Hadoop filesystem URI, into a folder that already holds an
     * earlier run's reports (a nightly run repeated for the same day): every CSV is byte for byte the one of the first,
     * local run, nothing of the earlier folder is left, and no staging or old folder stays behind.
     */
    @Test
    void runningTheSameExportAgainThroughAHadoopUriGivesByteIdenticalCsvs(SparkSession spark, @TempDir Path dir)
            throws Exception {
        OtherSchemeFileSystem.register(spark.sparkContext().hadoopConfiguration());
        Path again = dir.resolve("again");
        Files.createDirectories(again.resolve("kpis"));
        Files.writeString(again.resolve("kpis/left-over.csv"), "from an earlier run\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", "--input", OtherSchemeFileSystem.uri(Path.of("sample-data/export")),
            "--output", OtherSchemeFileSystem.uri(again)},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        List<Path> csvs = csvFiles(output);
        assertTrue(csvs.size() > 15, "reports, KPIs, owners' files, rejects and review: " + csvs);
        assertEquals(csvs, csvFiles(again), "the earlier run's files are gone");
        for (Path csv : csvs) {
            assertEquals(Files.readString(output.resolve(csv)), Files.readString(again.resolve(csv)), csv.toString());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(again), left.toList(), "nothing but the report folder");
        }
        String named = new ObjectMapper().readTree(again.resolve(AnalysisJob.RUN_SUMMARY).toFile())
                .get("run").get("output").asText();
        assertTrue(named.startsWith(OtherSchemeFileSystem.SCHEME + ":") && named.endsWith(again.toString()), named);
    }

    private static List<Path> csvFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".csv")).map(folder::relativize).sorted().toList();
        }
    }
}
