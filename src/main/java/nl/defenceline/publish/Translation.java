package nl.defenceline.publish;

import java.util.Locale;
import nl.defenceline.schema.ReportColumns;

/**
 * A human-readable column of a report that the publisher writes in the run's language: each cell becomes the message
 * {@code <prefix>.<key>.<suffix>}, its key taken from another column of the row (a category, a reason), e.g.
 * {@code category.DELIVERY.action}. The reports compute the English text; a cell whose key has no message keeps it.
 *
 * @param column    the column to write in the run's language
 * @param keyColumn the column whose value names the message
 * @param fallback  the message for a key the bundle does not know (e.g. a shop's own reason code), or null to keep
 *                  the computed text
 */
public record Translation(ReportColumns column, ReportColumns keyColumn, String prefix, String suffix,
                          String fallback) implements java.io.Serializable {

    /** The message key of one key value: lower case, spaces as hyphens ("too small" -> "too-small"). */
    String key(Object value) {
        String name = String.valueOf(value).trim().replaceAll("\\s+", "-");
        return prefix + "." + (name.equals(name.toUpperCase(Locale.ROOT)) ? name : name.toLowerCase(Locale.ROOT))
                + "." + suffix;
    }
}
