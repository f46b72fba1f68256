package nl.defenceline.publish;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the declared reports into a report folder: every free-text column redacted on the way out, whoever calls.
 * Small reports arrive as collected tables; large ones (rejects, texts for review) as a stream of rows, which an
 * executor task writes itself. Serializable for that reason.
 */
public final class Publisher implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final OutputFolder folder;
    private final Pattern orderNumbers;
    private final java.util.Locale language;
    private final char csvDelimiter;

    /** An English publisher writing comma-separated CSVs, for tools and tests. */
    public Publisher(OutputFolder folder, Pattern orderNumbers) {
        this(folder, orderNumbers, java.util.Locale.ENGLISH, ',');
    }

    /**
     * @param orderNumbers the shop's order-number pattern, redacted from free text as well; null for none
     * @param language     the language of the human-readable columns (actions, fixes, notes) and of the pages
     * @param csvDelimiter ',' or ';' (Dutch Excel's dialect: decimals then get a decimal comma, see
     *                     {@link CsvTableWriter})
     * @throws IllegalArgumentException on another delimiter, listing the valid ones
     */
    public Publisher(OutputFolder folder, Pattern orderNumbers, java.util.Locale language, char csvDelimiter) {
        this.folder = folder;
        this.orderNumbers = orderNumbers;
        this.language = language;
        this.csvDelimiter = CsvTableWriter.checkDelimiter(csvDelimiter);
    }

    /** Redacts a collected report and writes its file, if it has one; returns it as the pages show it. */
    public ReportTable publish(Output output, Table table) {
        Table translated = output.translated(table, Messages.of(language));
        return write(new ReportTable(output, output.redacted(translated, orderNumbers), null));
    }

    /**
     * Writes a report the export lacks the input for: its file holds one note row saying so, its sections say it in
     * a sentence.
     *
     * @param source the missing input's file stem: the file's note names it, the pages' sentence is the message
     *               {@code missing.<stem>}
     */
    public ReportTable publishUnavailable(Output output, String source) {
        String note = Messages.of(language).get("note.missing", source + ".csv");
        return write(new ReportTable(output, Table.note(note), source));
    }

    private ReportTable write(ReportTable report) {
        if (report.output().file() != null) {
            CsvTableWriter.write(folder, report.output().file(), report.table(), csvDelimiter);
        }
        return report;
    }

    /** Writes a large report from a stream of rows in header order, redacting its free-text columns per row. */
    public void publish(Output output, List<String> header, Iterator<List<Object>> rows) {
        int[] freeText = output.freeTextIndexes(header);
        CsvTableWriter.write(folder, output.file(), header, new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public List<Object> next() {
                List<Object> row = rows.next();
                return freeText.length == 0 ? row : Output.redacted(row, freeText, orderNumbers);
            }
        }, csvDelimiter);
    }

    /**
     * Writes index.html and the owners' folders (their pages, CSVs and products.xlsx) from the collected reports.
     *
     * @param ownerBySku the owner of each product page; products without one go to owners/unassigned/
     * @return the files written, relative to the report folder
     */
    public List<String> publishPages(List<ReportTable> reports, Map<String, String> ownerBySku, PageContext context) {
        List<String> written = new ArrayList<>();
        Dashboard.write(folder, reports, context);
        written.add(Dashboard.FILE);
        written.addAll(OwnerReports.write(folder, reports, ownerBySku, context, csvDelimiter));
        return written;
    }

    /** Writes a small JSON document, e.g. the run summary (a record), with Jackson. */
    public void publishJson(String file, Object document) {
        RunSummaryWriter.write(folder, file, document);
    }
}
