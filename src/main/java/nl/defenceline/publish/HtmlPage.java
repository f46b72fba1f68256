package nl.defenceline.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A self-contained HTML report: inline style and SVG, no scripts, fonts or external files, so it opens offline from
 * a file share or as a mail attachment and prints cleanly. All text is escaped.
 */
public final class HtmlPage {

    /**
     * One section of a report.
     *
     * @param action the line-of-defence action in plain words, or null
     * @param svg    a chart made by {@link Svg}, or null
     * @param table  a table to show, or null
     * @param quotes redacted customer quotes, possibly empty
     */
    public record Section(String heading, String action, String svg, Table table, List<String> quotes) {
    }

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0 auto;max-width:1100px;
            padding:24px;color:#222;line-height:1.4}
            h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.25em;margin:32px 0 6px;border-bottom:2px solid #b02a30}
            .subtitle{color:#555;margin:0 0 16px}.action{background:#fbeeee;border-left:4px solid #b02a30;padding:6px 10px}
            table{border-collapse:collapse;width:100%;font-size:.9em;margin:8px 0}
            th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
            th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}
            .chart{width:100%;height:auto;max-width:900px}.bar{fill:#b02a30}.cumulative{fill:none;stroke:#333;stroke-width:2}.interval{stroke:#333;stroke-width:1.5}
            .axis{stroke:#999}.label,.axis-label{font-size:11px;fill:#333}.value{font-size:11px;text-anchor:middle;fill:#222}
            blockquote{margin:6px 0;padding:4px 10px;border-left:3px solid #ccc;color:#444;font-style:italic}
            .empty{color:#777}
            @media print{body{max-width:none;padding:0}h2{break-after:avoid}table,svg,blockquote{break-inside:avoid}}
            """;

    private HtmlPage() {
    }

    public static void write(OutputFolder folder, String name, String title, String subtitle, List<Section> sections) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.escape(title)).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n<h1>").append(Html.escape(title)).append("</h1>\n<p class=\"subtitle\">")
                .append(Html.escape(subtitle)).append("</p>\n");
        for (Section section : sections) {
            html.append("<section><h2>").append(Html.escape(section.heading())).append("</h2>\n");
            if (section.action() != null) {
                html.append("<p class=\"action\">").append(Html.escape(section.action())).append("</p>\n");
            }
            if (section.svg() != null) {
                html.append(section.svg()).append('\n');
            }
            if (section.table() != null) {
                table(html, section.table());
            }
            for (String quote : section.quotes()) {
                html.append("<blockquote>").append(Html.escape(quote)).append("</blockquote>\n");
            }
            html.append("</section>\n");
        }
        html.append("</body></html>\n");
        try (OutputStream out = folder.create(name)) {
            out.write(html.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void table(StringBuilder html, Table table) {
        if (table.rows().isEmpty()) {
            html.append("<p class=\"empty\">Nothing to show.</p>\n");
            return;
        }
        html.append("<table><thead><tr>");
        for (String column : table.header()) {
            html.append("<th>").append(Html.escape(column.replace('_', ' '))).append("</th>");
        }
        html.append("</tr></thead><tbody>\n");
        for (List<Object> row : table.rows()) {
            html.append("<tr>");
            for (Object value : row) {
                boolean number = value instanceof Number;
                html.append(number ? "<td class=\"num\">" : "<td>").append(Html.escape(format(value))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).setScale(3, RoundingMode.HALF_UP).toPlainString();
        }
        return value == null ? "" : value.toString();
    }
}
