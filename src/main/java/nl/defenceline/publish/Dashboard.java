package nl.defenceline.publish;

import java.util.ArrayList;
import java.util.List;
import nl.defenceline.schema.ReportColumns;

/** The run's index.html: each report as a chart or table with its line-of-defence action in plain words. */
public final class Dashboard {

    public static final String FILE = "index.html";
    private static final int TABLE_ROWS = 15;

    private Dashboard() {
    }

    public static void write(OutputFolder outputDir, ReportTables tables) {
        List<HtmlPage.Section> sections = new ArrayList<>();
        Table sources = tables.complaintSources();
        List<Long> tickets = longs(column(sources, ReportColumns.TICKETS));
        long total = tickets.stream().mapToLong(Long::longValue).sum();
        sections.add(new HtmlPage.Section("Where complaints come from",
                "Fix the causes from left to right: the first bars are most of the mail. Shares are estimated over"
                        + " all tickets, the uncertain ones included, with a 95 % range; 'confident' counts the tickets"
                        + " the model was sure of. " + topAction(sources),
                Svg.pareto(column(sources, ReportColumns.CATEGORY), tickets,
                        doubles(column(sources, ReportColumns.CUMULATIVE_SHARE)),
                        scaled(doubles(column(sources, ReportColumns.SHARE_LOW)), total),
                        scaled(doubles(column(sources, ReportColumns.SHARE_HIGH)), total)),
                select(sources, ReportColumns.CATEGORY, ReportColumns.TICKETS, ReportColumns.SHARE,
                        ReportColumns.SHARE_LOW, ReportColumns.SHARE_HIGH, ReportColumns.CONFIDENT,
                        ReportColumns.ACTION, ReportColumns.TOP_PRODUCTS), List.of()));
        sections.add(new HtmlPage.Section("What customers write", null, null, null, quotes(tables.quotes())));
        sections.add(new HtmlPage.Section("When customers write",
                "Answer the top questions on the product pages and staff the darkest hours (shop time).",
                heatmap(tables.busiestHours()), null, List.of()));
        sections.add(new HtmlPage.Section("Products that come back for the same reason",
                "Each recurring reason points at a fix on that product's page: colour or look means the photo, too "
                        + "small or large the size chart, not as described the specifications; damage is packaging.",
                null, head(filter(tables.recurringReasons(), ReportColumns.RECURRING, true)), List.of()));
        sections.add(new HtmlPage.Section("Stock-out hot spots",
                "Show availability and expected restock dates on these pages; each question is a sale that waits.",
                null, head(tables.stockoutHotspots()), List.of()));
        sections.add(new HtmlPage.Section("Trends: this window against the one before",
                "A spike is a category or product whose tickets at least doubled: look at what changed.", null,
                head(tables.trends()), List.of()));
        sections.add(new HtmlPage.Section("Service: first response (calendar hours)", null, null,
                filter(tables.firstResponse(), ReportColumns.HOUR, null), List.of()));
        sections.add(new HtmlPage.Section("E-mail answered within 24 hours", null, null, tables.emailWithin24h(),
                List.of()));
        HtmlPage.write(outputDir, FILE, "Defence Line: what to fix on the product pages", tables.subtitle(),
                sections);
    }

    private static String topAction(Table sources) {
        if (sources.rows().isEmpty()) {
            return "";
        }
        List<Object> top = sources.rows().get(0);
        return "Top: " + top.get(sources.columnIndex(ReportColumns.CATEGORY.column())) + ". "
                + top.get(sources.columnIndex(ReportColumns.ACTION.column()));
    }

    private static String heatmap(Table hours) {
        long[][] counts = new long[7][24];
        List<String> weekdays = new ArrayList<>();
        int day = hours.columnIndex(ReportColumns.WEEKDAY_NUMBER.column());
        int name = hours.columnIndex(ReportColumns.WEEKDAY.column());
        int hour = hours.columnIndex(ReportColumns.HOUR.column());
        int tickets = hours.columnIndex(ReportColumns.TICKETS.column());
        for (List<Object> row : hours.rows()) {
            int d = ((Number) row.get(day)).intValue() - 1;
            counts[d][((Number) row.get(hour)).intValue()] = ((Number) row.get(tickets)).longValue();
            if (weekdays.size() == d) {
                weekdays.add((String) row.get(name));
            }
        }
        return Svg.heatmap(counts, weekdays);
    }

    private static List<String> quotes(Table quotes) {
        List<String> lines = new ArrayList<>();
        for (List<Object> row : quotes.rows()) {
            lines.add(row.get(0) + ": " + row.get(1));
        }
        return lines;
    }

    static List<String> column(Table table, ReportColumns column) {
        int index = table.columnIndex(column.column());
        return table.rows().stream().map(r -> String.valueOf(r.get(index))).toList();
    }

    private static List<Long> longs(List<String> values) {
        return values.stream().map(Long::parseLong).toList();
    }

    /** Shares as ticket counts, for the chart's interval whiskers. */
    private static List<Double> scaled(List<Double> shares, long total) {
        return shares.stream().map(share -> share * total).toList();
    }

    private static List<Double> doubles(List<String> values) {
        return values.stream().map(Double::parseDouble).toList();
    }

    static Table select(Table table, ReportColumns... columns) {
        List<String> header = new ArrayList<>();
        int[] indexes = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            header.add(columns[i].column());
            indexes[i] = table.columnIndex(columns[i].column());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            List<Object> selected = new ArrayList<>();
            for (int index : indexes) {
                selected.add(row.get(index));
            }
            rows.add(selected);
        }
        return new Table(header, rows);
    }

    static Table filter(Table table, ReportColumns column, Object value) {
        int index = table.columnIndex(column.column());
        return new Table(table.header(), table.rows().stream()
                .filter(r -> java.util.Objects.equals(r.get(index), value)).toList());
    }

    static Table head(Table table) {
        return new Table(table.header(), table.rows().subList(0, Math.min(TABLE_ROWS, table.rows().size())));
    }
}
