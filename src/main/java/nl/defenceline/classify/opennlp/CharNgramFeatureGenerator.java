package nl.defenceline.classify.opennlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character n-grams (3 to 5) of each word, with word-boundary marks. Dutch glues words together (bezorgkosten,
 * retourlabel, maattabel), so "kosten" inside a compound must still count as "kosten".
 */
public final class CharNgramFeatureGenerator implements FeatureGenerator {

    private static final int MIN = 3;
    private static final int MAX = 5;

    /** Public no-argument constructor: OpenNLP instantiates feature generators by class name when loading a model. */
    public CharNgramFeatureGenerator() {
    }

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        List<String> features = new ArrayList<>();
        for (String token : tokens) {
            if (token.length() < MIN) {
                continue;
            }
            String marked = "<" + token + ">";
            for (int n = MIN; n <= MAX; n++) {
                for (int start = 0; start + n <= marked.length(); start++) {
                    features.add("c=" + marked.substring(start, start + n));
                }
            }
        }
        return features;
    }
}
