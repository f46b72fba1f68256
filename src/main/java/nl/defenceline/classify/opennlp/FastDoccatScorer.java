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

    /**
     * A model's outcome labels and its predicates with their weights as dense rows (7 outcomes: denser is faster than
     * OpenNLP's sparse rows).
     */
    record Compiled(FeatureTable table, double[] weights, String[] labels) {
        static Compiled of(Map<String, Context> predicates, String[] labels) {
            FeatureTable table = new FeatureTable(predicates);
            int outcomes = labels.length;
            double[] weights = new double[predicates.size() * outcomes];
            int row = 0;
            for (Context context : predicates.values()) {
                int[] active = context.getOutcomes();
                double[] parameters = context.getParameters();
                for (int i = 0; i < active.length; i++) {
                    weights[row * outcomes + active[i]] = parameters[i];
                }
                row++;
            }
            return new Compiled(table, weights, labels);
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
        double[] sums = new double[outcomes];
        Arrays.fill(sums, logPrior);
        // Same features in the same order as OpenNLP's generators, so the sums are added in the same order.
        for (String token : tokens) {
            int length = put(0, token);
            add(sums, FeatureTable.hash(WORD_HASH, scratch, 0, length));
        }
        for (int i = 0; i + FeatureRecipe.WORD_NGRAM <= tokens.length; i++) {
            int length = 0;
            for (int word = i; word < i + FeatureRecipe.WORD_NGRAM; word++) {
                length = put(length, FeatureRecipe.WORD_NGRAM_SEPARATOR);
                length = put(length, tokens[word]);
            }
            add(sums, FeatureTable.hash(WORD_NGRAM_HASH, scratch, 0, length));
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
                    add(sums, FeatureTable.hash(CHARS_HASH, scratch, start, start + n));
                }
            }
        }
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

    private void add(double[] sums, long hash) {
        int row = model.table().find(hash);
        if (row >= 0) {
            double[] weights = model.weights();
            int base = row * sums.length;
            for (int o = 0; o < sums.length; o++) {
                sums[o] += weights[base + o];
            }
        }
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
