package nl.defenceline;

import nl.defenceline.classify.DatasetReasonClassifier;
import nl.defenceline.classify.ReasonClassifier;
import nl.defenceline.classify.ReasonClassifierFactory;
import nl.defenceline.classify.ReasonVerdict;
import nl.defenceline.classify.ReturnReason;
import nl.defenceline.classify.ReturnReasonDecision;
import nl.defenceline.schema.ReturnColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A stand-in for the return-reason model in report tests: a comment whose keywords name a reason is read as that
 * reason with probability 0.9, any other as OTHER with 0.3 (too unsure to decide). Reports are tested on reasons
 * decided the run's way without a trained model.
 */
public final class ReasonsByKeywords implements ReasonClassifierFactory {

    private static final long serialVersionUID = 1L;

    @Override
    public ReasonClassifier create() {
        return text -> ReturnReason.ofComment(text)
                .map(r -> new ReasonVerdict(r, 0.9, ReturnReason.OTHER, 0.1, "nl"))
                .orElse(new ReasonVerdict(ReturnReason.OTHER, 0.3, ReturnReason.CHANGED_MIND, 0.2, "nl"));
    }

    @Override
    public String modelVersion() {
        return "keywords";
    }

    /** The returns with their reason columns, as the run adds them. */
    public static Dataset<Row> withReasons(SparkSession spark, Dataset<Row> returns) {
        return DatasetReasonClassifier.classify(returns, ReturnColumns.REASON_CODE.header(),
                ReturnColumns.REASON_TEXT.header(), spark.sparkContext().broadcast(new ReasonsByKeywords(),
                        scala.reflect.ClassTag$.MODULE$.apply(ReasonClassifierFactory.class)),
                ReturnReasonDecision.MIN_CONFIDENCE);
    }
}
