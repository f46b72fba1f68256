package nl.defenceline.classify;

/**
 * The classifier's verdict on one text.
 *
 * @param category    the most probable category
 * @param probability its probability, 0..1
 */
public record Classification(Category category, double probability) {
}
