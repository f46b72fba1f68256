package nl.defenceline.classify;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Canonical return reasons: the labels of the return-reason model, each with the fix on the shop's pages it points to,
 * and the keywords that recognise it in a shop's drop-down code. Comments are read by the model; the keywords on a
 * comment ({@link #ofComment}) are only the baseline {@code evaluate} measures the model against.
 */
public enum ReturnReason {
    LOOKS_DIFFERENT("colour or look differs from the photo", "Product photo: show the true colour and look",
            "kleur", "kleuren", "colou?rs?", "tint", "looks? different", "ziet er anders uit",
            "anders dan (op )?(de )?(foto|afbeelding|plaatje|website)", "niet zoals op de (foto|afbeelding)",
            "(differs?|different) (from|than) (the )?(photo|picture|image|website)",
            "not like (in |on )?the (photo|picture|image)"),
    TOO_SMALL("too small", "Size chart: the product runs small",
            "te klein", "too small", "valt (erg |heel |wat |te )?klein", "runs (very |really )?small", "kleiner dan", "smaller than", "te krap", "too tight",
            "te strak", "size up"),
    TOO_LARGE("too large", "Size chart: the product runs large",
            "te groot", "too (big|large)", "valt (erg |heel |wat |te )?groot", "runs (very |really )?(big|large)", "groter dan", "bigger than", "te ruim",
            "too loose", "te wijd"),
    DAMAGED("damaged on arrival", "Packaging and shipping, not the product page",
            "beschadigd", "damaged", "kapot aangekomen", "arrived broken", "deuk", "dent", "transportschade",
            "gebroken aangekomen"),
    DEFECTIVE("defective or poor quality", "Quality: check the product and be honest about it on the page",
            "defecte?", "defective", "werkt niet", "doet het niet", "(does ?n.?t|does not|doesn't) work", "faulty", "broke",
            "kapot", "stuk", "kwaliteit", "quality", "scheur", "ripped", "torn"),
    NOT_AS_DESCRIBED("not as described", "Specifications: make the description complete and correct",
            "not as described", "niet zoals beschreven", "anders dan beschreven", "beschrijving", "description",
            "specificatie", "specs?", "not compatible", "past niet op"),
    WRONG_ITEM("wrong item sent", "Fulfilment: picking error, not the product page",
            "verkeerde? (artikel|product|item)", "wrong (item|product|article)", "niet besteld", "not what i ordered"),
    CHANGED_MIND("changed mind", "No page fix: customer changed their mind",
            "bedacht", "changed (my|their) mind", "unwanted", "niet meer nodig", "no longer (needed|need)", "toch niet", "spijt",
            "don'?t need", "niet nodig", "dubbel besteld", "ordered twice", "herroeping"),
    /** A comment that names none of the reasons above; never recognised in a code (a code "other" is generic). */
    OTHER("other", "Read the customers' comments: no standard fix for this reason");

    /** Label for a return with neither a recognised code nor a readable comment. */
    public static final String UNSPECIFIED = "unspecified";

    /** Drop-down codes that say no more than "some reason": the comment has to tell. */
    private static final Set<String> GENERIC_CODES = Set.of("other", "others", "anders", "andere", "andere reden",
            "overig", "overige", "overige reden", "other reason", "unknown", "onbekend", "none", "geen", "geen reden",
            "no reason", "n/a", "na", "nvt", "n.v.t.", "-", "?");

    private final String label;
    private final String fix;
    private final Pattern pattern;

    ReturnReason(String label, String fix, String... keywords) {
        this.label = label;
        this.fix = fix;
        this.pattern = keywords.length == 0 ? null
                : Pattern.compile("\\b(" + String.join("|", keywords) + ")\\b");
    }

    public String label() {
        return label;
    }

    public String fix() {
        return fix;
    }

    /** Whether the reason says what went wrong: every reason but {@link #OTHER}. */
    public boolean specific() {
        return this != OTHER;
    }

    /** The reasons the model learns, in declaration order (all of them). */
    public static List<ReturnReason> trainedValues() {
        return List.of(values());
    }

    /** A reason by name, case-insensitive, e.g. {@code too_small}. */
    public static Optional<ReturnReason> parse(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    /** The reasons' names, for messages. */
    public static List<String> names() {
        return Arrays.stream(values()).map(ReturnReason::name).toList();
    }

    /** The specific reason a drop-down code stands for, if its words name one ("SIZE_TOO_SMALL", "Kleur wijkt af"). */
    public static Optional<ReturnReason> ofCode(String code) {
        String normalised = normalise(code);
        Optional<ReturnReason> named = Arrays.stream(values()).filter(ReturnReason::specific)
                .filter(r -> normalised.equals(r.label) || normalised.equals(normalise(r.name()))).findFirst();
        return named.isPresent() ? named : ofKeywords(normalised);
    }

    /** Whether a drop-down code is empty or generic ("other", "anders", "unknown"): it names no reason at all. */
    public static boolean isGeneric(String code) {
        String normalised = normalise(code);
        return normalised.isEmpty() || GENERIC_CODES.contains(normalised);
    }

    /** Whether there is no drop-down code at all. */
    public static boolean isMissing(String code) {
        return normalise(code).isEmpty();
    }

    /**
     * The specific reason the keyword rules find in a customer's comment, if any: the baseline the model is measured
     * against (as the model's fallback they did not help, see README), not used by the run.
     */
    public static Optional<ReturnReason> ofComment(String comment) {
        return ofKeywords(normalise(comment));
    }

    private static Optional<ReturnReason> ofKeywords(String normalised) {
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(r -> r.pattern != null && r.pattern.matcher(normalised).find())
                .findFirst();
    }

    /** The code as a label of its own, so a shop's own codes still group ("Style" and "style" alike). */
    public static String shopCode(String code) {
        return normalise(code);
    }

    /** The reason whose label this is, if it is one. */
    public static Optional<ReturnReason> ofLabel(String label) {
        return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst();
    }

    /** Whether a label names a specific reason: not "other", "unspecified" or a shop's own code. */
    public static boolean explains(String label) {
        return ofLabel(label).map(ReturnReason::specific).orElse(false);
    }

    /** The fix for a reason label, or a prompt to read the comments for "other" and a shop-specific code. */
    public static String fixOf(String label) {
        return ofLabel(label).orElse(OTHER).fix;
    }

    private static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String lower = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return lower.replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ").trim();
    }
}
