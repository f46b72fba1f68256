package nl.defenceline.classify.opennlp;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.InvalidFormatException;

/**
 * The document categorizer's features, in one place: the generators {@link ModelTrainer} trains with, the feature
 * names {@link FastDoccatScorer} hashes, and the description that goes into the model's data hash. Change a feature
 * here and the trainer, the scorer and the hash change with it.
 */
final class FeatureRecipe {

    /** Prefix of a word feature, as OpenNLP's {@link BagOfWordsFeatureGenerator} writes it. */
    static final String WORD_PREFIX = "bow=";

    /** Prefix of a word n-gram feature, as OpenNLP's {@link NGramFeatureGenerator} writes it. */
    static final String WORD_NGRAM_PREFIX = "ng=";

    /** What {@link NGramFeatureGenerator} puts before each word of an n-gram. */
    static final String WORD_NGRAM_SEPARATOR = ":";

    /**
     * Words per word n-gram. It must stay {@link NGramFeatureGenerator}'s default: a loaded model rebuilds its
     * generators by their no-argument constructors, whatever lengths it was trained with.
     */
    static final int WORD_NGRAM = 2;

    /** Prefix of a character n-gram feature, written by {@link CharNgramFeatureGenerator}. */
    static final String CHAR_PREFIX = "c=";

    /** Shortest and longest character n-gram; shorter words give none. */
    static final int MIN_CHARS = 3;
    static final int MAX_CHARS = 5;

    /** Marks around a word before its character n-grams are taken, so a word's start and end are features too. */
    static final String WORD_START = "<";
    static final String WORD_END = ">";

    /** The features as the data hash records them. */
    static final String DESCRIPTION = "bow+bigram+char" + MIN_CHARS + "-" + MAX_CHARS;

    private FeatureRecipe() {
    }

    /** The generators, in the order their features are added up (the fast scorer adds them in the same order). */
    static FeatureGenerator[] generators() {
        try {
            return new FeatureGenerator[] {new BagOfWordsFeatureGenerator(),
                new NGramFeatureGenerator(WORD_NGRAM, WORD_NGRAM), new CharNgramFeatureGenerator()};
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a model's generators are this recipe's, by class and order (their output is checked on probes). */
    static boolean isRecipeOf(FeatureGenerator[] generators) {
        FeatureGenerator[] ours = generators();
        if (generators.length != ours.length) {
            return false;
        }
        for (int i = 0; i < ours.length; i++) {
            if (generators[i].getClass() != ours[i].getClass()) {
                return false;
            }
        }
        return true;
    }
}
