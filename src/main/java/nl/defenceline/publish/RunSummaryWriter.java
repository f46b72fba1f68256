package nl.defenceline.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes run-summary.json: a nested map of plain values, pretty-printed, keys in insertion order. */
public final class RunSummaryWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunSummaryWriter() {
    }

    public static void write(OutputFolder folder, String name, Map<String, Object> summary) {
        try (OutputStream out = folder.create(name)) {
            JSON.writeValue(out, summary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " in " + folder + ": " + e.getMessage(), e);
        }
    }
}
