package nl.defenceline.classify.opennlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character n-grams of each word ({@link FeatureRecipe#MIN_CHARS} to {@link FeatureRecipe#MAX_CHARS} long), with
 * word-boundary marks. Dutch glues words together (bezorgkosten, retourlabel, maattabel), so "kosten" inside a
 * compound must still count as "kosten".
 */
public final class CharNgramFeatureGenerator implements FeatureGenerator {

    /** Public no-argument constructor: OpenNLP instantiates feature generators by class name when loading a model. */
    public CharNgramFeatureGenerator() {
    }

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        List<String> features = new ArrayList<>();
        for (String token : tokens) {
            if (token.length() < FeatureRecipe.MIN_CHARS) {
                continue;
            }
            String marked = FeatureRecipe.WORD_START + token + FeatureRecipe.WORD_END;
            for (int n = FeatureRecipe.MIN_CHARS; n <= FeatureRecipe.MAX_CHARS; n++) {
                for (int start = 0; start + n <= marked.length(); start++) {
                    features.add(FeatureRecipe.CHAR_PREFIX + marked.substring(start, start + n));
                }
            }
        }
        return features;
    }
}
