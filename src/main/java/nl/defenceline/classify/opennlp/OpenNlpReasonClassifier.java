package nl.defenceline.classify.opennlp;

import java.util.Arrays;
import nl.defenceline.classify.ReasonClassifier;
import nl.defenceline.classify.ReasonVerdict;
import nl.defenceline.classify.ReturnReason;
import nl.defenceline.classify.TextCleaner;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.langdetect.LanguageDetectorME;

/**
 * A {@link ReasonClassifier} on an OpenNLP document model whose outcomes are {@link ReturnReason} names, scored by the
 * fast scorer when it reproduces the model and by OpenNLP's {@link DocumentCategorizerME} otherwise; not thread-safe.
 */
final class OpenNlpReasonClassifier implements ReasonClassifier {

    /** Exactly one of each pair is set. */
    private final FastDoccatScorer fast;
    private final DocumentCategorizerME categorizer;
    private final FastLanguageDetector fastLanguageDetector;
    private final LanguageDetectorME languageDetector;
    private final ReturnReason[] outcomes;

    /**
     * @param model scored by OpenNLP's categorizer when {@code table} is null; not used (may be null) otherwise
     * @param table the model's predicates for the fast scorer, or null
     */
    OpenNlpReasonClassifier(DoccatModel model, FastDoccatScorer.Compiled table) {
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
        this.outcomes = Arrays.stream(labels).map(ReturnReason::valueOf).toArray(ReturnReason[]::new);
        FastLanguageDetector.Compiled languages = OpenNlpClassifier.LanguageModelHolder.COMPILED;
        this.fastLanguageDetector = languages == null ? null : new FastLanguageDetector(languages);
        this.languageDetector = languages == null
                ? new LanguageDetectorME(OpenNlpClassifier.LanguageModelHolder.MODEL) : null;
    }

    @Override
    public ReasonVerdict classify(String text) {
        String own = TextCleaner.ownMessage(text);
        String language = OpenNlpClassifier.language(own, fastLanguageDetector, languageDetector);
        String[] tokens = TextCleaner.ownTokens(own);
        if (tokens.length == 0) {
            return new ReasonVerdict(ReturnReason.OTHER, 1.0, ReturnReason.OTHER, 0.0, language);
        }
        double[] p = fast != null ? fast.score(tokens) : categorizer.categorize(tokens);
        int best = 0;
        int second = -1;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                second = best;
                best = i;
            } else if (second < 0 || p[i] > p[second]) {
                second = i;
            }
        }
        return new ReasonVerdict(outcomes[best], p[best], outcomes[second], p[second], language);
    }
}
