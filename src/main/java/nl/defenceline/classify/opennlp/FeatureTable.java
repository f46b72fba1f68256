package nl.defenceline.classify.opennlp;

import java.util.Map;
import opennlp.tools.ml.model.Context;

/**
 * A maxent model's predicates in an open-addressing table keyed by a 64-bit hash of the predicate's characters, each
 * with its row: its position in the model's predicate map. Looking a feature up needs no String: the scorer hashes characters as it
 * walks the tokens. Two predicates of the model never share a hash (checked when the table is built); a feature the
 * model does not know takes a known feature's weights only if its 64-bit hash equals that feature's, which for a model
 * of a million predicates happens about once in 10^13 lookups. Hash and row sit side by side: one cache line per
 * lookup.
 */
final class FeatureTable {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** Per slot: the hash (0 = empty slot) and the predicate's row. */
    private final long[] slots;
    private final int mask;

    /**
     * @throws IllegalArgumentException when two predicates have the same hash (the caller then leaves the model to
     *                                  OpenNLP)
     */
    FeatureTable(Map<String, Context> predicates) {
        int capacity = Integer.highestOneBit(Math.max(4, predicates.size() * 2) - 1) << 1;
        this.mask = capacity - 1;
        this.slots = new long[capacity * 2];
        int row = 0;
        for (String label : predicates.keySet()) {
            long hash = hash(label);
            int slot = slot(hash);
            while (slots[2 * slot] != 0) {
                if (slots[2 * slot] == hash) {
                    throw new IllegalArgumentException("two predicates hash to " + hash + ", one is " + label);
                }
                slot = (slot + 1) & mask;
            }
            slots[2 * slot] = hash;
            slots[2 * slot + 1] = row;
            row++;
        }
    }

    /** The hash of a predicate's characters, as {@link #find} expects it. */
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

    /** The hash of a prefix (given as its running hash) followed by {@code chars[from, to)}, as {@link #find} expects it. */
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

    /** The row of the predicate whose characters hash to {@code hash}, or -1 when the model has no such feature. */
    int find(long hash) {
        int slot = slot(hash);
        long found;
        while ((found = slots[2 * slot]) != 0) {
            if (found == hash) {
                return (int) slots[2 * slot + 1];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private int slot(long hash) {
        long mixed = (hash ^ (hash >>> 29)) * 0xbf58476d1ce4e5b9L;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }
}
