package nl.defenceline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.defenceline.SharedSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages of the command line on bad input: one line, code 2, no stack trace. */
@ExtendWith(SharedSpark.class)
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void sessionIsUp(SparkSession spark) {
        // Main reuses the suite's session instead of starting and stopping one of its own.
    }

    private int main(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMissingInputFolderIsOneLineAndExitCodeTwo(@TempDir Path dir) {
        assertEquals(2, main("run", "--input", dir.resolve("nope").toString(), "--output", dir.resolve("out").toString()));
        assertEquals("defence-line run: input folder " + dir.resolve("nope") + " does not exist\n", errors());
    }

    @Test
    void aMissingRequiredFileIsNamed(@TempDir Path dir) {
        assertEquals(2, main("run", "--input", dir.toString(), "--output", dir.resolve("out").toString()));
        assertTrue(errors().startsWith("defence-line run: tickets.csv is missing from input folder"), errors());
        assertEquals(1, errors().lines().count());
    }

    @Test
    void aMissingRequiredColumnNamesFileAndColumn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tickets.csv"), "ticket_id,channel,subject,body,customer_id,order_id\n");
        Files.writeString(dir.resolve("returns.csv"),
                "return_id,order_id,sku,product_name,returned_at,reason_code,reason_text,quantity\n");
        Files.writeString(dir.resolve("stock_questions.csv"), "question_id,asked_at,sku,channel,customer_id,text\n");
        assertEquals(2, main("run", "--input", dir.toString(), "--output", dir.resolve("out").toString()));
        assertTrue(errors().startsWith("defence-line run: tickets.csv: required column created_at is missing"), errors());
    }

    @Test
    void badSettingsListWhatIsValid(@TempDir Path dir) {
        assertEquals(2, main("run", "--input", dir.toString(), "--output", dir.toString(), "--timezone", "Mars/Olympus"));
        assertTrue(errors().contains("'Mars/Olympus' is not a time zone"), errors());
        err.reset();
        assertEquals(2, main("run", "--inptu", dir.toString()));
        assertTrue(errors().contains("unknown option '--inptu' for run, expected one of [--input,"), errors());
        err.reset();
        assertEquals(2, main("analyse"));
        assertTrue(errors().contains("unknown command 'analyse', expected one of [run, train, evaluate, generate"), errors());
    }

    @Test
    void helpListsTheOptions() {
        assertEquals(0, main("run", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--min-recurrence N"));
    }
}
