package nl.defenceline.classify.opennlp;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * The most likely language of a text by OpenNLP's language model, as {@link LanguageDetectorME#predictLanguage} gives
 * it, without a String and a map entry per character n-gram and without the 103 exponentials: the top language is
 * the one with the largest weight sum. The micro benchmark put OpenNLP's detector at about 100 µs per ticket, three
 * quarters of all classification time. The sums are added in another order than OpenNLP's (it iterates a hash map), so
 * two languages within rounding noise of each other could come out the other way round. Not thread-safe.
 */
final class FastLanguageDetector {

    /** The normalisation of OpenNLP's default language detector context generator, in its order. */
    static final CharSequenceNormalizer NORMALIZER = new AggregateCharSequenceNormalizer(
            EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
            TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
            ShrinkCharSequenceNormalizer.getInstance());
    private static final int MIN_GRAM = 1;
    private static final int MAX_GRAM = 3;
    /** The language model's predicates are the bare n-grams. */
    private static final long NO_PREFIX = FeatureTable.running("");

    private static final List<String> PROBES = List.of(
            "Waar blijft mijn pakket? Het zou gisteren bezorgd worden.",
            "When will the black jacket be back in stock?",
            "Ik wil mijn bestelling retourneren, hoe werkt dat?",
            "The colour is different from the photo on your website.",
            "Bonjour, je n'ai pas reçu ma commande.",
            "Guten Tag, wann wird meine Bestellung geliefert?");

    /** A language model's predicates with their weights, and its languages; shared by the detectors of one JVM. */
    record Compiled(FeatureTable table, String[] languages) {
        static Compiled of(Map<String, Context> predicates, String[] languages) {
            return new Compiled(new FeatureTable(predicates, languages.length), languages);
        }
    }

    private final Compiled model;
    private final double[] sums;
    private final FeatureTable.Batch grams = new FeatureTable.Batch();
    private long[] seen = new long[256];
    private char[] chars = new char[256];

    FastLanguageDetector(Compiled model) {
        this.model = model;
        this.sums = new double[model.languages().length];
    }

    /**
     * The model compiled for this detector, or null when the model is not one this detector reproduces (another
     * context generator or model type); such models are left to OpenNLP's detector.
     */
    static Compiled compile(LanguageDetectorModel model) {
        if (model.getFactory().getClass() != LanguageDetectorFactory.class
                || !(model.getMaxentModel() instanceof GISModel gis)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Context> predicates = (Map<String, Context>) gis.getDataStructures()[1];
        String[] languages = new String[gis.getNumOutcomes()];
        Arrays.setAll(languages, gis::getOutcome);
        Compiled compiled;
        try {
            compiled = Compiled.of(predicates, languages);
        } catch (IllegalArgumentException sameHash) {
            return null;
        }
        FastLanguageDetector fast = new FastLanguageDetector(compiled);
        LanguageDetectorME reference = new LanguageDetectorME(model);
        for (String probe : PROBES) {
            if (!fast.predictLanguage(probe).equals(reference.predictLanguage(probe).getLang())) {
                return null;
            }
        }
        return compiled;
    }

    /** The ISO 639-3 code of the text's most likely language. */
    String predictLanguage(CharSequence text) {
        int length = lowerCase(NORMALIZER.normalize(text));
        Arrays.fill(sums, 0.0);
        // a set of the n-gram hashes seen in this text, at most half full
        int capacity = Integer.highestOneBit(Math.max(16, 2 * length * MAX_GRAM)) << 1;
        if (seen.length < capacity) {
            seen = new long[capacity];
        } else {
            Arrays.fill(seen, 0, capacity, 0L);
        }
        int mask = capacity - 1;
        grams.clear();
        for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
            for (int start = 0; start + n <= length; start++) {
                long hash = FeatureTable.hash(NO_PREFIX, chars, start, start + n);
                // OpenNLP counts each distinct n-gram once (its counts are all set to 1)
                int slot = (int) (hash ^ (hash >>> 32)) & mask;
                boolean isNew = true;
                while (seen[slot] != 0) {
                    if (seen[slot] == hash) {
                        isNew = false;
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
                if (!isNew) {
                    continue;
                }
                seen[slot] = hash;
                grams.add(hash);
            }
        }
        model.table().addAll(grams, sums);
        int best = 0;
        for (int o = 1; o < sums.length; o++) {
            if (sums[o] > sums[best]) {
                best = o;
            }
        }
        return model.languages()[best];
    }

    /** Lower-cases code point by code point into the scratch buffer, as OpenNLP's n-gram model does. */
    private int lowerCase(CharSequence text) {
        int length = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            i += Character.charCount(codePoint);
            if (chars.length < length + 2) {
                chars = Arrays.copyOf(chars, chars.length * 2);
            }
            length += Character.toChars(Character.toLowerCase(codePoint), chars, length);
        }
        return length;
    }
}
