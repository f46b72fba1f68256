package nl.defenceline.insights;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntToDoubleFunction;

/**
 * The alike pairs among shingle sets ({@link Shingles#similarity} at least {@link Shingles#ALIKE}) without comparing
 * every pair: only sets that share a shingle of their prefix are compared, and only when their sizes allow it.
 *
 * <p>Both filters are exact, not heuristics. A set of n shingles can reach the threshold only with another set that
 * shares at least {@code o(n)} of them, the least s with s / n &ge; ALIKE (the best case: the other set is those s
 * shingles). With every set's shingles in one global order (rarest first), two sets sharing s shingles share one
 * among their first n - s + 1 each (the first shared shingle in the order has at most n - s shingles after it), so
 * the prefixes of length n - o(n) + 1 meet for every alike pair. And a set of m &le; n shingles reaches at most m / n.
 * The bounds are computed with the same floating-point expression as the similarity itself, which is monotone in
 * numerator and denominator, so no alike pair is missed by rounding; every candidate is then checked exactly.
 */
final class AlikePairs {

    /** Whether a pair still needs checking (e.g. not already known to be in one group). */
    interface PairFilter {
        boolean test(int i, int j);
    }

    /** Receives one alike pair, i &lt; j. */
    interface PairConsumer {
        void accept(int i, int j);
    }

    /** Each set's shingles as ranks in the global order (rarest first), ascending. */
    private final int[][] sets;
    private final int shingleCount;

    AlikePairs(List<Set<String>> shingles) {
        Map<String, Integer> frequency = new HashMap<>();
        for (Set<String> set : shingles) {
            for (String shingle : set) {
                frequency.merge(shingle, 1, Integer::sum);
            }
        }
        String[] byRarity = frequency.keySet().toArray(String[]::new);
        Arrays.sort(byRarity, (a, b) -> {
            int byCount = Integer.compare(frequency.get(a), frequency.get(b));
            return byCount != 0 ? byCount : a.compareTo(b);
        });
        Map<String, Integer> rank = new HashMap<>();
        for (int r = 0; r < byRarity.length; r++) {
            rank.put(byRarity[r], r);
        }
        sets = new int[shingles.size()][];
        for (int i = 0; i < sets.length; i++) {
            sets[i] = shingles.get(i).stream().mapToInt(rank::get).sorted().toArray();
        }
        shingleCount = byRarity.length;
    }

    /** The similarity of sets i and j: exactly {@link Shingles#similarity} of the sets given. */
    double similarity(int i, int j) {
        return Shingles.similarity(sets[i].length, sets[j].length, shared(sets[i], sets[j]));
    }

    /** Calls {@code alike} once for every alike pair that {@code needed} lets through, in no promised order. */
    void forEach(PairFilter needed, PairConsumer alike) {
        int largest = Arrays.stream(sets).mapToInt(s -> s.length).max().orElse(0);
        int[] minShared = new int[largest + 1];
        int[] minSize = new int[largest + 1];
        for (int size = 1; size <= largest; size++) {
            int n = size;
            minShared[n] = leastReaching(n, s -> Shingles.similarity(n, s, s));
            minSize[n] = leastReaching(n, m -> Shingles.similarity(m, n, m));
        }
        Integer[] bySize = new Integer[sets.length];
        Arrays.setAll(bySize, i -> i);
        Arrays.sort(bySize, (a, b) -> Integer.compare(sets[a].length, sets[b].length));
        // postings[r]: the sets seen so far with shingle r in their prefix, smallest first, from start[r] on.
        int[][] postings = new int[shingleCount][];
        int[] postingCount = new int[shingleCount];
        int[] start = new int[shingleCount];
        int[] lastProbe = new int[sets.length];
        Arrays.fill(lastProbe, -1);
        for (int x : bySize) {
            int[] set = sets[x];
            int n = set.length;
            if (n == 0 || minShared[n] == 0) {
                continue;
            }
            int prefix = n - minShared[n] + 1;
            for (int p = 0; p < prefix; p++) {
                int shingle = set[p];
                int[] list = postings[shingle];
                int count = postingCount[shingle];
                while (start[shingle] < count && sets[list[start[shingle]]].length < minSize[n]) {
                    start[shingle]++;
                }
                for (int k = start[shingle]; k < count; k++) {
                    int y = list[k];
                    if (lastProbe[y] != x) {
                        lastProbe[y] = x;
                        int i = Math.min(x, y);
                        int j = Math.max(x, y);
                        if (needed.test(i, j) && similarity(i, j) >= Shingles.ALIKE) {
                            alike.accept(i, j);
                        }
                    }
                }
            }
            for (int p = 0; p < prefix; p++) {
                int shingle = set[p];
                if (postings[shingle] == null) {
                    postings[shingle] = new int[4];
                } else if (postingCount[shingle] == postings[shingle].length) {
                    postings[shingle] = Arrays.copyOf(postings[shingle], postings[shingle].length * 2);
                }
                postings[shingle][postingCount[shingle]++] = x;
            }
        }
    }

    /** The least k in 1..n whose best similarity reaches the threshold; 0 when none does. */
    private static int leastReaching(int n, IntToDoubleFunction best) {
        for (int k = 1; k <= n; k++) {
            if (best.applyAsDouble(k) >= Shingles.ALIKE) {
                return k;
            }
        }
        return 0;
    }

    private static int shared(int[] a, int[] b) {
        int shared = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }
}
