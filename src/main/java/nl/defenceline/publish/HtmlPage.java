package nl.defenceline.publish;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import nl.defenceline.schema.ReportColumns;

/**
 * A self-contained HTML report: inline style and SVG, no scripts, fonts or external files, so it opens offline from
 * a file share or as a mail attachment and prints cleanly. The markup and CSS are in the template page.mustache, the
 * fixed copy in {@link Messages}; all text is escaped.
 */
public final class HtmlPage {

    /**
     * One section of a report.
     *
     * @param action the line-of-defence action in plain words, or null
     * @param svg    a chart made by {@link Svg}, or null
     * @param table  a table to show, or null
     * @param quotes redacted customer quotes, possibly empty
     * @param note   a one-line notice about the section ("no returns in this export"), or null
     * @param cards  one card per product (see {@link ProductCards}), possibly empty
     */
    public record Section(String heading, String action, String svg, Table table, List<String> quotes, String note,
                          List<Card> cards) {

        public Section {
            quotes = quotes == null ? List.of() : quotes;
            cards = cards == null ? List.of() : List.copyOf(cards);
        }

        /** A section without cards. */
        public Section(String heading, String action, String svg, Table table, List<String> quotes, String note) {
            this(heading, action, svg, table, quotes, note, List.of());
        }

        /** A section without a note or cards. */
        public Section(String heading, String action, String svg, Table table, List<String> quotes) {
            this(heading, action, svg, table, quotes, null, List.of());
        }
    }

    /**
     * One product's card.
     *
     * @param link     the link to the product's page, or null
     * @param facts    one-line facts under the heading (counts, rate, trend)
     * @param groups   its findings, grouped under a heading each
     * @param quotes   redacted customer quotes
     * @param evidence where the ids behind the findings are, or null
     */
    public record Card(String heading, Link link, List<String> facts, List<Group> groups, List<String> quotes,
                       String evidence) {

        public Card {
            facts = List.copyOf(facts);
            groups = List.copyOf(groups);
            quotes = List.copyOf(quotes);
        }
    }

    /** A link; {@code url} must be one a page may link to (see {@link ProductCards#pageLink}). */
    public record Link(String url, String text) {
    }

    /** Findings of one kind on a card, e.g. the recurring return reasons. */
    public record Group(String heading, List<Finding> findings) {

        public Group {
            findings = List.copyOf(findings);
        }
    }

    /**
     * One finding: what it is and how often, the fix it points to (or null), and the ids behind it written out (or
     * null).
     */
    public record Finding(String text, String fix, String ids) {
    }

    private static final String TEMPLATE = "page.mustache";

    /** Compiled once; a compiled Mustache is safe to render from several threads. */
    private static final Mustache PAGE = compile();

    private HtmlPage() {
    }

    /** Writes an English page. */
    public static void write(OutputFolder folder, String name, String title, String subtitle, List<Section> sections) {
        write(folder, name, Locale.ENGLISH, title, subtitle, sections);
    }

    /** Writes a page whose lang attribute and fixed copy are in {@code locale}'s language (see {@link Messages}). */
    public static void write(OutputFolder folder, String name, Locale locale, String title, String subtitle,
            List<Section> sections) {
        byte[] html = render(locale, title, subtitle, sections).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = folder.create(name)) {
            out.write(html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " in " + folder + ": " + e.getMessage(), e);
        }
    }

    static String render(Locale locale, String title, String subtitle, List<Section> sections) {
        Messages messages = Messages.of(locale);
        String emptyTable = messages.get("page.empty-table");
        List<SectionView> views = sections.stream().map(section -> new SectionView(section.heading(),
                section.action(), section.note(), section.svg(),
                section.table() == null ? null : TableView.of(section.table(), emptyTable, messages), section.quotes(),
                section.cards())).toList();
        StringWriter html = new StringWriter();
        PAGE.execute(html, new PageView(messages.get("page.lang"), title, subtitle, views));
        return html.toString();
    }

    // What the template sees: only text, lists and flags, so all formatting is here and the template only lays out.

    private record PageView(String lang, String title, String subtitle, List<SectionView> sections) {
    }

    private record SectionView(String heading, String action, String note, String svg, TableView table,
            List<String> quotes, List<Card> cards) {
    }

    /**
     * A cell's text as the page's language names it: return reasons and categories as on the cards, weekdays by the
     * locale. The CSVs keep the codes and English labels, so scripts keep working.
     */
    static String inLanguage(String column, String value, Messages messages) {
        if (REASON_COLUMNS.contains(column)) {
            return ProductCards.reasonName(value, messages);
        }
        if (column.equals(ReportColumns.CATEGORY.column())) {
            return ProductCards.categoryName(value, messages);
        }
        if (column.equals(ReportColumns.WEEKDAY.column())) {
            try {
                return java.time.DayOfWeek.valueOf(value.toUpperCase(Locale.ROOT))
                        .getDisplayName(java.time.format.TextStyle.FULL, messages.locale());
            } catch (IllegalArgumentException notAWeekday) {
                return value;
            }
        }
        return value;
    }

    /** Columns whose values are return-reason labels. */
    private static final java.util.Set<String> REASON_COLUMNS = java.util.Set.of(ReportColumns.REASON.column(),
            ReportColumns.COMMENT_SAYS.column());

    /** {@code empty} is the text shown instead of a table without rows, null when there are rows. */
    private record TableView(List<String> header, List<RowView> rows, String empty) {

        /** Column names as the page's language has them ({@code column.<name>}), else the CSV's own, unspaced. */
        static TableView of(Table table, String emptyText, Messages messages) {
            if (table.rows().isEmpty()) {
                return new TableView(List.of(), List.of(), emptyText);
            }
            List<String> header = table.header().stream().map(column -> {
                String label = messages.find("column." + column);
                return label != null ? label : column.replace('_', ' ');
            }).toList();
            List<RowView> rows = table.rows().stream().map(row -> {
                List<Cell> cells = new java.util.ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    Object value = row.get(i);
                    cells.add(value instanceof String text
                            ? new Cell(inLanguage(table.header().get(i), text, messages), false) : Cell.of(value));
                }
                return new RowView(cells);
            }).toList();
            return new TableView(header, rows, null);
        }
    }

    private record RowView(List<Cell> cells) {
    }

    /** Numbers are right-aligned; doubles show three decimals, as in the CSV files' rounding (HALF_UP). */
    private record Cell(String text, boolean number) {

        static Cell of(Object value) {
            if (value instanceof Double || value instanceof Float) {
                double number = ((Number) value).doubleValue();
                // BigDecimal has no NaN or infinity; one such share must not cost the whole page.
                return new Cell(Double.isFinite(number)
                        ? BigDecimal.valueOf(number).setScale(3, RoundingMode.HALF_UP).toPlainString()
                        : Double.toString(number), true);
            }
            return new Cell(value == null ? "" : value.toString(), value instanceof Number);
        }
    }

    private static Mustache compile() {
        // Escaping goes through Html.escape, the same as the SVG charts' text, so a page has one escaping rule.
        DefaultMustacheFactory factory = new DefaultMustacheFactory() {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(Html.escape(value));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        InputStream in = HtmlPage.class.getResourceAsStream(TEMPLATE);
        if (in == null) {
            throw new IllegalStateException("no " + TEMPLATE + " beside " + HtmlPage.class.getName()
                    + " on the class path");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return factory.compile(reader, TEMPLATE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEMPLATE + ": " + e.getMessage(), e);
        }
    }
}
