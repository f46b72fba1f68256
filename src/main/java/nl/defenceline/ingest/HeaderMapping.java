package nl.defenceline.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.defenceline.UserError;
import nl.defenceline.schema.Presence;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.SourceColumn;

/**
 * Where each canonical column sits in one file's header under a {@link ColumnMapping}; header names match
 * case-insensitively, ignoring surrounding blanks and a byte-order mark.
 */
public final class HeaderMapping implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, Integer> positions;
    private final Map<String, String> datePatterns;
    private final int width;

    private HeaderMapping(Map<String, Integer> positions, Map<String, String> datePatterns, int width) {
        this.positions = positions;
        this.datePatterns = datePatterns;
        this.width = width;
    }

    /**
     * Maps a file's header row onto a source's columns.
     *
     * @throws UserError naming the file and the required columns that are missing
     */
    public static HeaderMapping of(Source source, ColumnMapping mapping, String fileName, List<String> header) {
        List<String> missing = new ArrayList<>();
        HeaderMapping result = map(source, mapping, header, missing);
        if (!missing.isEmpty()) {
            throw new UserError(fileName + ": required column " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing" + (mapping.name().equals("canonical") ? ""
                    : " under mapping " + mapping.name()) + " (header has: " + printable(header) + ")");
        }
        return result;
    }

    /** The mapping when the header has every required column, else empty. */
    public static Optional<HeaderMapping> tryOf(Source source, ColumnMapping mapping, List<String> header) {
        List<String> missing = new ArrayList<>();
        HeaderMapping result = map(source, mapping, header, missing);
        return missing.isEmpty() ? Optional.of(result) : Optional.empty();
    }

    private static HeaderMapping map(Source source, ColumnMapping mapping, List<String> header, List<String> missing) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(normalise(header.get(i)), i);
        }
        Map<String, Integer> positions = new HashMap<>();
        Map<String, String> patterns = new HashMap<>();
        for (SourceColumn column : source.columns()) {
            Integer position = mapping.headersFor(source, column).stream().map(byName::get)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(byName.get(column.header()));
            if (position != null) {
                positions.put(column.header(), position);
                mapping.datePattern(source, column).ifPresent(p -> patterns.put(column.header(), p));
            } else if (column.presence() != Presence.OPTIONAL) {
                missing.add(column.header());
            }
        }
        return new HeaderMapping(positions, patterns, header.size());
    }

    /** Position of the column in the file, or -1 when the file does not have it. */
    public int position(SourceColumn column) {
        return positions.getOrDefault(column.header(), -1);
    }

    /** The mapping's date-time pattern for a column, or null for the standard spellings. */
    public String datePattern(SourceColumn column) {
        return datePatterns.get(column.header());
    }

    /** Number of fields in the header row; a data row with another count is rejected. */
    public int width() {
        return width;
    }

    static String normalise(String headerName) {
        return headerName.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    /** The header for a message: control characters shown as '?', at most 200 characters. */
    private static String printable(List<String> header) {
        String joined = String.join(", ", header).replaceAll("[\\p{Cntrl}\\uFFFD]", "?");
        return joined.length() > 200 ? joined.substring(0, 200) + "..." : joined;
    }
}
