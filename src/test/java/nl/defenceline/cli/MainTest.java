package nl.defenceline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.defenceline.SharedSpark;
import nl.defenceline.ingest.ColumnMapping;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line: exit codes, one-line messages that say what is valid, help that lists every option. */
@ExtendWith(SharedSpark.class)
class MainTest {

    /** An option's name where help lists it ("  -h, --help", "      --min-recurrence=N"), not a wrapped line. */
    private static final Pattern LISTED_OPTION = Pattern.compile("^(?:  -h,|     ) (--[a-z-]+)", Pattern.MULTILINE);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void sessionIsUp(SparkSession spark) {
        // Main reuses the suite's session instead of starting and stopping one of its own.
    }

    private int main(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMissingInputFolderIsOneLineAndExitCodeTwo(@TempDir Path dir) {
        assertEquals(2, main("run", "--input", dir.resolve("nope").toString(), "--output", dir.resolve("out").toString()));
        assertEquals("defence-line run: input folder " + dir.resolve("nope") + " does not exist\n", errors());
    }

    @Test
    void optionsTakeTheirValueAfterASpaceOrAnEqualsSign(@TempDir Path dir) {
        assertEquals(2, main("run", "--input=" + dir.resolve("nope"), "--output", dir.resolve("out").toString()));
        assertEquals("defence-line run: input folder " + dir.resolve("nope") + " does not exist\n", errors());
    }

    @Test
    void verboseAnywhereOnTheLineAddsTheStackTrace(@TempDir Path dir) {
        String input = dir.resolve("nope").toString();
        String output = dir.resolve("out").toString();
        for (String[] args : List.of(new String[] {"run", "--input", input, "--output", output, "--verbose"},
                new String[] {"--verbose", "run", "--input", input, "--output", output})) {
            assertEquals(2, main(args));
            assertTrue(errors().startsWith("defence-line run: input folder " + input + " does not exist\n"), errors());
            assertTrue(errors().contains("\tat nl.defenceline."), errors());
        }
    }

    @Test
    void aFolderWithoutTicketsSaysWhatItFoundAndWhatItExpected(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("returns.csv"),
                "return_id,order_id,sku,product_name,returned_at,reason_code,reason_text,quantity\n");
        assertEquals(2, main("run", "--input", dir.toString(), "--output", dir.resolve("out").toString()));
        assertTrue(errors().startsWith("defence-line run: no tickets in ") && errors().contains("returns.csv (returns)")
                && errors().contains("expected a tickets export"), errors());
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
    void anUnknownOptionIsOneLineNamingItAndTheValidOnes(@TempDir Path dir) {
        // Also with the required options missing: the misspelt one is what to fix.
        assertEquals(2, main("run", "--inptu", dir.toString()));
        assertEquals("defence-line run: unknown option '--inptu', expected one of [--input, --output, --timezone,"
                + " --min-recurrence, --repeat-days, --since, --until, --spike-min, --redact-order-numbers,"
                + " --min-confidence, --mapping, --max-reject-share, --max-field-size, --language, --csv-delimiter,"
                + " --model, --master, --help, --verbose];"
                + " see 'defence-line run --help'\n", errors());
    }

    @Test
    void aValueOutsideItsRangeSaysTheRange(@TempDir Path dir) {
        assertEquals(2, main("run", "--input", dir.toString(), "--output", dir.toString(), "--min-recurrence", "0"));
        assertEquals("defence-line run: --min-recurrence must be at least 1, got 0; see 'defence-line run --help'\n",
                errors());
        assertEquals(2, main("run", "--input", dir.toString(), "--output", dir.toString(), "--max-reject-share=1.5"));
        assertEquals("defence-line run: --max-reject-share must be between 0 and 1, got 1.5;"
                + " see 'defence-line run --help'\n", errors());
        assertEquals(2, main("run", "--input", dir.toString(), "--output", dir.toString(), "--min-confidence", "NaN"));
        assertEquals("defence-line run: --min-confidence must be between 0 and 1, got NaN;"
                + " see 'defence-line run --help'\n", errors());
        assertEquals(2, main("generate", "--out", dir.toString(), "--days", "0"));
        assertEquals("defence-line generate: --days must be at least 1, got 0; see 'defence-line generate --help'\n",
                errors());
    }

    @Test
    void badValuesAreOneLineThatSaysWhatIsValid(@TempDir Path dir) {
        String[] run = {"run", "--input", dir.toString(), "--output", dir.toString()};
        assertEquals(2, main(concat(run, "--timezone", "Mars/Base")));
        assertEquals("defence-line run: invalid value for option '--timezone': 'Mars/Base' is not a time zone; use a"
                + " region id such as Europe/Amsterdam, Europe/Brussels or UTC; see 'defence-line run --help'\n",
                errors());
        assertEquals(2, main(concat(run, "--mapping", "zendsk")));
        assertEquals("defence-line run: invalid value for option '--mapping': unknown mapping 'zendsk', expected one"
                + " of " + ColumnMapping.builtIn().stream().map(ColumnMapping::name).toList() + " or a mapping file;"
                + " see 'defence-line run --help'\n", errors());
        assertTrue(errors().contains("[canonical, zendesk, freshdesk"), errors());
        assertEquals(2, main(concat(run, "--since", "2026-11-31")));
        assertEquals(1, errors().lines().count(), errors());
        assertTrue(errors().contains("'2026-11-31' is not a date like 2026-11-15 (yyyy-MM-dd)"), errors());
        assertEquals(2, main(concat(run, "--min-recurrence", "three")));
        assertTrue(errors().contains("invalid value for option '--min-recurrence': 'three' is not an int"), errors());
        assertEquals(2, main(concat(run, "--since", "2026-11-15", "--until", "2026-11-14")));
        assertEquals("defence-line run: --since must be before --until\n", errors());
    }

    private static String[] concat(String[] first, String... more) {
        return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void aMissingRequiredOptionOrValueIsNamed(@TempDir Path dir) {
        assertEquals(2, main("run", "--input", dir.toString()));
        assertEquals("defence-line run: missing required option: '--output=DIR'; see 'defence-line run --help'\n",
                errors());
        assertEquals(2, main("run", "--output", dir.toString(), "--input"));
        assertEquals("defence-line run: missing required parameter for option '--input' (DIR);"
                + " see 'defence-line run --help'\n", errors());
    }

    @Test
    void anUnknownCommandListsTheValidOnes() {
        assertEquals(2, main("analyse"));
        assertEquals("defence-line: unknown command 'analyse', expected one of [run, train, evaluate, generate, help];"
                + " see 'defence-line --help'\n", errors());
    }

    @Test
    void withoutACommandTheUsageGoesToStderr() {
        assertEquals(2, main());
        assertTrue(errors().startsWith("Usage: defence-line"), errors());
        assertTrue(errors().contains("Commands:"), errors());
        assertEquals("", printed());
    }

    @Test
    void topLevelHelpListsTheCommandsAndExitCodes() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"help"})) {
            assertEquals(0, main(args));
            for (String command : List.of("run", "train", "evaluate", "generate")) {
                assertTrue(printed().contains("\n  " + command + " "), command + " in " + printed());
            }
            assertTrue(printed().contains("  3   finished and wrote the reports"), printed());
            assertEquals("", errors());
        }
    }

    static Stream<Arguments> everyCommandsOptions() {
        return Stream.of(
                Arguments.of("run", List.of("--input", "--output", "--timezone", "--min-recurrence", "--repeat-days",
                        "--since", "--until", "--spike-min", "--redact-order-numbers", "--min-confidence", "--mapping",
                        "--max-reject-share", "--max-field-size", "--language", "--csv-delimiter", "--model", "--master", "--help", "--verbose")),
                Arguments.of("train", List.of("--model-kind", "--data", "--real", "--real-weight", "--calibration-folds", "--add",
                        "--export", "--labels-from", "--label-map", "--add-weight", "--holdout", "--model", "--folds",
                        "--if-changed", "--help", "--verbose")),
                Arguments.of("evaluate", List.of("--labeled", "--model", "--model-kind", "--min-confidence", "--json", "--help",
                        "--verbose")),
                Arguments.of("generate", List.of("--out", "--tickets", "--returns", "--stock-questions", "--start",
                        "--days", "--seed", "--realistic-texts", "--help", "--verbose")));
    }

    @ParameterizedTest
    @MethodSource("everyCommandsOptions")
    void helpOfEachCommandListsEveryOption(String command, List<String> options) {
        assertEquals(0, main(command, "--help"));
        Set<String> listed = new TreeSet<>();
        Matcher matcher = LISTED_OPTION.matcher(printed());
        while (matcher.find()) {
            listed.add(matcher.group(1));
        }
        assertEquals(new TreeSet<>(options), listed, printed());
        assertEquals("", errors());
        String viaHelpCommand = printed();
        assertEquals(0, main("help", command));
        assertEquals(viaHelpCommand, printed());
    }

    @Test
    void helpShowsTheDefaults() {
        assertEquals(0, main("run", "--help"));
        assertTrue(printed().contains("--min-recurrence=N"), printed());
        assertTrue(printed().contains("flag it (default 3)"), printed());
        assertTrue(printed().contains("(default Europe/Amsterdam)"), printed());
        assertTrue(printed().contains("names: canonical, zendesk, freshdesk"), printed());
        assertEquals(0, main("generate", "--help"));
        assertTrue(printed().contains("returns (default 30% of tickets)"), printed());
        assertTrue(printed().contains("first day, yyyy-MM-dd (default 2026-10-05)"), printed());
    }
}
