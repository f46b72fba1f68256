package nl.defenceline.job;

import java.util.Map;
import nl.defenceline.classify.ShareEstimator;
import nl.defenceline.ingest.Ingested;
import nl.defenceline.schema.Source;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the reports are computed from: the sources as read, the classified texts, and the run's settings.
 *
 * @param classified   the classified rows of each source with text: tickets and stock questions with their category,
 *                     returns with their reason
 * @param productNames sku -> product name (see {@code insights.ProductNames})
 * @param window       the trend window
 * @param shares       how the complaint shares are estimated from the model's guesses
 */
record ReportInputs(Map<Source, Ingested> ingested, Map<Source, Dataset<Row>> classified, Dataset<Row> productNames,
                    TrendWindow window, RunConfig config, ShareEstimator shares) {

    Ingested ingested(Source source) {
        return ingested.get(source);
    }

    Dataset<Row> tickets() {
        return classified.get(Source.TICKETS);
    }

    /** The sources classified into line-of-defence categories: all but returns, which get a reason instead. */
    Map<Source, Dataset<Row>> categorised() {
        Map<Source, Dataset<Row>> categorised = new java.util.EnumMap<>(classified);
        categorised.remove(Source.RETURNS);
        return categorised;
    }

    Dataset<Row> returns() {
        return classified.get(Source.RETURNS);
    }

    Dataset<Row> stockQuestions() {
        return classified.get(Source.STOCK_QUESTIONS);
    }

    Dataset<Row> orders() {
        return ingested.get(Source.ORDERS).rows();
    }
}
