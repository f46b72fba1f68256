package nl.defenceline.publish;

import java.util.List;
import java.util.Locale;

/** Inline SVG charts for the HTML reports: no scripts, no external files, readable when printed. */
public final class Svg {

    private Svg() {
    }

    /**
     * A Pareto chart: bars of counts in the given order with the cumulative share as a line and a right-hand axis.
     *
     * @param labels     bar labels, most frequent first
     * @param counts     bar heights
     * @param cumulative cumulative shares 0..1
     */
    public static String pareto(List<String> labels, List<Long> counts, List<Double> cumulative, List<Double> low,
                                List<Double> high) {
        int width = 760;
        int height = 320;
        int left = 50;
        int right = 50;
        int top = 20;
        int bottom = 90;
        int plotWidth = width - left - right;
        int plotHeight = height - top - bottom;
        double max = Math.max(1, Math.max(counts.stream().mapToLong(Long::longValue).max().orElse(1),
                high.stream().mapToDouble(Double::doubleValue).max().orElse(1)));
        double slot = (double) plotWidth / Math.max(1, labels.size());
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
                + "aria-label=\"Pareto chart of complaint sources\" xmlns=\"http://www.w3.org/2000/svg\">", width, height));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>",
                left, top + plotHeight, left + plotWidth, top + plotHeight));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            double barHeight = plotHeight * counts.get(i) / (double) max;
            double x = left + i * slot + slot * 0.15;
            double y = top + plotHeight - barHeight;
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                    + "<title>%s: %d</title></rect>", x, y, slot * 0.7, barHeight, Html.escape(labels.get(i)), counts.get(i)));
            // The 95 % interval of the estimate, as a whisker over the bar.
            double whiskerTop = top + plotHeight - plotHeight * high.get(i) / max;
            double whiskerBottom = top + plotHeight - plotHeight * low.get(i) / max;
            svg.append(String.format(Locale.ROOT, "<line class=\"interval\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                    + "y2=\"%.1f\"/>", x + slot * 0.35, whiskerTop, x + slot * 0.35, whiskerBottom));
            svg.append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\">%d</text>",
                    x + slot * 0.35, Math.min(y, whiskerTop) - 4, counts.get(i)));
            svg.append(String.format(Locale.ROOT, "<text class=\"label\" transform=\"translate(%.1f,%d) rotate(30)\">%s</text>",
                    x + slot * 0.2, top + plotHeight + 14, Html.escape(labels.get(i))));
            line.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", x + slot * 0.35,
                    top + plotHeight * (1 - cumulative.get(i))));
        }
        svg.append("<polyline class=\"cumulative\" points=\"").append(line).append("\"/>");
        for (int pct = 0; pct <= 100; pct += 50) {
            svg.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"%d\" y=\"%.1f\">%d%%</text>",
                    left + plotWidth + 6, top + plotHeight * (1 - pct / 100.0) + 4, pct));
        }
        return svg.append("</svg>").toString();
    }

    /** A weekday x hour heat map; darker cells have more tickets. {@code counts[weekday 0 = Monday][hour]}. */
    public static String heatmap(long[][] counts, List<String> weekdays) {
        int cell = 26;
        int left = 90;
        int top = 24;
        long max = 1;
        for (long[] day : counts) {
            for (long n : day) {
                max = Math.max(max, n);
            }
        }
        int width = left + 24 * cell + 10;
        int height = top + 7 * cell + 10;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart heatmap\" viewBox=\"0 0 %d %d\" role=\"img\" "
                + "aria-label=\"Tickets per weekday and hour\" xmlns=\"http://www.w3.org/2000/svg\">", width, height));
        for (int hour = 0; hour < 24; hour += 3) {
            svg.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"%d\" y=\"%d\">%02d:00</text>",
                    left + hour * cell, top - 8, hour));
        }
        for (int day = 0; day < 7; day++) {
            svg.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"0\" y=\"%d\">%s</text>",
                    top + day * cell + 17, Html.escape(weekdays.get(day))));
            for (int hour = 0; hour < 24; hour++) {
                long n = counts[day][hour];
                double intensity = n / (double) max;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                                + "fill=\"rgba(176,42,48,%.3f)\" stroke=\"#ddd\"><title>%s %02d:00: %d</title></rect>",
                        left + hour * cell, top + day * cell, cell, cell, 0.06 + 0.94 * intensity,
                        Html.escape(weekdays.get(day)), hour, n));
            }
        }
        return svg.append("</svg>").toString();
    }
}
