package nl.defenceline.classify.opennlp;

import java.util.Arrays;
import java.util.Map;
import opennlp.tools.ml.model.Context;

/**
 * A maxent model's predicates and their weights, keyed by a 64-bit hash of the predicate's characters. Looking a
 * feature up needs no String: the scorers hash characters as they walk the text. Two predicates of the model never
 * share a hash (checked when the table is built); a feature the model does not know takes a known feature's weights
 * only if its 64-bit hash equals that feature's, which for a model of a million predicates happens about once in
 * 10^13 lookups.
 *
 * <p>Built for the memory system, which is where the floor benchmark's profile put the time: the tables are a few
 * times larger than the processor's cache, so a lookup costs what it misses. The slots (open addressing) hold the hash
 * and where the predicate's weights start; the weights are kept sparse, as in the model, each predicate's outcome
 * numbers (one byte each, packed eight to a long) right before its weights, so a known feature costs the slot's cache
 * line and usually one more. The weights are the model's doubles, unchanged: sums come out bit for bit as OpenNLP's.
 * {@link #addAll} first touches every feature's slot, then every known feature's weights, before it adds anything up,
 * so the processor has many of those loads in flight at once instead of one after the other.
 */
final class FeatureTable {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** The most outcomes one predicate may have: its count is kept in a byte. */
    private static final int MAX_ACTIVE = 255;
    /**
     * From this many outcomes on, a predicate keeps a weight for every outcome of the model (zeros included): adding a
     * dense row takes vector instructions, a sparse one an indexed load and store per weight. The language model's
     * common n-grams have weights for nearly all of its 103 languages; the document model's 7 outcomes stay sparse.
     */
    static final int DENSE_FROM = 24;
    /** The bit of a slot's payload that marks a dense row. */
    private static final long DENSE = 1L << 8;
    private static final int AT_SHIFT = 9;

    /** Per slot: the hash (0 = empty slot), and the start of the predicate's data with its outcome count. */
    private final long[] slots;
    private final int mask;
    /** Per sparse predicate: its outcome numbers, a byte each, eight to a long, then its weights as double bits. */
    private final long[] data;
    /**
     * Per dense predicate: a weight per outcome, each row an array of its own, which the JIT vectorises (a row at an
     * offset in one big array took three times as long).
     */
    private final double[][] dense;
    private final int outcomes;

    /**
     * @throws IllegalArgumentException when two predicates have the same hash (the caller then leaves the model to
     *                                  OpenNLP) or a predicate has more than 255 outcomes
     */
    FeatureTable(Map<String, Context> predicates, int outcomes) {
        this.outcomes = outcomes;
        int capacity = Integer.highestOneBit(Math.max(4, predicates.size() * 2) - 1) << 1;
        this.mask = capacity - 1;
        this.slots = new long[capacity * 2];
        long size = 0;
        int denseRows = 0;
        for (Context context : predicates.values()) {
            int active = context.getOutcomes().length;
            if (active > MAX_ACTIVE) {
                throw new IllegalArgumentException("a predicate with " + active + " outcomes");
            }
            if (active >= DENSE_FROM) {
                denseRows++;
            } else {
                size += (active + 7) / 8 + active;
            }
        }
        if (size > Integer.MAX_VALUE >> AT_SHIFT) {
            throw new IllegalArgumentException("too many weights: " + size);
        }
        this.data = new long[(int) size];
        this.dense = new double[denseRows][];
        int at = 0;
        int denseAt = 0;
        for (Map.Entry<String, Context> predicate : predicates.entrySet()) {
            long hash = hash(predicate.getKey());
            int slot = slot(hash);
            while (slots[2 * slot] != 0) {
                if (slots[2 * slot] == hash) {
                    throw new IllegalArgumentException("two predicates hash to " + hash + ", one is "
                            + predicate.getKey());
                }
                slot = (slot + 1) & mask;
            }
            int[] active = predicate.getValue().getOutcomes();
            double[] parameters = predicate.getValue().getParameters();
            for (int outcome : active) {
                if (outcome < 0 || outcome >= Math.min(outcomes, MAX_ACTIVE + 1)) {
                    throw new IllegalArgumentException("outcome number " + outcome + " of " + outcomes);
                }
            }
            slots[2 * slot] = hash;
            if (active.length >= DENSE_FROM) {
                slots[2 * slot + 1] = ((long) denseAt << AT_SHIFT) | DENSE;
                double[] row = new double[outcomes];
                for (int i = 0; i < active.length; i++) {
                    row[active[i]] = parameters[i];
                }
                dense[denseAt++] = row;
                continue;
            }
            slots[2 * slot + 1] = ((long) at << AT_SHIFT) | active.length;
            for (int i = 0; i < active.length; i++) {
                data[at + i / 8] |= (long) active[i] << (8 * (i % 8));
            }
            at += (active.length + 7) / 8;
            for (int i = 0; i < active.length; i++) {
                data[at++] = Double.doubleToRawLongBits(parameters[i]);
            }
        }
    }

    /** The hash of a predicate's characters, as {@link #addAll} expects it. */
    static long hash(CharSequence text) {
        return done(running(text));
    }

    /** The running hash after {@code text}, to continue with {@link #step}. */
    static long running(CharSequence text) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < text.length(); i++) {
            hash = step(hash, text.charAt(i));
        }
        return hash;
    }

    /** FNV-1a over UTF-16 code units: the hash of a prefix plus one more character. */
    static long step(long hash, char c) {
        return (hash ^ c) * FNV_PRIME;
    }

    /** The hash of a prefix (given as its running hash) followed by {@code chars[from, to)}, as {@link #addAll} expects it. */
    static long hash(long prefix, char[] chars, int from, int to) {
        long hash = prefix;
        for (int i = from; i < to; i++) {
            hash = step(hash, chars[i]);
        }
        return done(hash);
    }

    /** The hash a finished run of {@link #step}s stands for; 0 marks an empty slot, so it is not a hash. */
    static long done(long hash) {
        return hash == 0 ? 1 : hash;
    }

    /**
     * Adds the weights of the batch's features to {@code sums} (indexed by outcome), feature after feature in the order
     * they were added to the batch, as OpenNLP's maxent model adds them; features the model does not know add nothing.
     */
    void addAll(Batch batch, double[] sums) {
        int count = batch.count;
        long[] hashes = batch.hashes;
        int[] found = batch.found;
        long[] touched = batch.touched;
        long[] slots = this.slots;
        long[] data = this.data;
        // 1. one independent load per feature: the slot where its search starts
        for (int i = 0; i < count; i++) {
            touched[i] = slots[2 * slot(hashes[i])];
        }
        // 2. the searches, on slots that are now cached; 3. one load per known feature: the start of its data
        for (int i = 0; i < count; i++) {
            int entry = find(hashes[i]);
            found[i] = entry;
            if (entry < 0) {
                touched[i] = 0;
            } else {
                long payload = slots[entry + 1];
                int at = (int) (payload >>> AT_SHIFT);
                touched[i] = (payload & DENSE) != 0 ? Double.doubleToRawLongBits(dense[at][0]) : data[at];
            }
        }
        // 4. the sums, in feature order
        for (int i = 0; i < count; i++) {
            int entry = found[i];
            if (entry < 0) {
                continue;
            }
            long payload = slots[entry + 1];
            int at = (int) (payload >>> AT_SHIFT);
            if ((payload & DENSE) != 0) {
                // zeros included: x + 0.0 is x, so the sums are those of the sparse row
                double[] row = dense[at];
                for (int o = 0; o < row.length; o++) {
                    sums[o] += row[o];
                }
                continue;
            }
            int active = (int) (payload & 0xff);
            int outcomesAt = at;
            int weightsAt = outcomesAt + (active + 7) / 8;
            for (int k = 0; k < active; k++) {
                int outcome = (int) (data[outcomesAt + k / 8] >>> (8 * (k % 8))) & 0xff;
                sums[outcome] += Double.longBitsToDouble(data[weightsAt + k]);
            }
        }
    }

    /** The index in {@link #slots} of the predicate whose characters hash to {@code hash}, or -1 when it is unknown. */
    private int find(long hash) {
        int slot = slot(hash);
        long at;
        while ((at = slots[2 * slot]) != 0) {
            if (at == hash) {
                return 2 * slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private int slot(long hash) {
        long mixed = (hash ^ (hash >>> 29)) * 0xbf58476d1ce4e5b9L;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }

    /**
     * The features of one text, as hashes, for {@link #addAll}, with its scratch; one per scorer, reused text after text
     * (not thread-safe). The tables themselves are shared.
     */
    static final class Batch {
        private long[] hashes = new long[512];
        private int[] found = new int[512];
        /** What the touching loads of {@link #addAll} read: stored, so that the loads are not optimised away. */
        private long[] touched = new long[512];
        private int count;

        /** Empties the batch for the next text. */
        void clear() {
            count = 0;
        }

        /** Adds a feature by its {@link FeatureTable#hash}. */
        void add(long hash) {
            if (count == hashes.length) {
                hashes = Arrays.copyOf(hashes, 2 * count);
                found = new int[2 * count];
                touched = new long[2 * count];
            }
            hashes[count++] = hash;
        }

        int count() {
            return count;
        }

        long hash(int i) {
            return hashes[i];
        }
    }
}
