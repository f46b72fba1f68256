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
        int length = lowerCase(normalize(text));
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

    /**
     * What {@link #NORMALIZER} makes of a text, with each of its regular expressions run only when the text has what
     * it looks for; the digits and white space, which most texts have, by a scan. Before this the normaliser took
     * half the detector's time.
     */
    static CharSequence normalize(CharSequence text) {
        CharSequence normal = text;
        if (hasCharFromD83C(normal)) {
            normal = EmojiCharSequenceNormalizer.getInstance().normalize(normal);
        } else {
            normal = dashesToSpace(normal);
        }
        if (indexOf(normal, '@') >= 0 || mayHaveHttp(normal)) {
            normal = UrlCharSequenceNormalizer.getInstance().normalize(normal);
        }
        if (mayBeTwitter(normal)) {
            normal = TwitterCharSequenceNormalizer.getInstance().normalize(normal);
        }
        normal = digitsToSpace(normal);
        if (hasTriple(normal)) {
            return ShrinkCharSequenceNormalizer.getInstance().normalize(normal);
        }
        return collapseSpace(normal).trim();
    }

    /**
     * Whether a character from U+D83C up occurs. The Emoji normaliser's class [\\uD83C-\\uDBFF\\uDC00-\\uDFFF] is
     * parsed with \\uDBFF\\uDC00 as one code point, so it is the range U+D83C to U+10FC00, a '-' and U+DFFF: all
     * surrogate pairs, the private use area and the fullwidth forms, and the hyphen. Texts without those characters
     * only have their runs of '-' replaced.
     */
    private static boolean hasCharFromD83C(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '\uD83C') {
                return true;
            }
        }
        return false;
    }

    /** The Emoji normaliser on a text without characters from U+D83C up: each run of '-' becomes a space. */
    private static CharSequence dashesToSpace(CharSequence text) {
        int first = indexOf(text, '-');
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '-') {
                out.append(c);
            } else if (i == 0 || text.charAt(i - 1) != '-') {
                out.append(' ');
            }
        }
        return out;
    }

    /** Whether "http" occurs: the URL normaliser's other pattern, after the e-mail one with its "@". */
    private static boolean mayHaveHttp(CharSequence text) {
        for (int i = 0; i + 4 <= text.length(); i++) {
            if (text.charAt(i) == 'h' && text.charAt(i + 1) == 't' && text.charAt(i + 2) == 't'
                    && text.charAt(i + 3) == 'p') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether one of the Twitter normaliser's patterns could match (a superset): [#@]\S+, \b(rt[ :])+,
     * [:;x]-?[()dop] and ([hj])+([aieou])+(\1+\2+)+, the last three with ASCII letters in either case.
     */
    private static boolean mayBeTwitter(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char lower = (char) (c | 0x20);
            if (c == '#' || c == '@') {
                return true;
            }
            if (lower == 'r' && asciiLetter(c) && i + 2 < n && (text.charAt(i + 1) | 0x20) == 't'
                    && asciiLetter(text.charAt(i + 1)) && (text.charAt(i + 2) == ' ' || text.charAt(i + 2) == ':')) {
                return true;
            }
            if (c == ':' || c == ';' || lower == 'x' && asciiLetter(c)) {
                int face = i + 1 < n && text.charAt(i + 1) == '-' ? i + 2 : i + 1;
                if (face < n && isFaceMouth(text.charAt(face))) {
                    return true;
                }
            }
            if ((lower == 'h' || lower == 'j') && asciiLetter(c)) {
                int k = i + 1;
                while (k < n && isVowel(text.charAt(k))) {
                    k++;
                }
                if (k > i + 1 && k + 1 < n && (text.charAt(k) | 0x20) == lower && asciiLetter(text.charAt(k))
                        && isVowel(text.charAt(k + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isFaceMouth(char c) {
        return c == '(' || c == ')' || asciiLetter(c) && ((c | 0x20) == 'd' || (c | 0x20) == 'o' || (c | 0x20) == 'p');
    }

    private static boolean isVowel(char c) {
        int lower = c | 0x20;
        return asciiLetter(c) && (lower == 'a' || lower == 'i' || lower == 'e' || lower == 'o' || lower == 'u');
    }

    private static boolean asciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** The Number normaliser: each run of ASCII digits (\d+) becomes a space. */
    private static CharSequence digitsToSpace(CharSequence text) {
        int first = 0;
        while (first < text.length() && !isDigit(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                out.append(c);
            } else if (i == 0 || !isDigit(text.charAt(i - 1))) {
                out.append(' ');
            }
        }
        return out;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether three characters in a row are the same (ASCII letters in either case): the Shrink normaliser's (.)\1{2,}. */
    private static boolean hasTriple(CharSequence text) {
        for (int i = 0; i + 2 < text.length(); i++) {
            char c = text.charAt(i);
            if (same(c, text.charAt(i + 1)) && same(c, text.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(char a, char b) {
        return a == b || asciiLetter(a) && asciiLetter(b) && (a | 0x20) == (b | 0x20);
    }

    /** The Shrink normaliser's first step: each run of two or more \s characters becomes one space. */
    private static String collapseSpace(CharSequence text) {
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isRegexSpace(c) && i + 1 < n && isRegexSpace(text.charAt(i + 1))) {
                if (out == null) {
                    out = new StringBuilder(n).append(text, 0, i);
                }
                out.append(' ');
                while (i + 1 < n && isRegexSpace(text.charAt(i + 1))) {
                    i++;
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text.toString() : out.toString();
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static int indexOf(CharSequence text, char c) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
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
