package nl.defenceline.ingest;

import java.util.List;

/** Column mappings of the helpdesk and shop platforms whose exports Defence Line reads without a mapping file. */
final class PlatformMappings {

    private PlatformMappings() {
    }

    static List<ColumnMapping> all() {
        return List.of();
    }
}
