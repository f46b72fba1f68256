package nl.defenceline.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Atomic report output: a run writes into a staging folder beside the target and only a finished run moves it into
 * place, so a run killed midway leaves the previous reports untouched and nothing half-written that looks complete.
 */
public final class ReportFolder {

    private final Path target;
    private final Path staging;

    private ReportFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Creates an empty staging folder next to the target, named so nobody mistakes it for reports. */
    public static ReportFolder stage(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.getParent());
            Path staging = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".incomplete-");
            return new ReportFolder(absolute, staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder next to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Where the run writes its files. */
    public Path staging() {
        return staging;
    }

    /** Replaces the target with the staged reports: the old folder is moved aside first and deleted after. */
    public void commit() {
        moveInPlaceOf(target);
    }

    /** Keeps what a failed run wrote (its rejects) at {@code <target>.failed}, leaving the target untouched. */
    public Path keepAsFailed() {
        Path failed = target.resolveSibling(target.getFileName() + ".failed");
        moveInPlaceOf(failed);
        return failed;
    }

    /** Deletes the staging folder. */
    public void discard() {
        delete(staging);
    }

    private void moveInPlaceOf(Path destination) {
        try {
            Path old = null;
            if (Files.exists(destination)) {
                old = Files.createTempDirectory(destination.getParent(), "." + destination.getFileName() + ".old-");
                Files.delete(old);
                Files.move(destination, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, destination, StandardCopyOption.ATOMIC_MOVE);
            if (old != null) {
                delete(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the reports into " + destination + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder + ": " + e.getMessage(), e);
        }
    }
}
