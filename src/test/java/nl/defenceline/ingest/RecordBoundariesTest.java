package nl.defenceline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import nl.defenceline.schema.Source;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Cutting a CSV file's bytes into pieces at record starts: every chunk size from one byte up, so that chunk ends fall
 * on every byte, inside quoted fields with line breaks, between a CR and its LF, in empty lines. The pieces, each
 * parsed on its own, must give exactly the rows (values, rejects, line numbers) that the whole file gives.
 */
class RecordBoundariesTest {

    private static final String HEADER = "ticket_id,created_at,channel,subject,body,customer_id,order_id\n";
    private static final ParsedRows PARSED = ParsedRows.of(Source.TICKETS);

    /** Chunks of {@code size} bytes as FilePieces cuts them, each scanned on its own, then the pieces. */
    static Optional<List<RecordBoundaries.Piece>> pieces(byte[] bytes, int bom, long size) throws IOException {
        List<RecordBoundaries.Chunk> chunks = new ArrayList<>();
        for (long start = bom; start < bytes.length; ) {
            long end = Math.min(bytes.length, (start / size + 1) * size);
            InputStream in = new ByteArrayInputStream(bytes, (int) start, bytes.length - (int) start);
            chunks.add(RecordBoundaries.scan(in, start, end, start > 0 && bytes[(int) start - 1] == '\r', ','));
            start = end;
        }
        long headerEnd = RecordBoundaries.headerEnd(bytes, bom, ',');
        return headerEnd < 0 ? Optional.empty() : RecordBoundaries.pieces(chunks, bytes.length, headerEnd);
    }

    private static SourceFileReader reader(int maxFieldSize) {
        return new SourceFileReader(Source.TICKETS, ZoneId.of("Europe/Amsterdam"),
                Map.of("tickets.csv", new SourceFileReader.FileInput(ColumnMapping.canonical(), 0)),
                Instant.parse("2027-01-01T00:00:00Z"), maxFieldSize);
    }

    private static List<Row> whole(byte[] bytes, int maxFieldSize) throws IOException {
        List<Row> rows = new ArrayList<>();
        reader(maxFieldSize).read("tickets.csv", () -> new ByteArrayInputStream(bytes)).forEachRemaining(rows::add);
        return rows;
    }

    private static List<Row> inPieces(byte[] bytes, List<RecordBoundaries.Piece> pieces, int maxFieldSize)
            throws IOException {
        Dialect dialect = Dialect.detect(bytes, true);
        List<Row> rows = new ArrayList<>();
        for (RecordBoundaries.Piece piece : pieces) {
            reader(maxFieldSize).read("tickets.csv", () -> new ByteArrayInputStream(bytes),
                    () -> new ByteArrayInputStream(bytes, (int) piece.start(), (int) (piece.end() - piece.start())),
                    dialect, piece).forEachRemaining(rows::add);
        }
        return rows;
    }

    /** Every chunk size: the pieces are contiguous, and parsed one by one they give the whole file's rows. */
    private static int assertPiecesReadAsWhole(String csv, int maxFieldSize) throws IOException {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        int bom = Dialect.detect(bytes, true).bomLength();
        List<Row> expected = whole(bytes, maxFieldSize);
        int mostPieces = 0;
        for (int size = 1; size <= bytes.length; size++) {
            List<RecordBoundaries.Piece> pieces = pieces(bytes, bom, size).orElseThrow();
            assertEquals(0, pieces.get(0).start());
            assertEquals(bytes.length, pieces.get(pieces.size() - 1).end());
            for (int i = 1; i < pieces.size(); i++) {
                assertEquals(pieces.get(i - 1).end(), pieces.get(i).start());
            }
            assertEquals(expected.toString(), inPieces(bytes, pieces, maxFieldSize).toString(), "chunks of " + size);
            mostPieces = Math.max(mostPieces, pieces.size());
        }
        return mostPieces;
    }

    @Test
    void piecesOfQuotedFieldsWithLineBreaksReadAsTheWholeFile() throws IOException {
        String csv = HEADER
                + "T1,2026-11-02 10:00,email,Levering,\"Hallo,\n\nwaar is \"\"mijn\"\" pakket?\n\nGroet\",C1,NL1\n"
                + "T2,2026-11-02 10:05,chat,,\"een\nregel, \"\"twee\"\"\",C2,\n"
                + "\n"
                + "T3,2026-11-02 10:10,chat,,\"\"\"quoted\"\" at the start\",C3,\n"
                + "T4,gisteren,chat,,bad date,C4,\n"
                + "T5,2026-11-02 10:15,email,\"subject, with comma\",\"body\n\",C5,NL5\n"
                + "T6,2026-11-02 10:20,chat,,\"short\"  ,C6,\n"
                + "T7,2026-11-02 10:25,chat,,a \"bare\" quote,C7,\n"
                + "T8,2026-11-02 10:30,chat,,three fields\n"
                + "T9,2026-11-02 10:35,chat,,last,C9,";
        assertTrue(assertPiecesReadAsWhole(csv, ExportReader.DEFAULT_MAX_FIELD_SIZE) >= 9);
    }

    @Test
    void piecesOfCrLfAndCrFilesWithAByteOrderMarkReadAsTheWholeFile() throws IOException {
        String rows = "T1,2026-11-02 10:00,email,s,\"two\r\nlines\",C1,NL1\r\n"
                + "\r\n"
                + "T2,2026-11-02 10:05,chat,,\"x\ry\",C2,\r\n"
                + "T3,2026-11-02 10:10,chat,,plain,C3,\r\n";
        assertPiecesReadAsWhole("\uFEFF" + HEADER.replace("\n", "\r\n") + rows, ExportReader.DEFAULT_MAX_FIELD_SIZE);
        assertPiecesReadAsWhole(HEADER.replace("\n", "\r") + rows.replace("\r\n", "\r"),
                ExportReader.DEFAULT_MAX_FIELD_SIZE);
    }

    @Test
    void piecesWithARecordLongerThanTheLimitReadAsTheWholeFile() throws IOException {
        String csv = HEADER
                + "T1,2026-11-02 10:00,chat,,short,C1,\n"
                + "T2,2026-11-02 10:05,chat,,\"" + "long text\n".repeat(12) + "\",C2,\n"
                + "T3,2026-11-02 10:10,chat,,short,C3,\n";
        assertPiecesReadAsWhole(csv, 100);
    }

    @Test
    void randomFilesReadInPiecesAsWhole() throws IOException {
        Random random = new Random(19);
        String[] fields = {"plain", "", "\"quoted, with comma\"", "\"multi\nline\"", "\"cr\r\nlf\"", "\"\"\"\"",
            "\"a \"\"b\"\"\nc\"", "with \"bare\" quote", "2026-11-02 10:00", "gisteren"};
        for (int file = 0; file < 30; file++) {
            StringBuilder csv = new StringBuilder(HEADER);
            for (int row = 0; row < 6; row++) {
                csv.append('T').append(row).append(",2026-11-02 10:0").append(row).append(",chat");
                int width = random.nextInt(8) == 0 ? 3 : 5;
                for (int f = 3; f < width; f++) {
                    csv.append(',').append(fields[random.nextInt(fields.length)]);
                }
                csv.append(",C").append(row).append(',').append(random.nextInt(6) == 0 ? "\n\n" : "\n");
            }
            assertPiecesReadAsWhole(csv.toString(), ExportReader.DEFAULT_MAX_FIELD_SIZE);
        }
    }

    @Test
    void aFileWhereTheParserWouldFailIsReadWhole() throws IOException {
        String afterQuote = HEADER + "T1,2026-11-02 10:00,chat,,\"closed\"then text,C1,\n"
                + "T2,2026-11-02 10:05,chat,,fine,C2,\n";
        String openAtEnd = HEADER + "T1,2026-11-02 10:00,chat,,fine,C1,\n" + "T2,2026-11-02 10:05,chat,,\"never closes\n"
                + "T3,2026-11-02 10:10,chat,,fine,C3,\n";
        for (String csv : List.of(afterQuote, openAtEnd)) {
            byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
            for (int size = 1; size <= bytes.length; size++) {
                assertEquals(Optional.empty(), pieces(bytes, 0, size), csv + " in chunks of " + size);
            }
        }
    }

    @Test
    void theHeaderEndsAfterLeadingEmptyLinesAndItsQuotedLineBreaks() {
        byte[] bytes = "\n\r\n\"a\nb\",c\r\nT1,x\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(12, RecordBoundaries.headerEnd(bytes, 0, ','));
        assertEquals(-1, RecordBoundaries.headerEnd("\"a\nb,c\n".getBytes(StandardCharsets.UTF_8), 0, ','));
    }

    @Test
    void aPieceCarriesTheFilesLineNumbers() throws IOException {
        String csv = HEADER + "T1,2026-11-02 10:00,chat,,\"one\ntwo\",C1,\nT2,gisteren,chat,,b,C2,\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        List<RecordBoundaries.Piece> pieces = pieces(bytes, 0, HEADER.length() + 5).orElseThrow();
        assertEquals(2, pieces.size());
        assertEquals(3, pieces.get(1).linesBefore());
        List<Row> rows = inPieces(bytes, pieces.subList(1, 2), ExportReader.DEFAULT_MAX_FIELD_SIZE);
        assertEquals(1, rows.size());
        assertEquals(4, PARSED.line(rows.get(0)));
        assertTrue(PARSED.reason(rows.get(0)).startsWith("invalid created_at"), PARSED.reason(rows.get(0)));
    }
}
