package nl.defenceline.job;

import java.util.List;
import java.util.Map;

/**
 * What run-summary.json says about a run, written by Jackson with snake_case keys in this order.
 *
 * @param window          first and last timestamp over all inputs, in the shop's zone
 * @param inputs          per input file name: rows read, used and rejected
 * @param ignoredFiles    files in the export folder that fit no source, with why
 * @param tooManyRejects  inputs whose share of rejected rows is above --max-reject-share, with that share
 * @param classified      per source, rows per counted category ("no_text" for rows without text)
 * @param languages       per source, rows per detected language
 * @param reports         the files written, relative to the report folder
 * @param notAvailable    reports the export lacks the input for, with the note their file holds
 * @param warnings        what the user should know about how the run was done, e.g. a model scored the slow way
 */
public record RunSummary(Run run, String modelVersion, Window window, Map<String, Input> inputs,
                         Map<String, String> ignoredFiles, Map<String, Double> tooManyRejects,
                         Map<String, Map<String, Long>> classified, double minConfidence, String calibration,
                         String shareEstimate, Map<String, Map<String, Long>> languages, List<String> reports,
                         Map<String, String> notAvailable, List<String> warnings, double durationSeconds) {

    /** What the publishing steps produced, for the summary. */
    record Outputs(List<String> written, Map<String, String> notAvailable, List<String> warnings) {
    }

    /**
     * The settings of the run.
     *
     * @param mapping   the forced column mapping, or "detected per file"
     * @param startedAt ISO-8601 with the shop's offset
     */
    public record Run(String input, String output, String timezone, int minRecurrence, String mapping,
                      double maxRejectShare, String startedAt) {
    }

    /** First and last timestamp, ISO-8601 with the shop's offset; null when there is none. */
    public record Window(String first, String last) {
    }

    /**
     * The accounting of one input: {@code rowsRead == rowsUsed + rowsRejected}.
     *
     * @param rejectsFile the file with the rejected rows, or null when there are none
     * @param files       the files read, each with the mapping used
     */
    public record Input(long rowsRead, long rowsUsed, long rowsRejected, String rejectsFile, List<String> files) {
    }
}
