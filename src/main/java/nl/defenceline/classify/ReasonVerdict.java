package nl.defenceline.classify;

/**
 * The return-reason model's verdict on one comment.
 *
 * @param reason              the most probable reason
 * @param probability         its probability, 0..1
 * @param runnerUp            the second most probable reason
 * @param runnerUpProbability its probability
 * @param language            detected language: nl, en, another ISO 639-3 code, or "und" when undetermined
 */
public record ReasonVerdict(ReturnReason reason, double probability, ReturnReason runnerUp,
                            double runnerUpProbability, String language) {
}
