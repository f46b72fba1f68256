package nl.defenceline.insights;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Canonical return reasons, recognised from a shop's drop-down code or the customer's comment (Dutch and English),
 * each with the fix it points to.
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
            "don'?t need", "niet nodig", "dubbel besteld", "ordered twice", "herroeping");

    /** Label for a return with neither a recognised code nor a recognised comment. */
    public static final String UNSPECIFIED = "unspecified";

    private final String label;
    private final String fix;
    private final Pattern pattern;

    ReturnReason(String label, String fix, String... keywords) {
        this.label = label;
        this.fix = fix;
        this.pattern = Pattern.compile("\\b(" + String.join("|", keywords) + ")\\b");
    }

    public String label() {
        return label;
    }

    public String fix() {
        return fix;
    }

    /**
     * The reason label for one return: the drop-down code decides when it is recognised, then the comment; an
     * unrecognised code is kept as written (normalised), so a shop's own codes still group.
     */
    public static String labelOf(String reasonCode, String reasonText) {
        String code = normalise(reasonCode);
        for (String candidate : List.of(code, normalise(reasonText))) {
            for (ReturnReason reason : values()) {
                if (!candidate.isEmpty() && reason.pattern.matcher(candidate).find()) {
                    return reason.label;
                }
            }
        }
        return code.isEmpty() ? UNSPECIFIED : code;
    }

    /** The fix for a reason label, or a prompt to read the comments for a shop-specific code. */
    public static String fixOf(String label) {
        for (ReturnReason reason : values()) {
            if (reason.label.equals(label)) {
                return reason.fix;
            }
        }
        return "Read the customers' comments: no standard fix for this reason";
    }

    private static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String lower = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return lower.replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ").trim();
    }
}
