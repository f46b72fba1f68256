package nl.defenceline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares produced text with a golden file under src/test/resources/golden/. With {@code -Dgolden.update=true} it
 * rewrites the golden file instead, for a change of output made on purpose (review the diff before committing).
 */
public final class GoldenFiles {

    public static final Path ROOT = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private GoldenFiles() {
    }

    /** Asserts that {@code actual} equals the golden file at {@code relative}, or rewrites it in update mode. */
    public static void assertMatches(String relative, String actual) throws IOException {
        Path golden = ROOT.resolve(relative);
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(golden), "no golden file " + golden + "; create it with -Dgolden.update=true");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
                relative + " differs from its golden file " + golden + " (see src/test/resources/golden/README.md)");
    }
}
