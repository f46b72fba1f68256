package nl.defenceline.classify;

/**
 * The classifier's verdict on one text.
 *
 * @param category          the most probable category
 * @param probability       its probability, 0..1
 * @param runnerUp          the second most probable category, for people reviewing uncertain texts
 * @param runnerUpProbability its probability
 * @param language          detected language: nl, en, another ISO 639-3 code, or "und" when undetermined
 * @param words             how many words of the customer's own message the verdict was made on
 * @param contentKey        {@link TextCleaner#contentKey} of those words: equal for near-duplicate texts
 */
public record Classification(Category category, double probability, Category runnerUp, double runnerUpProbability,
                             String language, int words, long contentKey) {
}
