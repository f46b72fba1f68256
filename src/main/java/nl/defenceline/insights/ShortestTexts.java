package nl.defenceline.insights;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import scala.Tuple2;

/**
 * Aggregates (words, text) pairs into the {@code limit} shortest texts (fewest words, then alphabetical), joined by
 * " | ". Each partition keeps only its own shortest few, so a category of a million tickets never becomes one array.
 */
final class ShortestTexts extends Aggregator<Tuple2<Integer, String>, ShortestTexts.Kept, String> {

    private static final long serialVersionUID = 1L;
    private static final Comparator<Tuple2<Integer, String>> ORDER =
            Comparator.<Tuple2<Integer, String>, Integer>comparing(Tuple2::_1).thenComparing(Tuple2::_2);

    /** The shortest texts seen so far, in order. */
    public static final class Kept implements Serializable {
        private static final long serialVersionUID = 1L;
        final List<Tuple2<Integer, String>> texts = new ArrayList<>();
    }

    private final int limit;

    ShortestTexts(int limit) {
        this.limit = limit;
    }

    @Override
    public Kept zero() {
        return new Kept();
    }

    @Override
    public Kept reduce(Kept kept, Tuple2<Integer, String> text) {
        if (text._2() != null) {
            keep(kept, text);
        }
        return kept;
    }

    @Override
    public Kept merge(Kept a, Kept b) {
        b.texts.forEach(text -> keep(a, text));
        return a;
    }

    private void keep(Kept kept, Tuple2<Integer, String> text) {
        List<Tuple2<Integer, String>> texts = kept.texts;
        if (texts.size() == limit && ORDER.compare(text, texts.get(limit - 1)) >= 0) {
            return;
        }
        int at = 0;
        while (at < texts.size() && ORDER.compare(texts.get(at), text) <= 0) {
            at++;
        }
        texts.add(at, text);
        if (texts.size() > limit) {
            texts.remove(limit);
        }
    }

    @Override
    public String finish(Kept kept) {
        return String.join(" | ", kept.texts.stream().map(Tuple2::_2).toList());
    }

    @Override
    public Encoder<Kept> bufferEncoder() {
        return Encoders.javaSerialization(Kept.class);
    }

    @Override
    public Encoder<String> outputEncoder() {
        return Encoders.STRING();
    }
}
