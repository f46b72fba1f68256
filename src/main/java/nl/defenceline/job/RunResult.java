package nl.defenceline.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.defenceline.ingest.Ingested;

/**
 * What a finished run produced.
 *
 * @param inputs  per source: rows read, used and rejected
 * @param reports files written, relative to the output folder
 * @param tooManyRejects inputs whose rejected share is above the configured maximum, with that share
 */
public record RunResult(Path output, List<Ingested> inputs, List<String> reports, String modelVersion, long millis,
                        Map<String, Double> tooManyRejects) {
}
