package nl.defenceline.classify;

/**
 * Classifies customer-service texts into {@link Category line-of-defence categories}. Implementations need not be
 * thread-safe: create one per thread or Spark partition through a {@link ClassifierFactory}.
 */
public interface TextClassifier {

    /**
     * Classifies one raw text (e-mail, chat line, return comment); cleaning is the classifier's job.
     *
     * @param text the customer's text, never null
     * @return the most probable category and its (calibrated) probability
     */
    Classification classify(String text);

    /**
     * The (calibrated) probability of every trained category for one raw text.
     *
     * @param text the customer's text, never null
     * @return one probability per category of {@link Category#trainedValues()}, in that order, summing to 1
     */
    double[] probabilities(String text);
}
