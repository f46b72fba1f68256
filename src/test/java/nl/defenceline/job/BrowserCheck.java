package nl.defenceline.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Opens a page in headless Chromium (Debian's chromium package), as a person would: takes a screenshot and returns the
 * rendered DOM and any console errors. Without Chromium the calling test is skipped, or fails when
 * DEFENCE_LINE_REQUIRE_BROWSER=1 (CI sets it after installing Chromium), so a missing browser is never a silent pass.
 */
final class BrowserCheck {

    record Result(String dom, List<String> consoleErrors) {
    }

    private BrowserCheck() {
    }

    static Result open(Path page, Path screenshot) throws IOException, InterruptedException {
        Path chromium = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser")).stream()
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (chromium == null) {
            if ("1".equals(System.getenv("DEFENCE_LINE_REQUIRE_BROWSER"))) {
                throw new AssertionError("Chromium is required (DEFENCE_LINE_REQUIRE_BROWSER=1) but not installed");
            }
            Assumptions.abort("Chromium not installed: the dashboard was not checked in a browser");
        }
        Files.createDirectories(screenshot.toAbsolutePath().getParent());
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> common = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,2400", "--enable-logging=stderr",
                "--v=0");
        List<String> shot = new ArrayList<>(common);
        shot.add("--screenshot=" + screenshot.toAbsolutePath());
        shot.add(page.toUri().toString());
        run(shot);
        List<String> dump = new ArrayList<>(common);
        dump.add("--dump-dom");
        dump.add(page.toUri().toString());
        String[] outAndErr = run(dump);
        List<String> consoleErrors = outAndErr[1].lines()
                .filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")).toList();
        return new Result(outAndErr[0], consoleErrors);
    }

    private static String[] run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 90 s: " + command);
        }
        return new String[] {Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8)};
    }
}
