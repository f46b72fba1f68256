package nl.defenceline.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import nl.defenceline.classify.ReturnReasonDecision.From;
import org.junit.jupiter.api.Test;

class ReturnReasonDecisionTest {

    private static final double MIN = 0.5;

    private static ReasonVerdict read(ReturnReason reason, double probability) {
        return new ReasonVerdict(reason, probability, ReturnReason.OTHER, 1 - probability, "nl");
    }

    private static ReturnReasonDecision decide(String code, ReasonVerdict verdict) {
        return ReturnReasonDecision.decide(code, verdict, MIN);
    }

    @Test
    void aSpecificCodeDecidesAndAConfidentCommentThatSaysOtherwiseIsFlagged() {
        assertEquals(new ReturnReasonDecision("changed mind", From.CODE, ReturnReason.TOO_SMALL, true),
                decide("changed_mind", read(ReturnReason.TOO_SMALL, 0.8)));
    }

    @Test
    void aCommentThatAgreesIsUnsureOrSaysNothingSpecificIsNoDisagreement() {
        assertEquals(new ReturnReasonDecision("too small", From.CODE, ReturnReason.TOO_SMALL, false),
                decide("too_small", read(ReturnReason.TOO_SMALL, 0.9)));
        assertEquals(new ReturnReasonDecision("too small", From.CODE, ReturnReason.TOO_LARGE, false),
                decide("too_small", read(ReturnReason.TOO_LARGE, 0.4)));
        assertEquals(new ReturnReasonDecision("too small", From.CODE, ReturnReason.OTHER, false),
                decide("too_small", read(ReturnReason.OTHER, 0.9)));
        assertEquals(new ReturnReasonDecision("too small", From.CODE, null, false), decide("too_small", null));
    }

    @Test
    void theCommentDecidesWhenTheCodeIsMissingGenericOrTheShopsOwn() {
        assertEquals(new ReturnReasonDecision("too large", From.COMMENT, ReturnReason.TOO_LARGE, false),
                decide(null, read(ReturnReason.TOO_LARGE, 0.7)));
        assertEquals(new ReturnReasonDecision("damaged on arrival", From.COMMENT, ReturnReason.DAMAGED, false),
                decide("anders", read(ReturnReason.DAMAGED, 0.5)));
        assertEquals(new ReturnReasonDecision("defective or poor quality", From.COMMENT, ReturnReason.DEFECTIVE, false),
                decide("STYLE", read(ReturnReason.DEFECTIVE, 0.6)));
        assertEquals(new ReturnReasonDecision("other", From.COMMENT, ReturnReason.OTHER, false),
                decide("other", read(ReturnReason.OTHER, 0.8)));
    }

    @Test
    void withoutAConfidentCommentAShopsCodeIsKeptAndOtherwiseNoReasonIsGiven() {
        assertEquals(new ReturnReasonDecision("style", From.SHOP_CODE, ReturnReason.TOO_SMALL, false),
                decide("Style", read(ReturnReason.TOO_SMALL, 0.3)));
        assertEquals(new ReturnReasonDecision("style", From.SHOP_CODE, ReturnReason.OTHER, false),
                decide("Style", read(ReturnReason.OTHER, 0.9)), "a confident 'other' says less than the shop's code");
        assertEquals(new ReturnReasonDecision("other", From.NONE, ReturnReason.TOO_SMALL, false),
                decide("other", read(ReturnReason.TOO_SMALL, 0.49)));
        assertEquals(new ReturnReasonDecision(ReturnReason.UNSPECIFIED, From.NONE, null, false), decide("", null));
    }
}
