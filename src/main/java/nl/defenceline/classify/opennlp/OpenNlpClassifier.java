package nl.defenceline.classify.opennlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.defenceline.classify.Calibration;
import nl.defenceline.classify.Category;
import nl.defenceline.classify.Classification;
import nl.defenceline.classify.TextClassifier;
import nl.defenceline.classify.TextCleaner;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * A {@link TextClassifier} on an OpenNLP document model and language model, each scored by this package's fast scorer
 * when it reproduces the model and by OpenNLP's own {@link DocumentCategorizerME} or {@link LanguageDetectorME}
 * otherwise; not thread-safe, like them.
 */
final class OpenNlpClassifier implements TextClassifier {

    /** The language model shipped in the opennlp-models-langdetect artifact. */
    static final String LANGUAGE_MODEL = "langdetect-183.bin";

    /**
     * ISO 639-3 codes the detector gives, mapped to the shop's languages. Short Dutch texts are often taken for
     * Afrikaans, Frisian or Limburgish; in a Dutch shop's inbox they are Dutch.
     */
    private static final Map<String, String> LANGUAGES = Map.of(
            "nld", "nl", "afr", "nl", "fry", "nl", "lim", "nl", "eng", "en", "sco", "en", "deu", "de", "fra", "fr");

    /** Below this many letters the detector guesses; such texts are "und" (undetermined). */
    private static final int MIN_LETTERS_FOR_LANGUAGE = 12;

    /**
     * Enough of a message to tell its language; the detector's cost grows with the text, and a long e-mail's first
     * lines are in the same language as the rest.
     */
    static final int LANGUAGE_SAMPLE = 300;

    /** Exactly one of each pair is set: the fast one when it reproduces its model, else OpenNLP's. */
    private final FastDoccatScorer fast;
    private final DocumentCategorizerME categorizer;
    private final FastLanguageDetector fastLanguageDetector;
    private final LanguageDetectorME languageDetector;
    private final Calibration calibration;
    /** The category of each of the model's outcomes. */
    private final Category[] outcomeCategories;
    /** For each of the model's outcomes, the index of its category in {@link Category#trainedValues()}. */
    private final int[] outcomeToCategory;

    /**
     * @param model       scored by OpenNLP's categorizer when {@code table} is null; not used (may be null) otherwise
     * @param table       the model's predicates for the fast scorer, or null to score with OpenNLP's categorizer
     * @param calibration applied to the model's probabilities
     */
    OpenNlpClassifier(DoccatModel model, FastDoccatScorer.Compiled table, Calibration calibration) {
        this.calibration = calibration;
        String[] labels;
        if (table != null) {
            this.fast = new FastDoccatScorer(table);
            this.categorizer = null;
            labels = table.labels();
        } else {
            this.fast = null;
            this.categorizer = new DocumentCategorizerME(model);
            labels = new String[categorizer.getNumberOfCategories()];
            Arrays.setAll(labels, categorizer::getCategory);
        }
        List<Category> trained = Category.trainedValues();
        this.outcomeCategories = new Category[labels.length];
        this.outcomeToCategory = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            outcomeCategories[i] = Category.valueOf(labels[i]);
            outcomeToCategory[i] = trained.indexOf(outcomeCategories[i]);
        }
        FastLanguageDetector.Compiled languages = LanguageModelHolder.COMPILED;
        this.fastLanguageDetector = languages == null ? null : new FastLanguageDetector(languages);
        this.languageDetector = languages == null ? new LanguageDetectorME(LanguageModelHolder.MODEL) : null;
    }

    OpenNlpClassifier(DoccatModel model) {
        this(model, FastDoccatScorer.compile(model), Calibration.none());
    }

    /** Whether language detection takes the fast path; when not, it takes OpenNLP's, about twice as slow. */
    static boolean fastLanguageDetection() {
        return LanguageModelHolder.COMPILED != null;
    }

    @Override
    public Classification classify(String text) {
        String own = TextCleaner.ownMessage(text);
        String language = language(own);
        String[] tokens = TextCleaner.ownTokens(own);
        if (tokens.length == 0) {
            return new Classification(Category.OTHER, 1.0, Category.OTHER, 0.0, language, 0,
                    TextCleaner.contentKey(tokens));
        }
        double[] outcomes = calibration.apply(score(tokens), outcomeToCategory);
        int best = 0;
        int second = -1;
        for (int i = 1; i < outcomes.length; i++) {
            if (outcomes[i] > outcomes[best]) {
                second = best;
                best = i;
            } else if (second < 0 || outcomes[i] > outcomes[second]) {
                second = i;
            }
        }
        return new Classification(category(best), outcomes[best], category(second), outcomes[second], language,
                tokens.length, TextCleaner.contentKey(tokens));
    }

    @Override
    public double[] probabilities(String text) {
        String[] tokens = TextCleaner.ownTokens(TextCleaner.ownMessage(text));
        // A model may lack categories (a shop's own, trained on few of them): those get probability 0.
        double[] byCategory = new double[Category.trainedValues().size()];
        if (tokens.length == 0) {
            byCategory[Category.trainedValues().indexOf(Category.OTHER)] = 1.0;
            return byCategory;
        }
        double[] outcomes = calibration.apply(score(tokens), outcomeToCategory);
        for (int i = 0; i < outcomes.length; i++) {
            byCategory[outcomeToCategory[i]] = outcomes[i];
        }
        return byCategory;
    }

    private double[] score(String[] tokens) {
        return fast != null ? fast.score(tokens) : categorizer.categorize(tokens);
    }

    private Category category(int outcome) {
        return outcomeCategories[outcome];
    }

    private String language(String own) {
        return language(own, fastLanguageDetector, languageDetector);
    }

    /** The shop language of a customer's own words, by whichever detector is set; shared with the reason classifier. */
    static String language(String own, FastLanguageDetector fastLanguageDetector, LanguageDetectorME languageDetector) {
        String text = own.length() > LANGUAGE_SAMPLE ? own.substring(0, LANGUAGE_SAMPLE) : own;
        long letters = text.codePoints().filter(Character::isLetter).count();
        if (letters < MIN_LETTERS_FOR_LANGUAGE) {
            return "und";
        }
        String code = fastLanguageDetector != null
                ? fastLanguageDetector.predictLanguage(text) : languageDetector.predictLanguage(text).getLang();
        return LANGUAGES.getOrDefault(code, code);
    }

    /**
     * Loads the language model once per JVM, on first use. Compiled for the fast detector, OpenNLP's model is not kept:
     * only the path taken holds memory. The models are thread-safe, the detectors are not.
     */
    static final class LanguageModelHolder {
        /** Null when the fast detector does not reproduce the model. */
        static final FastLanguageDetector.Compiled COMPILED;
        /** Null when {@link #COMPILED} is set. */
        static final LanguageDetectorModel MODEL;

        static {
            LanguageDetectorModel model = load();
            COMPILED = FastLanguageDetector.compile(model);
            MODEL = COMPILED == null ? model : null;
        }

        private static LanguageDetectorModel load() {
            try (InputStream in = OpenNlpClassifier.class.getClassLoader().getResourceAsStream(LANGUAGE_MODEL)) {
                if (in == null) {
                    throw new IllegalStateException(LANGUAGE_MODEL + " is not on the class path "
                            + "(org.apache.opennlp:opennlp-models-langdetect)");
                }
                return new LanguageDetectorModel(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
