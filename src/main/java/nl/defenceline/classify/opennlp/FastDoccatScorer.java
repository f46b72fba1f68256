package nl.defenceline.classify.opennlp;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.defenceline.classify.TextCleaner;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;

/**
 * Computes what {@link DocumentCategorizerME#categorize(String[])} computes for a model with {@link FeatureRecipe}'s
 * features, bit for bit, without making a String per feature: the profile of the floor benchmark showed most of the
 * classification time in building feature strings and looking them up in the model's hash map. Not thread-safe
 * (scratch buffer); the {@link Compiled} model is shared.
 */
final class FastDoccatScorer {

    /** A model's outcome labels and its predicates with their weights. */
    record Compiled(FeatureTable table, String[] labels) {
        static Compiled of(Map<String, Context> predicates, String[] labels) {
            return new Compiled(new FeatureTable(predicates, labels.length), labels);
        }

        int outcomes() {
            return labels.length;
        }
    }

    private static final long WORD_HASH = FeatureTable.running(FeatureRecipe.WORD_PREFIX);
    private static final long WORD_NGRAM_HASH = FeatureTable.running(FeatureRecipe.WORD_NGRAM_PREFIX);
    private static final long CHARS_HASH = FeatureTable.running(FeatureRecipe.CHAR_PREFIX);

    /** Texts scored both ways when a model is loaded; any difference means the model's features are not ours. */
    private static final List<String> PROBES = List.of(
            "Waar blijft mijn pakket? Het zou gisteren bezorgd worden, track en trace zegt niets.",
            "Ik wil mijn retour terugsturen maar er zat geen retourlabel in de doos",
            "When will the black jacket in size M be back in stock?",
            "Wat zijn de verzendkosten naar Belgie en kan ik achteraf betalen met Klarna?",
            "The colour is different from the photo on the website, and the size chart is wrong",
            "Ik heb dubbel betaald, wanneer krijg ik mijn geld terug? Bestelnummer 123456",
            "Kan ik mijn bestelling annuleren? Wat zijn jullie algemene voorwaarden over garantie?",
            "hoi", "");

    private final Compiled model;
    private final double logPrior;
    private final FeatureTable.Batch features = new FeatureTable.Batch();
    private char[] scratch = new char[64];

    FastDoccatScorer(Compiled model) {
        this.model = model;
        this.logPrior = StrictMath.log(1.0 / model.outcomes());
    }

    /**
     * The model's predicates and weights compiled for this scorer, or null when this scorer cannot reproduce the model
     * exactly (other feature generators, another model type); such models are scored by OpenNLP itself.
     */
    static Compiled compile(DoccatModel model) {
        if (!(model.getMaxentModel() instanceof GISModel gis)
                || !FeatureRecipe.isRecipeOf(model.getFactory().getFeatureGenerators())) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Context> predicates = (Map<String, Context>) gis.getDataStructures()[1];
        String[] labels = new String[gis.getNumOutcomes()];
        Arrays.setAll(labels, gis::getOutcome);
        Compiled compiled;
        try {
            compiled = Compiled.of(predicates, labels);
        } catch (IllegalArgumentException sameHash) {
            return null;
        }
        FastDoccatScorer fast = new FastDoccatScorer(compiled);
        DocumentCategorizerME reference = new DocumentCategorizerME(model);
        for (String probe : PROBES) {
            String[] tokens = TextCleaner.tokens(probe);
            if (!Arrays.equals(fast.score(tokens), reference.categorize(tokens))) {
                return null;
            }
        }
        return compiled;
    }

    /** Probability per outcome, in the model's outcome order. */
    double[] score(String[] tokens) {
        int outcomes = model.outcomes();
        features.clear();
        // Same features in the same order as OpenNLP's generators, so the sums are added in the same order.
        for (String token : tokens) {
            int length = put(0, token);
            features.add(FeatureTable.hash(WORD_HASH, scratch, 0, length));
        }
        for (int i = 0; i + FeatureRecipe.WORD_NGRAM <= tokens.length; i++) {
            int length = 0;
            for (int word = i; word < i + FeatureRecipe.WORD_NGRAM; word++) {
                length = put(length, FeatureRecipe.WORD_NGRAM_SEPARATOR);
                length = put(length, tokens[word]);
            }
            features.add(FeatureTable.hash(WORD_NGRAM_HASH, scratch, 0, length));
        }
        for (String token : tokens) {
            if (token.length() < FeatureRecipe.MIN_CHARS) {
                continue;
            }
            int length = put(0, FeatureRecipe.WORD_START);
            length = put(length, token);
            length = put(length, FeatureRecipe.WORD_END);
            for (int n = FeatureRecipe.MIN_CHARS; n <= FeatureRecipe.MAX_CHARS; n++) {
                for (int start = 0; start + n <= length; start++) {
                    features.add(FeatureTable.hash(CHARS_HASH, scratch, start, start + n));
                }
            }
        }
        double[] sums = new double[outcomes];
        Arrays.fill(sums, logPrior);
        model.table().addAll(features, sums);
        double normal = 0.0;
        for (int o = 0; o < outcomes; o++) {
            sums[o] = StrictMath.exp(sums[o]);
            normal += sums[o];
        }
        for (int o = 0; o < outcomes; o++) {
            sums[o] /= normal;
        }
        return sums;
    }

    /** Copies {@code text} into the scratch buffer at {@code at}; returns the new length. */
    private int put(int at, String text) {
        int end = at + text.length();
        if (end > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(end, scratch.length * 2));
        }
        text.getChars(0, text.length(), scratch, at);
        return end;
    }
}
