package nl.defenceline.classify;

import java.util.Locale;
import java.util.Optional;

/**
 * The reason one return counts under, and how it was found: a specific drop-down code decides; the customer's comment,
 * read by the return-reason model, decides when the code is missing, generic ("other", "anders") or a shop's own code
 * that names no reason. A specific code that a confident comment contradicts is kept, and the disagreement flagged.
 *
 * @param reason        the label the reports count: a {@link ReturnReason#label()}, a shop's own code as written
 *                      (normalised), or {@link ReturnReason#UNSPECIFIED}
 * @param from          what decided it
 * @param commentReason the model's reading of the comment, whatever its confidence; null without a comment
 * @param disagrees     whether a specific code and a confident, specific comment name different reasons
 */
public record ReturnReasonDecision(String reason, From from, ReturnReason commentReason, boolean disagrees) {

    /**
     * Below this probability the model's reading of a comment does not decide a return's reason: a verdict under one
     * half is more likely wrong than right. On the real-text evaluation set (README, "Return reasons") it leaves 6 %
     * of the comments undecided and the rest 62 % right; higher thresholds buy little accuracy for many more.
     */
    public static final double MIN_CONFIDENCE = 0.5;

    /** What decided a return's reason; its name in lower case goes into the reports. */
    public enum From {
        /** A drop-down code that names a reason. */
        CODE,
        /** The comment, read by the model with at least {@link #MIN_CONFIDENCE}. */
        COMMENT,
        /** A shop's own code that names no reason, kept as written because the comment did not say more. */
        SHOP_CODE,
        /** Neither: no code ("unspecified"), or a generic one ("other"), and no comment the model is sure of. */
        NONE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Decides one return's reason.
     *
     * @param code    the shop's drop-down code, possibly null or blank
     * @param verdict the model's reading of the comment, or null when the return has no comment
     */
    public static ReturnReasonDecision decide(String code, ReasonVerdict verdict, double minConfidence) {
        ReturnReason read = verdict == null ? null : verdict.reason();
        boolean confident = verdict != null && verdict.probability() >= minConfidence;
        Optional<ReturnReason> coded = ReturnReason.ofCode(code);
        if (coded.isPresent()) {
            boolean disagrees = confident && read.specific() && read != coded.get();
            return new ReturnReasonDecision(coded.get().label(), From.CODE, read, disagrees);
        }
        boolean shopCode = !ReturnReason.isGeneric(code);
        if (confident && (read.specific() || !shopCode)) {
            return new ReturnReasonDecision(read.label(), From.COMMENT, read, false);
        }
        if (shopCode) {
            return new ReturnReasonDecision(ReturnReason.shopCode(code), From.SHOP_CODE, read, false);
        }
        // A generic code still says the customer picked "other"; no code at all says nothing.
        String reason = ReturnReason.isMissing(code) ? ReturnReason.UNSPECIFIED : ReturnReason.OTHER.label();
        return new ReturnReasonDecision(reason, From.NONE, read, false);
    }
}
