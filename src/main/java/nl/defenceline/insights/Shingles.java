package nl.defenceline.insights;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.defenceline.classify.TextCleaner;

/**
 * The meaning of a short customer comment as a set of word 1-grams and 2-grams over its content words (Dutch and
 * English stop words dropped, negations kept as one word, light suffix stripping), so that the same complaint in
 * slightly different words gives overlapping sets.
 */
public final class Shingles {

    /** Jaccard similarity from which two comments count as the same complaint (tuned in {@code ShinglesTest}). */
    public static final double ALIKE = 0.35;

    /** The one word every negation becomes: "past niet" and "doesn't fit" keep their meaning, "niet"/"not" agree. */
    static final String NOT = "not";

    private static final Set<String> NEGATIONS = Set.of("niet", "geen", "nooit", "not", "no", "never", "cannot", "nor");
    /** English contractions that TextCleaner splits into a stem and a lone "t": "doesn't" -> "doesn", "t". */
    private static final Set<String> CONTRACTED = Set.of("don", "doesn", "didn", "isn", "aren", "wasn", "weren",
            "won", "can", "couldn", "wouldn", "shouldn", "haven", "hasn", "hadn");
    private static final Set<String> MASKS = Set.of("numx", "urlx", "emailx");
    private static final Set<String> STOP_WORDS = Set.copyOf(List.of(
            // Dutch
            "de", "het", "een", "en", "of", "maar", "dat", "die", "dit", "deze", "van", "in", "op", "aan", "met", "voor",
            "bij", "naar", "uit", "om", "tot", "over", "door", "als", "dan", "te", "er", "is", "was", "zijn", "ben",
            "bent", "wordt", "worden", "werd", "heb", "hebt", "heeft", "hebben", "had", "kan", "kon", "kunnen", "wil",
            "wilde", "zou", "zal", "moet", "mag", "ik", "je", "jij", "u", "hij", "zij", "ze", "we", "wij", "mijn",
            "mij", "me", "ons", "onze", "jullie", "uw", "hun", "zo", "ook", "nog", "al", "wel", "toch", "echt", "erg",
            "heel", "helemaal", "best", "wat", "hoe", "waar", "wie", "welke", "waarom", "wanneer", "nu", "dus", "want",
            "omdat", "alleen", "even", "na", "binnen", "sinds", "tijdens", "gewoon", "eigenlijk", "veel", "meer", "hallo", "beste", "graag", "bedankt",
            "groet", "groeten",
            // English
            "the", "a", "an", "and", "or", "but", "that", "this", "these", "those", "of", "to", "on", "at", "with",
            "for", "from", "by", "in", "into", "after", "before", "within", "since", "during", "one", "as", "than", "it", "its", "is", "are", "was", "were", "be", "been", "being", "am",
            "do", "does", "did", "have", "has", "having", "will", "would", "could", "should", "shall", "may", "might",
            "must", "i", "my", "me", "mine", "you", "your", "he", "she", "we", "our", "us", "they", "their", "them",
            "so", "too", "very", "really", "quite", "just", "also", "still", "all", "what", "how", "where", "who",
            "which", "why", "when", "now", "there", "here", "if", "then", "only", "about", "much", "more", "hi",
            "hello", "dear", "please", "thanks", "thank", "t", "s", "m", "ll", "d", "re", "ve"));
    private static final List<String> SUFFIXES = List.of("ingen", "ing", "en", "ed", "es", "e", "s");
    private static final int MIN_STEM = 3;

    private Shingles() {
    }

    /**
     * The content words of a customer's own message, in order: normalised (lower case, no diacritics, numbers and
     * addresses masked away), stop words and the given words (e.g. the product's own name) dropped, negations as
     * {@link #NOT}, suffixes stripped.
     */
    public static List<String> contentWords(String ownMessage, Collection<String> ignored) {
        String[] tokens = TextCleaner.ownTokens(ownMessage);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (i + 1 < tokens.length && tokens[i + 1].equals("t") && CONTRACTED.contains(token)) {
                words.add(NOT);
                i++;
            } else if (NEGATIONS.contains(token)) {
                words.add(NOT);
            } else if (!STOP_WORDS.contains(token) && !MASKS.contains(token) && !ignored.contains(token)) {
                words.add(stem(token));
            }
        }
        return words;
    }

    /** The words of a product's name, as {@link #contentWords} sees them, to leave out of its comments. */
    public static Set<String> nameWords(String productName) {
        return productName == null ? Set.of() : Set.of(TextCleaner.ownTokens(productName));
    }

    /**
     * Word 1-grams and 2-grams of content words. A negation counts only inside a 2-gram: alone it says nothing, and
     * it would make every "past niet ..." alike.
     */
    public static Set<String> of(List<String> contentWords) {
        Set<String> shingles = new HashSet<>();
        for (int i = 0; i < contentWords.size(); i++) {
            String word = contentWords.get(i);
            if (!word.equals(NOT)) {
                shingles.add(word);
            }
            if (i + 1 < contentWords.size()) {
                shingles.add(word + " " + contentWords.get(i + 1));
            }
        }
        return shingles;
    }

    /** Jaccard similarity of two shingle sets; 0 when both are empty. */
    public static double similarity(Set<String> a, Set<String> b) {
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        return similarity(a.size(), b.size(), smaller.stream().filter(larger::contains).count());
    }

    /** Jaccard similarity of two sets of the given sizes that share {@code shared} elements; 0 when both are empty. */
    static double similarity(int sizeA, int sizeB, long shared) {
        return sizeA == 0 && sizeB == 0 ? 0 : (double) shared / (sizeA + sizeB - shared);
    }

    /** Light suffix stripping for Dutch and English plurals and verb forms: "kleuren" as "kleur", "photos" as "photo". */
    static String stem(String word) {
        for (String suffix : SUFFIXES) {
            if (word.endsWith(suffix) && word.length() - suffix.length() >= MIN_STEM) {
                String stem = word.substring(0, word.length() - suffix.length());
                int n = stem.length();
                // "kapotte" -> "kapott" -> "kapot", "running" -> "runn" -> "run"
                return n > MIN_STEM && stem.charAt(n - 1) == stem.charAt(n - 2) && !isVowel(stem.charAt(n - 1))
                        ? stem.substring(0, n - 1) : stem;
            }
        }
        return word;
    }

    private static boolean isVowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }
}
