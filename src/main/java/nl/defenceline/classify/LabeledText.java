package nl.defenceline.classify;

/**
 * One labelled example for training or evaluation.
 *
 * @param source where it came from, as "file:line", for error messages and review
 * @param origin the corpus it was taken from (the file's {@code source} column, else the file's name), so figures
 *               can be given per corpus
 */
public record LabeledText(Category category, String language, String text, String source, String origin) {

    /** A text with no corpus of its own, e.g. written in a test. */
    public LabeledText(Category category, String language, String text, String source) {
        this(category, language, text, source, source);
    }
}
