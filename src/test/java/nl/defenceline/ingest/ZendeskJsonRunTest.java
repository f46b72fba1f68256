package nl.defenceline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.defenceline.SharedSpark;
import nl.defenceline.cli.Main;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shop's Zendesk JSON export and nothing else (src/test/resources/exports/zendesk-json/: 20 tickets, one exported
 * twice after an update) runs through the CLI: exit 0, every line accounted for, the other sources absent.
 */
@ExtendWith(SharedSpark.class)
class ZendeskJsonRunTest {

    private static final Path EXPORT = Path.of("src/test/resources/exports/zendesk-json");

    @Test
    void aTicketsOnlyZendeskJsonExportRuns(SparkSession spark, @TempDir Path work) throws IOException {
        Path out = work.resolve("out");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", "--input", EXPORT.toString(), "--output", out.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));

        JsonNode inputs = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile()).get("inputs");
        JsonNode tickets = inputs.get("tickets.csv");
        assertEquals(21, tickets.get("rows_read").asLong());
        assertEquals(20, tickets.get("rows_used").asLong());
        assertEquals(1, tickets.get("rows_rejected").asLong());
        assertEquals("export-2026-11-09.json (zendesk-json)", tickets.get("files").get(0).asText());
        for (String other : List.of("returns.csv", "stock_questions.csv", "products.csv", "orders.csv")) {
            assertEquals(0, inputs.get(other).get("rows_read").asLong(), other);
        }
        String rejects = Files.readString(out.resolve("rejects/tickets.csv"));
        assertTrue(rejects.contains("duplicate ticket_id '1005': replaced by export-2026-11-09.json line 21"), rejects);
    }
}
