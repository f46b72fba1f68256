package nl.defenceline.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Writes run-summary.json from a typed record, pretty-printed, with snake_case keys in the record's order. */
public final class RunSummaryWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private RunSummaryWriter() {
    }

    public static void write(OutputFolder folder, String name, Object summary) {
        try (OutputStream out = folder.create(name)) {
            JSON.writeValue(out, summary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " in " + folder + ": " + e.getMessage(), e);
        }
    }
}
