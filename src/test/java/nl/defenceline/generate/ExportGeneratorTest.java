package nl.defenceline.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.defenceline.classify.TextCleaner;
import nl.defenceline.schema.StockQuestionColumns;
import nl.defenceline.schema.TicketColumns;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportGeneratorTest {

    @TempDir
    Path dir;

    private List<CSVRecord> records(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private void generate(long tickets, boolean realistic) {
        new ExportGenerator(new ExportGenerator.Spec(tickets, tickets * 3 / 10, tickets / 10, LocalDate.of(2026, 10, 5),
                42, 7, realistic)).writeTo(dir);
    }

    @Test
    void realisticTextsAreAsLongAsRealOnesAndNoTwoAlikeEvenCleaned() throws IOException {
        generate(20_000, true);
        Set<String> raw = new HashSet<>();
        Set<String> cleaned = new HashSet<>();
        long chars = 0;
        List<CSVRecord> tickets = records(dir.resolve("tickets.csv"));
        for (CSVRecord ticket : tickets) {
            String subject = ticket.get(TicketColumns.SUBJECT.header());
            String body = ticket.get(TicketColumns.BODY.header());
            chars += subject.length() + body.length();
            raw.add(subject + "\n" + body);
            cleaned.add(TextCleaner.clean(subject + "\n" + body));
        }
        assertEquals(20_000, tickets.size());
        assertEquals(tickets.size(), raw.size(), "distinct texts");
        assertEquals(tickets.size(), cleaned.size(), "distinct texts as the classifier sees them");
        double mean = (double) chars / tickets.size();
        assertTrue(mean > 110 && mean < 125, "mean subject and text length " + mean);
        Set<String> questions = new HashSet<>();
        List<CSVRecord> stock = records(dir.resolve("stock_questions.csv"));
        stock.forEach(q -> questions.add(q.get(StockQuestionColumns.TEXT.header())));
        assertEquals(stock.size(), questions.size(), "distinct stock questions");
    }

    @Test
    void withoutRealisticTextsTheTemplateTextsRepeat() throws IOException {
        generate(2_000, false);
        Set<String> bodies = new HashSet<>();
        List<CSVRecord> tickets = records(dir.resolve("tickets.csv"));
        tickets.forEach(t -> bodies.add(t.get(TicketColumns.BODY.header())));
        assertTrue(bodies.size() < tickets.size() * 0.9, bodies.size() + " distinct of " + tickets.size());
    }

    @Test
    void clausesOfDifferentNumbersDiffer() {
        assertTrue(Texts.CLAUSES > 5_000_000, "clauses per language: " + Texts.CLAUSES);
        for (boolean dutch : new boolean[] {true, false}) {
            Set<String> clauses = new HashSet<>();
            // Consecutive numbers vary the low digits, the stride the high ones.
            for (long i = 0; i < 200_000; i++) {
                clauses.add(Texts.unique(i, dutch));
                clauses.add(Texts.unique(Texts.CLAUSES - 1 - i * 37, dutch));
            }
            assertEquals(400_000, clauses.size());
        }
    }
}
