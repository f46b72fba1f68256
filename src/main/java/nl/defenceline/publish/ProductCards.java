package nl.defenceline.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import nl.defenceline.schema.ReportColumns;

/**
 * One card per product, in the order of the product priorities report: what its customers complain about, why they
 * return it, what they keep saying in their own words, how often they ask after it when it is sold out, its trend, a
 * few of their words, the link to its page, and where the ids behind each finding are. Built from collected tables:
 * the priorities (one row per card) and the reports that declare a {@link Part} of the cards.
 */
public final class ProductCards {

    /** The file beside each page with the ids behind the cards' findings. */
    public static final String EVIDENCE = "evidence.csv";

    /** A part of every card, filled by one declared report's rows of the card's sku. */
    public enum Part {
        /** Complaint categories of its tickets: sku, category, tickets; largest first. */
        CATEGORIES,
        /** Return reasons: sku, reason, fix (in the page's language), returns, share_of_sku_returns, recurring. */
        RETURN_REASONS,
        /** Recurring themes in free text: sku, theme, comments, ids (redacted). */
        THEMES,
        /** Customers' words: sku, quote (redacted). */
        QUOTES
    }

    private ProductCards() {
    }

    /**
     * The cards section of a page: a card for each of the first {@code maxCards} products, and a note naming the
     * priorities file when there are more.
     *
     * @param products the rows of the product priorities report, one per card, in order
     * @param parts    the tables filling the cards' parts; a part without its table (or unavailable) stays empty
     */
    static HtmlPage.Section section(ReportTable products, Map<Part, ReportTable> parts, int maxCards,
                                    Messages messages) {
        PageSection page = products.output().page();
        String heading = messages.get("section." + page.key() + ".heading");
        String action = messages.find("section." + page.key() + ".action");
        Table table = products.table();
        Map<Part, Map<String, List<Row>>> bySku = new LinkedHashMap<>();
        parts.forEach((part, report) -> bySku.put(part, report.available() ? bySku(report.table())
                : Map.of()));
        // Without any orders in the export, say so once rather than on every card.
        int orders = table.columnIndex(ReportColumns.ORDERS.column());
        boolean anyOrders = table.rows().stream().anyMatch(row -> row.get(orders) != null);
        List<HtmlPage.Card> cards = new ArrayList<>();
        for (int i = 0; i < Math.min(maxCards, table.rows().size()); i++) {
            Row product = new Row(table, table.rows().get(i));
            String sku = product.text(ReportColumns.SKU);
            // Numbered on the page itself: an owner's first product is her 1, whatever its rank in the shop.
            cards.add(card(i + 1, product, part(bySku, Part.CATEGORIES, sku), part(bySku, Part.RETURN_REASONS, sku),
                    part(bySku, Part.THEMES, sku), part(bySku, Part.QUOTES, sku), anyOrders, messages));
        }
        List<String> notes = new ArrayList<>();
        if (table.rows().isEmpty()) {
            notes.add(messages.get("card.none"));
        } else if (!anyOrders) {
            notes.add(messages.get("card.no-orders-in-export"));
        }
        if (table.rows().size() > maxCards) {
            notes.add(messages.get("card.more", table.rows().size() - maxCards, products.output().file()));
        }
        String note = notes.isEmpty() ? null : String.join(" ", notes);
        return new HtmlPage.Section(heading, action, null, null, List.of(), note, cards);
    }

    private static HtmlPage.Card card(int position, Row product, List<Row> categories, List<Row> reasons,
                                      List<Row> themes, List<Row> quotes, boolean anyOrders,
                                      Messages messages) {
        String name = product.text(ReportColumns.PRODUCT);
        String heading = name == null
                ? messages.get("card.heading.sku", position, product.text(ReportColumns.SKU))
                : messages.get("card.heading", position, product.text(ReportColumns.SKU), name);
        String url = pageLink(product.text(ReportColumns.PAGE_URL));
        HtmlPage.Link link = url == null ? null : new HtmlPage.Link(url, messages.get("card.page-link"));
        List<String> facts = new ArrayList<>();
        facts.add(messages.get("card.contacts", product.number(ReportColumns.TICKETS),
                product.number(ReportColumns.STOCK_QUESTIONS), product.number(ReportColumns.RETURNS)));
        Number rate = product.number(ReportColumns.PER_100_ORDERS);
        if (rate != null) {
            facts.add(messages.get("card.per-100-orders", rate, product.number(ReportColumns.ORDERS)));
        } else if (anyOrders) {
            facts.add(messages.get("card.no-orders"));
        }
        String trend = messages.get("card.trend", product.number(ReportColumns.CURRENT),
                product.number(ReportColumns.PREVIOUS), product.number(ReportColumns.CHANGE));
        facts.add(Boolean.TRUE.equals(product.value(ReportColumns.SPIKE))
                ? trend + " " + messages.get("card.trend.spike") : trend);

        List<HtmlPage.Group> groups = new ArrayList<>();
        group(groups, messages.get("card.categories"), categories.stream().map(row -> {
            String category = row.text(ReportColumns.CATEGORY);
            return new HtmlPage.Finding(messages.get("card.category", categoryName(category, messages),
                    row.number(ReportColumns.TICKETS)), messages.find("category." + category + ".action"), null);
        }).toList());
        group(groups, messages.get("card.reasons"), reasons.stream()
                .filter(row -> Boolean.TRUE.equals(row.value(ReportColumns.RECURRING)))
                .map(row -> new HtmlPage.Finding(messages.get("card.reason",
                        reasonName(row.text(ReportColumns.REASON), messages), row.number(ReportColumns.RETURNS),
                        row.number(ReportColumns.SHARE_OF_SKU_RETURNS)), row.text(ReportColumns.FIX), null))
                .toList());
        group(groups, messages.get("card.themes"), themes.stream().map(row -> new HtmlPage.Finding(
                messages.get("card.theme", row.text(ReportColumns.THEME), row.number(ReportColumns.COMMENTS)),
                messages.get("card.theme.fix"), row.text(ReportColumns.IDS) == null ? null
                        : messages.get("card.ids", row.text(ReportColumns.IDS).replace(";", ", ")))).toList());
        long questions = product.number(ReportColumns.STOCK_QUESTIONS).longValue();
        if (questions > 0) {
            Number missed = product.number(ReportColumns.MISSED_DEMAND);
            String asked = missed == null ? messages.get(anyOrders ? "card.stock.no-orders" : "card.stock.asked",
                    questions, product.number(ReportColumns.DISTINCT_CUSTOMERS))
                    : messages.get("card.stock", questions, product.number(ReportColumns.DISTINCT_CUSTOMERS), missed,
                            product.number(ReportColumns.UNITS_PER_ORDER));
            group(groups, messages.get("card.stock.heading"), List.of(new HtmlPage.Finding(asked,
                    messages.find("category.STOCK.action"), null)));
        }
        return new HtmlPage.Card(heading, link, facts, groups,
                quotes.stream().map(row -> row.text(ReportColumns.QUOTE)).filter(Objects::nonNull).toList(),
                messages.get("card.evidence", EVIDENCE));
    }

    private static void group(List<HtmlPage.Group> groups, String heading, List<HtmlPage.Finding> findings) {
        if (!findings.isEmpty()) {
            groups.add(new HtmlPage.Group(heading, findings));
        }
    }

    /**
     * The link to a product page when it is an absolute http or https URL with a host, else null: a page never links
     * to javascript:, data: or a file on the reader's disk, whatever products.csv holds.
     */
    static String pageLink(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** A category's name in the page's language (DELIVERY is "Levering" in Dutch); the code when it has none. */
    static String categoryName(String category, Messages messages) {
        String name = messages.find("category." + category + ".name");
        return name == null ? category : name;
    }

    /** A return reason's name in the page's language; a shop's own code as it is written. */
    static String reasonName(String reason, Messages messages) {
        if (reason == null) {
            return "";
        }
        String name = messages.find("reason." + reason.strip().replaceAll("\\s+", "-").toLowerCase(Locale.ROOT)
                + ".name");
        return name == null ? reason : name;
    }

    private static List<Row> part(Map<Part, Map<String, List<Row>>> bySku, Part part, String sku) {
        return bySku.getOrDefault(part, Map.of()).getOrDefault(sku, List.of());
    }

    private static Map<String, List<Row>> bySku(Table table) {
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        int sku = table.columnIndex(ReportColumns.SKU.column());
        for (List<Object> values : table.rows()) {
            rows.computeIfAbsent(String.valueOf(values.get(sku)), s -> new ArrayList<>()).add(new Row(table, values));
        }
        return rows;
    }

    /** One row of a collected table, read by column. */
    private record Row(Table table, List<Object> values) {

        Object value(ReportColumns column) {
            return values.get(table.columnIndex(column.column()));
        }

        String text(ReportColumns column) {
            Object value = value(column);
            return value == null ? null : value.toString();
        }

        Number number(ReportColumns column) {
            return (Number) value(column);
        }
    }
}
