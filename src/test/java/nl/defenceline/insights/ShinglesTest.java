package nl.defenceline.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShinglesTest {

    @Test
    void keepsContentWordsWithNegationAsOneWord() {
        assertEquals(List.of("past", "not", "interieur"), Shingles.contentWords("Past niet bij mijn interieur", Set.of()));
        assertEquals(List.of("not", "match", "interior"), Shingles.contentWords("Doesn't match my interior!", Set.of()));
        assertEquals(List.of("geur", "raar"), Shingles.contentWords("De geur is raar: 123456", Set.of()),
                "numbers are masked and dropped");
    }

    @Test
    void leavesOutTheProductsOwnName() {
        assertEquals(List.of("sold", "out"),
                Shingles.contentWords("The Trui Mila wol is sold out", Shingles.nameWords("Trui Mila wol")));
    }

    @Test
    void stripsPluralsAndVerbFormsLightly() {
        assertEquals("kleur", Shingles.stem("kleuren"));
        assertEquals("photo", Shingles.stem("photos"));
        assertEquals("kapot", Shingles.stem("kapotte"));
        assertEquals("match", Shingles.stem("matches"));
        assertEquals("mok", Shingles.stem("mok"), "too short to strip");
    }

    @Test
    void negationCountsOnlyInsideTwoGrams() {
        assertEquals(Set.of("past", "interieur", "past not", "not interieur"),
                Shingles.of(List.of("past", "not", "interieur")));
    }

    @ParameterizedTest(name = "alike: {0} / {1}")
    @CsvSource(delimiter = '|', value = {
            "Past niet bij mijn interieur | Past helemaal niet bij ons interieur",
            "Past niet bij mijn interieur | Het past niet in mijn woonkamer interieur",
            "Past niet bij mijn interieur | past echt niet bij het interieur van mijn huis",
            "Doesn't match my interior | Does not match the interior of my home",
            "Doesn't match my interior | the colour doesn't match the interior of my living room",
            "Ruikt heel sterk naar plastic | De trui ruikt sterk naar plastic na het uitpakken",
            "The zipper broke after one week | zipper broke within a week"})
    void sameComplaintInOtherWordsIsAlike(String a, String b) {
        double similarity = similarity(a, b);
        assertTrue(similarity >= Shingles.ALIKE, a + " / " + b + ": " + similarity);
    }

    @ParameterizedTest(name = "apart: {0} / {1}")
    @CsvSource(delimiter = '|', value = {
            "Past niet bij mijn interieur | Past niet in de doos",
            "Past niet bij mijn interieur | Ruikt heel sterk naar plastic",
            "Doesn't match my interior | The colour doesn't match the photo",
            "Doesn't match my interior | doesn't fit in my suitcase",
            "Is the jumper waterproof or only water resistant | How do I send the jumper back",
            "my package has been stuck in transit for five days | the package arrived damaged the box was crushed"})
    void differentComplaintsAreApart(String a, String b) {
        double similarity = similarity(a, b);
        assertTrue(similarity < Shingles.ALIKE, a + " / " + b + ": " + similarity);
    }

    @Test
    void similarityIsJaccard() {
        assertEquals(1.0 / 3, Shingles.similarity(Set.of("a", "b"), Set.of("b", "c")), 1e-9);
        assertEquals(0.0, Shingles.similarity(Set.of(), Set.of()));
    }

    private static double similarity(String a, String b) {
        return Shingles.similarity(Shingles.of(Shingles.contentWords(a, Set.of())),
                Shingles.of(Shingles.contentWords(b, Set.of())));
    }
}
