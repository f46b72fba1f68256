package nl.defenceline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import nl.defenceline.UserError;
import nl.defenceline.schema.Source;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFolderTest {

    private static final Path CORPUS = Path.of("src/test/resources/hostile-json");
    private static final String TICKETS = "ticket_id,created_at,channel,subject,body,customer_id,order_id\n"
            + "T1,2026-11-02 10:00,email,Levering,Waar is mijn pakket?,C1,NL1\n";

    private static ExportFolder open(Path dir) {
        return ExportFolder.open(dir.toString(), new Configuration(), null);
    }

    private static List<String> names(ExportFolder folder, Source source) {
        return folder.files(source).stream().map(ExportFolder.ExportFile::name).toList();
    }

    @Test
    void onlyTicketsAreRequired(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tickets.csv"), TICKETS);
        ExportFolder folder = open(dir);
        assertEquals(List.of("tickets.csv"), names(folder, Source.TICKETS));
        for (Source other : List.of(Source.RETURNS, Source.STOCK_QUESTIONS, Source.PRODUCTS, Source.ORDERS)) {
            assertTrue(folder.files(other).isEmpty(), other.fileStem());
        }
        assertEquals(List.of(Source.TICKETS), java.util.Arrays.stream(Source.values()).filter(Source::requiredFile).toList());
    }

    @Test
    void aFolderWithoutTicketsNamesWhatItFoundAndWhatIsMissingInOneLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("orders_export_1.csv"), "order_id,ordered_at,sku,quantity,price\nNL1,2026-11-01 10:00,SKU1,1,9.95\n");
        Files.writeString(dir.resolve("products.csv"), "sku,name\nSKU1,Trui\n");
        Files.writeString(dir.resolve("tickets.csv"), "");
        UserError error = assertThrows(UserError.class, () -> open(dir));
        assertEquals("no tickets in " + dir + ": found orders_export_1.csv (orders), products.csv (products); ignored "
                + "tickets.csv (empty file); expected a tickets export (tickets.csv, a Zendesk, Freshdesk or Gorgias "
                + "CSV, or a Zendesk JSON export)", error.getMessage());
        assertEquals(nl.defenceline.ExitCode.BAD_INPUT.code(), error.exitCode());
    }

    @Test
    void anEmptyFolderSaysItFoundNothing(@TempDir Path dir) {
        UserError error = assertThrows(UserError.class, () -> ExportFolder.openTickets(dir.toString(), new Configuration()));
        assertTrue(error.getMessage().startsWith("no tickets in " + dir + ": found no export files; expected a tickets"),
                error.getMessage());
    }

    @Test
    void takesJsonAsTicketsByContentOrByNameAndSaysWhyOtherJsonIsIgnored(@TempDir Path dir) throws Exception {
        Files.copy(CORPUS.resolve("conversations/tickets.json"), dir.resolve("export-2026-11-09.json"));
        Files.copy(CORPUS.resolve("pages/tickets-page-1.json"), dir.resolve("incremental-1.json"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("export-2026-11-10.json.gz")))) {
            out.write(Files.readAllBytes(CORPUS.resolve("pages/tickets-page-2.json")));
        }
        Files.writeString(dir.resolve("tickets-broken.json"), "not json at all\n");
        Files.writeString(dir.resolve("users.json"), "{\"id\": 1, \"name\": \"Anna\", \"email\": \"anna@example.nl\"}\n");
        Files.writeString(dir.resolve("returns.json"), "{\"id\": 1}\n");
        Files.writeString(dir.resolve("empty.json"), "\n");
        Files.writeString(dir.resolve("tickets.csv"), TICKETS);

        ExportFolder folder = open(dir);
        assertEquals(List.of("export-2026-11-09.json", "export-2026-11-10.json.gz", "incremental-1.json",
                "tickets-broken.json", "tickets.csv"), names(folder, Source.TICKETS), "name order is export order");
        assertEquals(List.of(0, 1, 2, 3, 4), folder.files(Source.TICKETS).stream().map(ExportFolder.ExportFile::order).toList());
        assertEquals(List.of("zendesk-json", "zendesk-json", "zendesk-json", "zendesk-json", "canonical"),
                folder.files(Source.TICKETS).stream().map(ExportFolder.ExportFile::readAs).toList());
        assertTrue(folder.files(Source.RETURNS).isEmpty());
        assertEquals("empty file", folder.ignored().get("empty.json"));
        assertTrue(folder.ignored().get("users.json").startsWith("JSON but not a Zendesk tickets export"),
                folder.ignored().toString());
        assertTrue(folder.ignored().get("returns.json").startsWith("JSON is read for tickets only"),
                folder.ignored().toString());
    }
}
