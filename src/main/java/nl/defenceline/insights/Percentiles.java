package nl.defenceline.insights;

import static org.apache.spark.sql.functions.expr;

import java.util.Locale;
import org.apache.spark.sql.Column;

/**
 * Exact nearest-rank percentiles: the smallest value with at least that share of the values at or below it. Not
 * {@code percentile_approx}: that is not exact on large groups, and its result then depends on the order the rows
 * arrive in, so the same export could give another figure on another partitioning. Spark has the exact ones
 * ({@code percentile_disc}) in SQL only. Nulls are left out.
 */
final class Percentiles {

    private Percentiles() {
    }

    /** The percentile of a column's values, as a double. */
    static Column nearestRank(String column, double share) {
        return ofSql("`" + column + "`", share);
    }

    /** The percentile of a column's values that are zero or more: negative ones are left out as well. */
    static Column nearestRankOfNonNegative(String column, double share) {
        return ofSql(String.format(Locale.ROOT, "CASE WHEN `%1$s` >= 0 THEN `%1$s` END", column), share);
    }

    private static Column ofSql(String values, double share) {
        return expr(String.format(Locale.ROOT, "percentile_disc(%s) WITHIN GROUP (ORDER BY %s)", share, values));
    }
}
