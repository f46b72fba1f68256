package nl.defenceline.insights;

import static nl.defenceline.schema.ReturnColumns.QUANTITY;
import static nl.defenceline.schema.ReturnColumns.REASON_CODE;
import static nl.defenceline.schema.ReturnColumns.REASON_TEXT;
import static nl.defenceline.schema.ReturnColumns.RETURNED_AT;
import static nl.defenceline.schema.ReturnColumns.RETURN_ID;
import static nl.defenceline.schema.ReturnColumns.SKU;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nl.defenceline.ReasonsByKeywords;
import nl.defenceline.Rows;
import nl.defenceline.SharedSpark;
import nl.defenceline.classify.ReturnReason;
import nl.defenceline.schema.ProductColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.Source;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class ReturnReasonDisagreementsTest {

    @Test
    void listsCodedReasonsThatConfidentCommentsContradictPerSku(SparkSession spark) {
        Dataset<Row> returns = ReasonsByKeywords.withReasons(spark, Rows.of(Source.RETURNS)
                .add(RETURN_ID, "R2", SKU, "JAS", REASON_CODE, "changed_mind", REASON_TEXT, "Valt veel te klein",
                        QUANTITY, 1, RETURNED_AT, Rows.at("2026-10-01T10:00:00"))
                .add(RETURN_ID, "R1", SKU, "JAS", REASON_CODE, "changed_mind", REASON_TEXT, "te klein helaas",
                        QUANTITY, 1, RETURNED_AT, Rows.at("2026-10-02T10:00:00"))
                // Agrees, says nothing the model is sure of, or has no specific code: not a disagreement.
                .add(RETURN_ID, "R3", SKU, "JAS", REASON_CODE, "too_small", REASON_TEXT, "te klein",
                        QUANTITY, 1, RETURNED_AT, Rows.at("2026-10-03T10:00:00"))
                .add(RETURN_ID, "R4", SKU, "JAS", REASON_CODE, "changed_mind", REASON_TEXT, "zie mail",
                        QUANTITY, 1, RETURNED_AT, Rows.at("2026-10-03T10:00:00"))
                .add(RETURN_ID, "R5", SKU, "JAS", REASON_CODE, "other", REASON_TEXT, "te groot",
                        QUANTITY, 1, RETURNED_AT, Rows.at("2026-10-03T10:00:00"))
                .add(RETURN_ID, "R6", SKU, "MOK", REASON_CODE, "too_large", REASON_TEXT, "kapot aangekomen, deuk",
                        QUANTITY, 1, RETURNED_AT, Rows.at("2026-10-04T10:00:00"))
                .toDataset(spark));
        Dataset<Row> names = ProductNames.of(Rows.of(Source.PRODUCTS)
                .add(ProductColumns.SKU, "JAS", ProductColumns.NAME, "Winterjas").toDataset(spark), returns);

        Dataset<Row> result = ReturnReasonDisagreements.compute(returns, names);

        assertEquals(List.of(ReportColumns.SKU.column(), ReportColumns.PRODUCT.column(), ReportColumns.REASON.column(),
                ReportColumns.COMMENT_SAYS.column(), ReportColumns.RETURNS.column(), ReportColumns.IDS.column()),
                List.of(result.columns()));
        assertEquals(List.of(
                RowFactory.create("JAS", "Winterjas", ReturnReason.CHANGED_MIND.label(), ReturnReason.TOO_SMALL.label(),
                        2L, "R1 R2"),
                RowFactory.create("MOK", null, ReturnReason.TOO_LARGE.label(), ReturnReason.DAMAGED.label(), 1L, "R6")),
                result.collectAsList());
    }
}
