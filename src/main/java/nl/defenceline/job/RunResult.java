package nl.defenceline.job;

import java.util.List;
import java.util.Map;
import nl.defenceline.ingest.Ingested;

/**
 * What a finished run produced.
 *
 * @param output  the report folder: a local path, or the URI for other filesystems
 * @param inputs  per source: rows read, used and rejected
 * @param reports files written, relative to the output folder
 * @param tooManyRejects inputs whose rejected share is above the configured maximum, with that share
 */
public record RunResult(String output, List<Ingested> inputs, List<String> reports, String modelVersion, long millis,
                        Map<String, Double> tooManyRejects) {
}
