package nl.defenceline.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlikePairsTest {

    @Test
    void findsExactlyThePairsThatComparingEveryPairFinds() {
        Random random = new Random(19);
        int alikeSeen = 0;
        for (int round = 0; round < 300; round++) {
            List<Set<String>> sets = randomSets(random, 2 + random.nextInt(60));
            Set<List<Integer>> expected = bruteForce(sets);
            List<List<Integer>> found = new ArrayList<>();
            new AlikePairs(sets).forEach((i, j) -> true, (i, j) -> found.add(List.of(i, j)));
            assertEquals(found.size(), new HashSet<>(found).size(), "each pair once");
            assertEquals(sorted(expected), sorted(new HashSet<>(found)), "round " + round + ": " + sets);
            alikeSeen += expected.size();
        }
        assertTrue(alikeSeen > 1000, "the random sets have many alike pairs to find: " + alikeSeen);
    }

    @Test
    void findsPairsRightAtTheThresholdAndNoneJustBelowIt() {
        // 7 shared of 20 in the union is 0.35 as a double; 7 of 21 is below.
        Set<String> a = words(0, 7);
        a.addAll(words(100, 7));
        Set<String> atThreshold = words(0, 7);
        atThreshold.addAll(words(200, 6));
        Set<String> below = words(0, 7);
        below.addAll(words(200, 7));
        assertTrue(Shingles.similarity(a, atThreshold) >= Shingles.ALIKE);
        assertFalse(Shingles.similarity(a, below) >= Shingles.ALIKE);

        List<List<Integer>> pairs = new ArrayList<>();
        new AlikePairs(List.of(a, atThreshold, below)).forEach((i, j) -> true, (i, j) -> pairs.add(List.of(i, j)));
        assertEquals(List.of(List.of(0, 1)), pairs.stream().filter(p -> p.get(0) == 0).toList());
    }

    @Test
    void skipsPairsTheFilterSaysAreNotNeeded() {
        List<Set<String>> sets = List.of(Set.of("a", "b"), Set.of("a", "b", "c"), Set.of("a", "b", "d"));
        List<List<Integer>> pairs = new ArrayList<>();
        new AlikePairs(sets).forEach((i, j) -> i != 0, (i, j) -> pairs.add(List.of(i, j)));
        assertEquals(List.of(List.of(1, 2)), pairs);
    }

    @Test
    void givesTheSameSimilarityAsShingles() {
        List<Set<String>> sets = randomSets(new Random(7), 40);
        AlikePairs pairs = new AlikePairs(sets);
        for (int i = 0; i < sets.size(); i++) {
            for (int j = 0; j < sets.size(); j++) {
                assertEquals(Shingles.similarity(sets.get(i), sets.get(j)), pairs.similarity(i, j));
            }
        }
    }

    @Test
    void groupsAsUnionFindOverEveryPairDoes() {
        Random random = new Random(23);
        for (int round = 0; round < 200; round++) {
            List<Set<String>> sets = randomSets(random, 1 + random.nextInt(80));
            assertEquals(bruteForceGroups(sets), RecurringThemes.groups(sets), "round " + round + ": " + sets);
        }
    }

    @Test
    void typicalIsTheExactMedoidForSmallGroups() {
        Random random = new Random(29);
        for (int round = 0; round < 100; round++) {
            List<Set<String>> sets = randomSets(random, 1 + random.nextInt(50));
            assertEquals(bruteForceMedoid(sets), RecurringThemes.typical(sets), "round " + round);
        }
    }

    @Test
    void typicalOfALargeGroupWithFewWordingsIsItsMostFrequentOne() {
        List<Set<String>> sets = new ArrayList<>();
        for (int i = 0; i < RecurringThemes.EXACT_MEDOID + 500; i++) {
            sets.add(i % 3 == 0 ? Set.of("past", "not", "interieur", "past not") : Set.of("past", "interieur", "kleur"));
        }
        assertEquals(1, RecurringThemes.typical(sets), "two thirds of the group have the second wording, first at 1");
    }

    /** Sets over a small vocabulary, with copies, so that many are alike and sizes vary from empty to large. */
    private static List<Set<String>> randomSets(Random random, int count) {
        List<Set<String>> sets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!sets.isEmpty() && random.nextInt(8) == 0) {
                sets.add(sets.get(random.nextInt(sets.size())));
                continue;
            }
            int vocabulary = 4 + random.nextInt(20);
            int size = random.nextInt(12);
            Set<String> set = new HashSet<>();
            for (int k = 0; k < size; k++) {
                set.add("w" + random.nextInt(vocabulary));
            }
            sets.add(set);
        }
        return sets;
    }

    private static Set<String> words(int from, int count) {
        Set<String> words = new HashSet<>();
        for (int i = from; i < from + count; i++) {
            words.add("w" + i);
        }
        return words;
    }

    private static Set<List<Integer>> bruteForce(List<Set<String>> sets) {
        Set<List<Integer>> pairs = new HashSet<>();
        for (int i = 0; i < sets.size(); i++) {
            for (int j = i + 1; j < sets.size(); j++) {
                if (Shingles.similarity(sets.get(i), sets.get(j)) >= Shingles.ALIKE) {
                    pairs.add(List.of(i, j));
                }
            }
        }
        return pairs;
    }

    private static List<List<Integer>> sorted(Set<List<Integer>> pairs) {
        return pairs.stream().sorted((a, b) -> a.get(0).equals(b.get(0))
                ? Integer.compare(a.get(1), b.get(1)) : Integer.compare(a.get(0), b.get(0))).toList();
    }

    /** The groups as the report made them before: union-find over every alike pair. */
    private static List<List<Integer>> bruteForceGroups(List<Set<String>> sets) {
        int[] group = new int[sets.size()];
        for (int i = 0; i < group.length; i++) {
            group[i] = i;
        }
        for (List<Integer> pair : bruteForce(sets)) {
            int from = group[pair.get(1)];
            int to = group[pair.get(0)];
            for (int k = 0; k < group.length; k++) {
                if (group[k] == from) {
                    group[k] = to;
                }
            }
        }
        List<List<Integer>> groups = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < group.length; i++) {
            int at = labels.indexOf(group[i]);
            if (at < 0) {
                labels.add(group[i]);
                groups.add(new ArrayList<>(List.of(i)));
            } else {
                groups.get(at).add(i);
            }
        }
        return groups;
    }

    /** The typical comment as the report chose it before: the first largest sum over every pair. */
    private static int bruteForceMedoid(List<Set<String>> sets) {
        int typical = 0;
        double best = -1;
        for (int i = 0; i < sets.size(); i++) {
            double sum = 0;
            for (int j = 0; j < sets.size(); j++) {
                sum += i == j ? 0 : Shingles.similarity(sets.get(i), sets.get(j));
            }
            if (sum > best) {
                best = sum;
                typical = i;
            }
        }
        return typical;
    }
}
