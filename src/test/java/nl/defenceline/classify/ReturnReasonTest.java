package nl.defenceline.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReturnReasonTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "colour_differs | null                              | colour or look differs from the photo",
        "Kleur wijkt af | null                              | colour or look differs from the photo",
        "other          | de groen is meer kaki, kleur anders | colour or look differs from the photo",
        "Te klein       | null                              | too small",
        "null           | valt erg klein                    | too small",
        "too_large      | null                              | too large",
        "null           | Doos kapot en product beschadigd  | damaged on arrival",
        "null           | werkt niet na een dag             | defective or poor quality",
        "changed_mind   | null                              | changed mind",
        "Past niet bij interieur | null                     | past niet bij interieur",
        "null           | null                              | unspecified",
    })
    void recognisesCodesFirstThenComments(String code, String text, String expected) {
        assertEquals(expected, ReturnReason.labelOf(code, text));
    }
}
