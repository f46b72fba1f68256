package nl.defenceline.insights;

import static nl.defenceline.schema.ReturnColumns.PRODUCT_NAME;
import static nl.defenceline.schema.ReturnColumns.QUANTITY;
import static nl.defenceline.schema.ReturnColumns.REASON_CODE;
import static nl.defenceline.schema.ReturnColumns.REASON_TEXT;
import static nl.defenceline.schema.ReturnColumns.RETURNED_AT;
import static nl.defenceline.schema.ReturnColumns.RETURN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import nl.defenceline.ReasonsByKeywords;
import nl.defenceline.Rows;
import nl.defenceline.SharedSpark;
import nl.defenceline.insights.RecurringThemes.Comment;
import nl.defenceline.insights.RecurringThemes.Theme;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.ReturnColumns;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.TicketColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class RecurringThemesTest {

    @Test
    void groupsTheSameComplaintInOtherWordsIntoOneTheme() {
        List<Theme> themes = RecurringThemes.themes(List.of(
                new Comment(RecurringThemes.RETURN, "R10", "Past helemaal niet bij ons interieur"),
                new Comment(RecurringThemes.RETURN, "R9", "Past niet bij mijn interieur"),
                new Comment(RecurringThemes.TICKET, "T1", "Hallo,\n\nDe trui past niet in mijn woonkamer interieur.\n\nGroetjes,\nFleur"),
                new Comment(RecurringThemes.RETURN, "R11", "past niet bij mijn interieur!"),
                new Comment(RecurringThemes.RETURN, "R12", "Ruikt heel sterk naar plastic"),
                new Comment(RecurringThemes.RETURN, "R13", "Other")), "Trui Mila", 3);

        assertEquals(1, themes.size());
        Theme theme = themes.get(0);
        assertEquals(4, theme.comments());
        assertEquals(3, theme.returns());
        assertEquals(1, theme.tickets());
        assertEquals("Past niet bij mijn interieur", theme.label(), "the comment most like the others");
        assertEquals("Past helemaal niet bij ons interieur", theme.quote1(), "other wordings first");
        assertEquals("De trui past niet in mijn woonkamer interieur.", theme.quote2(), "own words, no greeting or signature");
        assertEquals("R9;R10;R11;T1", theme.ids());
    }

    @Test
    void chainsAlikeCommentsIntoOneGroup() {
        List<List<Integer>> groups = RecurringThemes.groups(List.of(
                Set.of("a", "b", "c"), Set.of("c", "d", "e"), Set.of("a", "b", "c", "d"), Set.of("x", "y")));
        assertEquals(List.of(List.of(0, 1, 2), List.of(3)), groups, "0~2 and 2~1 join 0 and 1");
    }

    @Test
    void joinsWhitespaceAsTheRegularExpressionDoes() {
        java.util.Random random = new java.util.Random(5);
        char[] alphabet = {'a', 'b', ' ', ' ', '\t', '\n', '\r', '\f', '\u000B', '\u00A0', '\u2003', '\u001C', '.'};
        for (int round = 0; round < 5000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String raw = text.toString();
            String expected = raw.replaceAll("\\s+", " ");
            assertEquals(expected, RecurringThemes.oneLine(raw), "'" + raw + "'");
            String own = expected.strip();
            assertEquals(own.split("\\s+").length, RecurringThemes.words(own), "'" + own + "'");
        }
    }

    @Test
    void cutsAtAWordBoundary() {
        assertEquals("short", RecurringThemes.cut("short", 10));
        assertEquals("the zipper…", RecurringThemes.cut("the zipper broke", 12));
    }

    @Test
    void listsThemesPerSkuFromUnexplainedReturnsAndTickets(SparkSession spark) {
        Dataset<Row> returns = ReasonsByKeywords.withReasons(spark, Rows.of(Source.RETURNS)
                .add(RETURN_ID, "R1", ReturnColumns.SKU, "TRU", PRODUCT_NAME, "Trui Mila", REASON_CODE, "other",
                        REASON_TEXT, "Past niet bij mijn interieur", QUANTITY, 1, RETURNED_AT, Rows.at("2026-10-01T10:00:00"))
                .add(RETURN_ID, "R2", ReturnColumns.SKU, "TRU", PRODUCT_NAME, "Trui Mila", REASON_CODE, "anders",
                        REASON_TEXT, "Past helemaal niet bij ons interieur", QUANTITY, 1, RETURNED_AT, Rows.at("2026-10-02T10:00:00"))
                .add(RETURN_ID, "R3", ReturnColumns.SKU, "TRU", PRODUCT_NAME, "Trui Mila", REASON_CODE, "too_small",
                        REASON_TEXT, "Past niet, te klein voor mijn interieur", QUANTITY, 1, RETURNED_AT, Rows.at("2026-10-02T10:00:00"))
                .add(RETURN_ID, "R4", ReturnColumns.SKU, "MOK", PRODUCT_NAME, "Mok", REASON_CODE, "other",
                        REASON_TEXT, "Past niet bij mijn interieur", QUANTITY, 1, RETURNED_AT, Rows.at("2026-10-03T10:00:00"))
                .add(RETURN_ID, "R5", ReturnColumns.SKU, "MOK", PRODUCT_NAME, "Mok", REASON_CODE, "other",
                        REASON_TEXT, "Ruikt heel sterk naar plastic", QUANTITY, 1, RETURNED_AT, Rows.at("2026-10-03T10:00:00"))
                .add(RETURN_ID, "R6", ReturnColumns.SKU, "MOK", PRODUCT_NAME, "Mok", REASON_CODE, "",
                        REASON_TEXT, "The handle broke off after one week", QUANTITY, 1, RETURNED_AT, Rows.at("2026-10-03T10:00:00"))
                .toDataset(spark));
        Dataset<Row> tickets = Rows.classified(Source.TICKETS)
                .add(TicketColumns.TICKET_ID, "T1", TicketColumns.SKU, "TRU", TicketColumns.SUBJECT, "Retour",
                        TicketColumns.BODY, "Beste,\n\nDe trui past niet in mijn woonkamer interieur.\n\nGroet,\nFleur",
                        TicketColumns.CREATED_AT, Rows.at("2026-10-04T10:00:00"), ClassifiedColumns.CATEGORY, "OTHER")
                // A ticket the model put in a category fits a reason: not a theme's comment.
                .add(TicketColumns.TICKET_ID, "T4", TicketColumns.SKU, "TRU", TicketColumns.SUBJECT,
                        "De trui past niet bij mijn interieur", TicketColumns.CREATED_AT, Rows.at("2026-10-04T10:00:00"),
                        ClassifiedColumns.CATEGORY, "PRODUCT_INFO")
                .add(TicketColumns.TICKET_ID, "T2", TicketColumns.SKU, "MOK", TicketColumns.SUBJECT,
                        "Past dit niet bij mijn interieur?", TicketColumns.CREATED_AT, Rows.at("2026-10-04T10:00:00"),
                        ClassifiedColumns.CATEGORY, "UNCERTAIN")
                .add(TicketColumns.TICKET_ID, "T3", TicketColumns.SUBJECT, "Past niet bij mijn interieur",
                        TicketColumns.CREATED_AT, Rows.at("2026-10-04T10:00:00"))
                .toDataset(spark);
        Dataset<Row> names = ProductNames.of(Rows.of(Source.PRODUCTS).toDataset(spark), returns);

        Dataset<Row> result = RecurringThemes.compute(returns, tickets, names, 3);
        List<Row> rows = result.collectAsList();

        assertEquals(List.of(ReportColumns.SKU.column(), ReportColumns.PRODUCT.column(), ReportColumns.THEME.column(),
                ReportColumns.COMMENTS.column(), ReportColumns.RETURNS.column(), ReportColumns.TICKETS.column(),
                ReportColumns.QUOTE_1.column(), ReportColumns.QUOTE_2.column(), ReportColumns.IDS.column()),
                List.of(result.columns()));
        assertEquals(1, rows.size(), "MOK has the complaint twice only, its other comments are unrelated: " + rows);
        Row theme = rows.get(0);
        assertEquals("TRU", theme.getString(0));
        assertEquals("Trui Mila", theme.getString(1));
        assertEquals("Past niet bij mijn interieur", theme.getString(2));
        assertEquals(3L, theme.getLong(3), "R3 has a reason (too small), the ticket without a sku belongs to no product");
        assertEquals(2L, theme.getLong(4));
        assertEquals(1L, theme.getLong(5));
        assertEquals("R1;R2;T1", theme.getString(8));

        List<Row> lower = RecurringThemes.compute(returns, tickets, names, 2).collectAsList();
        assertEquals(List.of("TRU", "MOK"), lower.stream().map(r -> r.getString(0)).toList(), "skus kept apart");
        assertEquals("R4;T2", lower.get(1).getString(8));
        assertNull(lower.get(1).get(7), "a theme of two has one quote");
        assertTrue(lower.stream().noneMatch(r -> r.getString(2).contains("plastic")));
    }
}
