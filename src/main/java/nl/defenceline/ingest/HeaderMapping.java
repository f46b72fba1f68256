package nl.defenceline.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.defenceline.UserError;
import nl.defenceline.schema.Presence;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.SourceColumn;

/** Where each canonical column sits in one file's header; header names match case-insensitively. */
public final class HeaderMapping implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, Integer> positions;
    private final int width;

    private HeaderMapping(Map<String, Integer> positions, int width) {
        this.positions = positions;
        this.width = width;
    }

    /**
     * Maps a file's header row onto a source's columns.
     *
     * @throws UserError naming the file and the first required column that is missing
     */
    public static HeaderMapping of(Source source, String fileName, List<String> header) {
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(normalise(header.get(i)), i);
        }
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (SourceColumn column : source.columns()) {
            Integer position = byName.get(column.header());
            if (position != null) {
                positions.put(column.header(), position);
            } else if (column.presence() != Presence.OPTIONAL) {
                missing.add(column.header());
            }
        }
        if (!missing.isEmpty()) {
            throw new UserError(fileName + ": required column " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing (header has: " + String.join(", ", header) + ")");
        }
        return new HeaderMapping(positions, header.size());
    }

    /** Position of the column in the file, or -1 when the file does not have it. */
    public int position(SourceColumn column) {
        return positions.getOrDefault(column.header(), -1);
    }

    /** Number of fields in the header row; a data row with another count is rejected. */
    public int width() {
        return width;
    }

    static String normalise(String headerName) {
        return headerName.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }
}
