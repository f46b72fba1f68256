package nl.defenceline.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.defenceline.Rows;
import nl.defenceline.SharedSpark;
import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.TicketColumns;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class RepresentativeQuotesTest {

    private static final String[] CATEGORIES = {"DELIVERY", "RETURNS", "STOCK"};
    /** Texts whose own words coincide ("Waar blijft mijn pakket?" with a greeting, a signature or extra spaces). */
    private static final String[] TEXTS = {"Waar blijft mijn pakket?", "Hallo,\nWaar blijft mijn pakket?",
        "Waar  blijft mijn\npakket?", "Waar blijft mijn pakket?\n\nMet vriendelijke groet,\nAnna",
        "Hoe stuur ik dit terug?", "Is de jas weer op voorraad?", "Pakket kwijt", "Retourlabel graag",
        "Wanneer komt maat M binnen?", "Nog niets ontvangen"};
    private static final Double[] CONFIDENCES = {0.5, 0.6, 0.7, 0.9, 0.95, null};

    @Test
    void quotesTheSurestDistinctOwnWordsPerCategoryWhateverThePartitioning(SparkSession spark) {
        Random random = new Random(7);
        var rows = Rows.classified(Source.TICKETS);
        List<Object[]> tickets = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            Double confidence = CONFIDENCES[random.nextInt(CONFIDENCES.length)];
            String body = random.nextInt(10) == 0 ? null : TEXTS[random.nextInt(TEXTS.length)];
            String subject = TEXTS[random.nextInt(TEXTS.length)];
            rows.add(TicketColumns.TICKET_ID, "T" + i, ClassifiedColumns.CATEGORY, category,
                    ClassifiedColumns.CONFIDENCE, confidence, TicketColumns.SUBJECT, subject, TicketColumns.BODY, body);
            tickets.add(new Object[] {category, body != null ? body : subject, confidence});
        }

        for (int partitions : new int[] {1, 7}) {
            List<String> quotes = RepresentativeQuotes.compute(rows.toDataset(spark).repartition(partitions), 3)
                    .collectAsList().stream().map(r -> r.getString(0) + " " + r.getString(1)).toList();
            assertEquals(everyQuoteRanked(tickets, 3), quotes, partitions + " partitions");
        }
    }

    /** The ranking over every ticket's quote: highest confidence first (missing last), then the quote. */
    private static List<String> everyQuoteRanked(List<Object[]> tickets, int perCategory) {
        Map<String, Map<String, Double>> best = new HashMap<>();
        for (Object[] t : tickets) {
            String quote = RepresentativeQuotes.quote((String) t[1]);
            Double confidence = (Double) t[2];
            best.computeIfAbsent((String) t[0], c -> new HashMap<>())
                    .merge(quote, confidence == null ? Double.NEGATIVE_INFINITY : confidence, Math::max);
        }
        List<String> ranked = new ArrayList<>();
        best.keySet().stream().sorted().forEach(category -> best.get(category).entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                .limit(perCategory).forEach(e -> ranked.add(category + " " + e.getKey())));
        return ranked;
    }
}
