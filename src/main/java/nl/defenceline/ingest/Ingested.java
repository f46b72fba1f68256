package nl.defenceline.ingest;

import java.util.List;
import nl.defenceline.schema.Source;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One source read from an export: the usable typed rows, the rejected ones, and the counts that prove every row is
 * accounted for ({@code read == used + rejected}).
 *
 * @param rows     usable rows with the source's schema
 * @param rejects  rejected rows: file, line, reason, raw record
 * @param files    the files read, each with the mapping used
 */
public record Ingested(Source source, Dataset<Row> rows, Dataset<Row> rejects, long read, long rejected,
                       List<String> files) {

    public long used() {
        return read - rejected;
    }
}
