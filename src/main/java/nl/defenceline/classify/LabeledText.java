package nl.defenceline.classify;

/**
 * One labelled example for training or evaluation.
 *
 * @param source where it came from, as "file:line", for error messages and review
 */
public record LabeledText(Category category, String language, String text, String source) {
}
