package nl.defenceline.classify;

/**
 * Reads the return reason in a customer's return comment. Implementations need not be thread-safe: create one per
 * thread or Spark partition through a {@link ReasonClassifierFactory}.
 */
public interface ReasonClassifier {

    /**
     * Classifies one raw return comment; cleaning is the classifier's job.
     *
     * @param text the customer's comment, never null
     * @return the most probable reason, its probability and the runner-up
     */
    ReasonVerdict classify(String text);
}
