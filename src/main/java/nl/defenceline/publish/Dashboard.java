package nl.defenceline.publish;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.defenceline.Warning;
import nl.defenceline.schema.ReportColumns;

/**
 * The run's index.html: each report declared for it as a chart, table, quotes or product cards, in declaration order,
 * with its line-of-defence action in plain words. Also renders one report's section for the owners' pages.
 */
public final class Dashboard {

    public static final String FILE = "index.html";
    /** Rows a table shows on the dashboard; the CSV has them all. */
    private static final int TABLE_ROWS = 15;

    private Dashboard() {
    }

    public static void write(OutputFolder folder, List<ReportTable> reports, PageContext context) {
        Messages messages = context.messages();
        List<HtmlPage.Section> sections = new ArrayList<>(warnings(context.warnings(), messages));
        Map<ProductCards.Part, ReportTable> parts = cardParts(reports);
        for (ReportTable report : reports) {
            if (report.output().dashboard()) {
                sections.add(section(report, parts, TABLE_ROWS, messages));
            }
        }
        HtmlPage.write(folder, FILE, messages.locale(), messages.get("dashboard.title"), context.subtitle(messages),
                sections);
    }

    /** The warnings as the page's first section, or nothing when there are none. */
    static List<HtmlPage.Section> warnings(List<Warning> warnings, Messages messages) {
        return warnings.isEmpty() ? List.of() : List.of(new HtmlPage.Section(messages.get("section.warnings.heading"),
                null, null, null, List.of(), String.join(" ", warnings.stream().map(messages::say).toList())));
    }

    /** The reports that fill a part of the product cards, by part. */
    static Map<ProductCards.Part, ReportTable> cardParts(List<ReportTable> reports) {
        Map<ProductCards.Part, ReportTable> parts = new EnumMap<>(ProductCards.Part.class);
        reports.stream().filter(r -> r.output().card() != null).forEach(r -> parts.put(r.output().card(), r));
        return parts;
    }

    /**
     * A report's section of a page, its tables (or cards) cut to {@code maxRows}.
     *
     * @param parts the tables of the product cards' parts, for a section of cards
     */
    static HtmlPage.Section section(ReportTable report, Map<ProductCards.Part, ReportTable> parts, int maxRows,
                                    Messages messages) {
        PageSection page = report.output().page();
        String heading = messages.get("section." + page.key() + ".heading");
        String action = messages.find("section." + page.key() + ".action");
        if (!report.available()) {
            return new HtmlPage.Section(heading, null, null, null, List.of(),
                    messages.get("missing." + report.missing()));
        }
        Table shown = page.shown(report.table());
        return switch (page.view()) {
            case TABLE -> new HtmlPage.Section(heading, action, null, head(shown, maxRows), List.of());
            case PARETO -> new HtmlPage.Section(heading, withTop(action, report.table(), messages),
                    pareto(report.table()), head(shown, maxRows), List.of());
            case HEATMAP -> new HtmlPage.Section(heading, action, heatmap(report.table(), messages), null, List.of());
            case QUOTES -> new HtmlPage.Section(heading, action, null, null, quotes(shown));
            case CARDS -> ProductCards.section(new ReportTable(report.output(), shown, null), parts, maxRows,
                    messages);
        };
    }

    /** The action followed by the top category and its action, e.g. "Top: DELIVERY. Make the delivery time ...". */
    private static String withTop(String action, Table sources, Messages messages) {
        if (sources.rows().isEmpty()) {
            return action;
        }
        List<Object> top = sources.rows().get(0);
        return action + " " + messages.get("section.complaint-sources.top",
                top.get(sources.columnIndex(ReportColumns.CATEGORY.column())),
                top.get(sources.columnIndex(ReportColumns.ACTION.column())));
    }

    private static String pareto(Table sources) {
        List<Long> tickets = longs(sources, ReportColumns.TICKETS);
        long total = tickets.stream().mapToLong(Long::longValue).sum();
        return Svg.pareto(strings(sources, ReportColumns.CATEGORY), tickets,
                doubles(sources, ReportColumns.CUMULATIVE_SHARE),
                // The chart draws counts; the interval whiskers are shares of all tickets.
                doubles(sources, ReportColumns.SHARE_LOW).stream().map(share -> share * total).toList(),
                doubles(sources, ReportColumns.SHARE_HIGH).stream().map(share -> share * total).toList());
    }

    private static String heatmap(Table hours, Messages messages) {
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
                weekdays.add(HtmlPage.inLanguage(ReportColumns.WEEKDAY.column(), (String) row.get(name), messages));
            }
        }
        return Svg.heatmap(counts, weekdays);
    }

    private static List<String> quotes(Table quotes) {
        int category = quotes.columnIndex(ReportColumns.CATEGORY.column());
        int quote = quotes.columnIndex(ReportColumns.QUOTE.column());
        return quotes.rows().stream().map(row -> row.get(category) + ": " + row.get(quote)).toList();
    }

    private static List<String> strings(Table table, ReportColumns column) {
        int index = table.columnIndex(column.column());
        return table.rows().stream().map(row -> String.valueOf(row.get(index))).toList();
    }

    private static List<Long> longs(Table table, ReportColumns column) {
        int index = table.columnIndex(column.column());
        return table.rows().stream().map(row -> ((Number) row.get(index)).longValue()).toList();
    }

    private static List<Double> doubles(Table table, ReportColumns column) {
        int index = table.columnIndex(column.column());
        return table.rows().stream().map(row -> ((Number) row.get(index)).doubleValue()).toList();
    }

    private static Table head(Table table, int maxRows) {
        return table.rows().size() <= maxRows ? table
                : new Table(table.header(), table.rows().subList(0, maxRows));
    }
}
