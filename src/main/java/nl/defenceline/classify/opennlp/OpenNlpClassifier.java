package nl.defenceline.classify.opennlp;

import nl.defenceline.classify.Category;
import nl.defenceline.classify.Classification;
import nl.defenceline.classify.TextClassifier;
import nl.defenceline.classify.TextCleaner;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

/** A {@link TextClassifier} backed by one OpenNLP {@link DocumentCategorizerME}; not thread-safe, like it. */
final class OpenNlpClassifier implements TextClassifier {

    private final DocumentCategorizerME categorizer;

    OpenNlpClassifier(DoccatModel model) {
        this.categorizer = new DocumentCategorizerME(model);
    }

    @Override
    public Classification classify(String text) {
        String[] tokens = TextCleaner.tokens(text);
        if (tokens.length == 0) {
            return new Classification(Category.OTHER, 1.0);
        }
        double[] outcomes = categorizer.categorize(tokens);
        int best = 0;
        for (int i = 1; i < outcomes.length; i++) {
            if (outcomes[i] > outcomes[best]) {
                best = i;
            }
        }
        return new Classification(Category.valueOf(categorizer.getCategory(best)), outcomes[best]);
    }
}
