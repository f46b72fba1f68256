package nl.defenceline.classify;

/**
 * One return comment labelled with its reason, for training or evaluating the return-reason model.
 *
 * @param source where it came from, as "file:line"
 * @param origin the corpus it was taken from (the file's {@code source} column, else the file's name)
 */
public record LabeledReason(ReturnReason reason, String language, String text, String source, String origin) {
}
