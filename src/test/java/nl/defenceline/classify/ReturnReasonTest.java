package nl.defenceline.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReturnReasonTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "colour_differs   | LOOKS_DIFFERENT",
        "COLOR            | LOOKS_DIFFERENT",
        "Kleur wijkt af   | LOOKS_DIFFERENT",
        "Te klein         | TOO_SMALL",
        "SIZE_TOO_SMALL   | TOO_SMALL",
        "too_large        | TOO_LARGE",
        "damaged          | DAMAGED",
        "changed_mind     | CHANGED_MIND",
        "Changed mind     | CHANGED_MIND",
        "UNWANTED         | CHANGED_MIND",
        "not_as_described | NOT_AS_DESCRIBED",
        "WRONG_ITEM       | WRONG_ITEM",
        "other            | null",
        "STYLE            | null",
        "null             | null",
    })
    void recognisesTheReasonADropDownCodeNames(String code, String expected) {
        assertEquals(Optional.ofNullable(expected).map(ReturnReason::valueOf), ReturnReason.ofCode(code));
    }

    @Test
    void genericCodesNameNoReasonButAShopsOwnCodeIsKept() {
        for (String generic : new String[] {null, "", " ", "other", "Anders", "OVERIG", "unknown", "n/a", "-"}) {
            assertTrue(ReturnReason.isGeneric(generic), generic);
        }
        assertFalse(ReturnReason.isGeneric("STYLE"));
        assertEquals("past niet bij interieur", ReturnReason.shopCode("Past_niet bij  interieur"));
    }

    @Test
    void onlyTheSpecificReasonsExplainAReturn() {
        assertTrue(ReturnReason.explains(ReturnReason.TOO_SMALL.label()));
        assertFalse(ReturnReason.explains(ReturnReason.OTHER.label()));
        assertFalse(ReturnReason.explains(ReturnReason.UNSPECIFIED));
        assertFalse(ReturnReason.explains("style"));
        assertEquals(ReturnReason.OTHER.fix(), ReturnReason.fixOf("style"));
        assertEquals(ReturnReason.DAMAGED.fix(), ReturnReason.fixOf(ReturnReason.DAMAGED.label()));
    }
}
