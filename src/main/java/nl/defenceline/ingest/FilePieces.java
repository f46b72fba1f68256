package nl.defenceline.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.defenceline.schema.Source;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The tasks a source's files are read in: a small file, a compressed one, a JSON one or one that cannot be cut safely
 * is read whole by one task; a large uncompressed CSV file is cut into pieces at record starts (see
 * {@link RecordBoundaries}) so that all cores parse it. Finding the record starts is one Spark job that scans the
 * large files' bytes in parallel, much faster than parsing them.
 */
final class FilePieces {

    /**
     * One task's input: a whole file, or a piece of one with the file's dialect.
     *
     * @param piece null for a whole file (whose dialect is detected as it is read)
     */
    record Task(String name, String path, boolean json, String charset, int bomLength, char delimiter,
                RecordBoundaries.Piece piece) implements Serializable {
        private static final long serialVersionUID = 1L;

        Dialect dialect() {
            return new Dialect(Charset.forName(charset), bomLength, delimiter);
        }
    }

    /** One chunk of a large file to scan for record starts. */
    private record ChunkTask(String path, long start, long end, char delimiter) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A large CSV file that may be cut: its dialect and where its header ends. */
    private record Candidate(ExportFolder.ExportFile file, long length, Dialect dialect, long headerEnd) {
    }

    private FilePieces() {
    }

    /**
     * The tasks that read the files.
     *
     * @param splitBytes a CSV file larger than this is cut into pieces of about this size
     */
    static List<Task> plan(JavaSparkContext spark, Broadcast<SerializableWritable<Configuration>> conf,
                           List<ExportFolder.ExportFile> files, Source source, long splitBytes) throws IOException {
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (ExportFolder.ExportFile file : files) {
            candidate(conf.value().value(), file, source, splitBytes).ifPresent(c -> candidates.put(file.path(), c));
        }
        Map<String, List<RecordBoundaries.Chunk>> scans = scan(spark, conf, candidates.values(), splitBytes);
        List<Task> tasks = new ArrayList<>();
        for (ExportFolder.ExportFile file : files) {
            boolean json = file.format() == ExportFolder.Format.ZENDESK_JSON;
            Candidate candidate = candidates.get(file.path());
            Optional<List<RecordBoundaries.Piece>> pieces = candidate == null ? Optional.empty()
                    : RecordBoundaries.pieces(scans.get(file.path()), candidate.length(), candidate.headerEnd());
            if (pieces.isEmpty() || pieces.get().size() < 2) {
                tasks.add(new Task(file.name(), file.path(), json, StandardCharsets.UTF_8.name(), 0, ',', null));
                continue;
            }
            Dialect dialect = candidate.dialect();
            for (RecordBoundaries.Piece piece : pieces.get()) {
                tasks.add(new Task(file.name(), file.path(), false, dialect.charset().name(), dialect.bomLength(),
                        dialect.delimiter(), piece));
            }
        }
        return tasks;
    }

    /** A CSV file worth cutting and safe to scan by its bytes, with its dialect and header end; else empty. */
    private static Optional<Candidate> candidate(Configuration conf, ExportFolder.ExportFile file, Source source,
                                                 long splitBytes) throws IOException {
        if (file.format() != ExportFolder.Format.CSV || file.mapping().fillDown(source).isPresent()) {
            // Filling down carries values from one row to the next: the rows of a file must be read in one run.
            return Optional.empty();
        }
        Path path = new Path(file.path());
        long length = path.getFileSystem(conf).getFileStatus(path).getLen();
        if (length <= splitBytes) {
            return Optional.empty();
        }
        byte[] sample;
        try (InputStream in = open(conf, file.path(), 0, length)) {
            sample = in.readNBytes(Dialect.SAMPLE);
        }
        if (sample.length >= 2 && (sample[0] & 0xFF) == 0x1F && (sample[1] & 0xFF) == 0x8B) {
            return Optional.empty();
        }
        Dialect dialect = Dialect.detect(sample, sample.length < Dialect.SAMPLE);
        if (!dialect.charset().equals(StandardCharsets.UTF_8) && !dialect.charset().equals(Dialect.WINDOWS_1252)) {
            return Optional.empty();
        }
        long headerEnd = RecordBoundaries.headerEnd(sample, dialect.bomLength(), dialect.delimiter());
        return headerEnd < 0 ? Optional.empty() : Optional.of(new Candidate(file, length, dialect, headerEnd));
    }

    /** Scans every chunk of the candidates in one job; the chunks per file path, in file order. */
    private static Map<String, List<RecordBoundaries.Chunk>> scan(JavaSparkContext spark,
                                                                  Broadcast<SerializableWritable<Configuration>> conf,
                                                                  Iterable<Candidate> candidates, long splitBytes) {
        List<ChunkTask> chunks = new ArrayList<>();
        for (Candidate candidate : candidates) {
            long start = candidate.dialect().bomLength();
            while (start < candidate.length()) {
                long end = Math.min(candidate.length(), (start / splitBytes + 1) * splitBytes);
                chunks.add(new ChunkTask(candidate.file().path(), start, end, candidate.dialect().delimiter()));
                start = end;
            }
        }
        Map<String, List<RecordBoundaries.Chunk>> scans = new LinkedHashMap<>();
        if (chunks.isEmpty()) {
            return scans;
        }
        List<RecordBoundaries.Chunk> scanned = spark.parallelize(chunks, chunks.size()).map(chunk -> {
            try (FSDataInputStream in = openAt(conf.value().value(), chunk.path(), Math.max(0, chunk.start() - 1))) {
                boolean afterCr = chunk.start() > 0 && in.read() == '\r';
                return RecordBoundaries.scan(in, chunk.start(), chunk.end(), afterCr, chunk.delimiter());
            }
        }).collect();
        for (int i = 0; i < chunks.size(); i++) {
            scans.computeIfAbsent(chunks.get(i).path(), p -> new ArrayList<>()).add(scanned.get(i));
        }
        return scans;
    }

    /** The bytes of a file from {@code start} to {@code end}. */
    static InputStream open(Configuration conf, String path, long start, long end) throws IOException {
        return new Range(openAt(conf, path, start), end - start);
    }

    private static FSDataInputStream openAt(Configuration conf, String file, long start) throws IOException {
        Path path = new Path(file);
        FSDataInputStream in = path.getFileSystem(conf).open(path);
        if (start > 0) {
            in.seek(start);
        }
        return in;
    }

    /** At most {@code left} bytes of a stream. */
    private static final class Range extends FilterInputStream {
        private long left;

        Range(InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return length == 0 ? 0 : -1;
            }
            int count = super.read(buffer, offset, (int) Math.min(length, left));
            if (count > 0) {
                left -= count;
            }
            return count;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, left));
            left -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), left);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
