package nl.defenceline.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.defenceline.schema.ReportColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductCardsTest {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");
    private static final List<String> PRIORITY_COLUMNS = List.of("rank", "sku", "product", "page_url", "tickets",
            "stock_questions", "returns", "orders", "per_100_orders", "distinct_customers", "units_per_order",
            "missed_demand", "current", "previous", "change", "spike");
    private static final Output PRIORITIES = Output.csv("product-priorities.csv")
            .onDashboard(PageSection.of("product-cards", PageSection.View.CARDS))
            .perOwner(ReportColumns.PRODUCT_CARDS);
    private static final Output COMPLAINTS = Output.csv("product-complaints.csv")
            .perOwner(ReportColumns.PRODUCT_CATEGORY_ROWS, PageSection.of("product-complaints", PageSection.View.TABLE))
            .onCard(ProductCards.Part.CATEGORIES);
    private static final Output REASONS = Output.csv("recurring-return-reasons.csv")
            .translated(ReportColumns.FIX, ReportColumns.REASON, "reason", "fix", "reason.shop-code.fix")
            .onDashboard(PageSection.of("recurring-return-reasons", PageSection.View.TABLE))
            .perOwner(ReportColumns.RECURRING_RETURN_REASONS).onCard(ProductCards.Part.RETURN_REASONS);
    private static final Output QUOTES = Output.csv("product-quotes.csv").freeText(ReportColumns.QUOTE)
            .onCard(ProductCards.Part.QUOTES).perOwnerFileOnly(ReportColumns.PRODUCT_QUOTES);

    @Test
    void linksOnlyToHttpAndHttpsPages() {
        assertEquals("https://shop.example/p/jrk-204", ProductCards.pageLink(" https://shop.example/p/jrk-204 "));
        assertEquals("HTTP://shop.example/p?a=1&b=2", ProductCards.pageLink("HTTP://shop.example/p?a=1&b=2"));
        for (String bad : Arrays.asList(null, "", "javascript:alert(1)", "data:text/html,<b>x</b>",
                "file:///etc/passwd", "//shop.example/p", "https://shop.example/\" onmouseover=\"alert(1)",
                "shop.example/p", "https://", "https://a b/")) {
            assertNull(ProductCards.pageLink(bad), String.valueOf(bad));
        }
    }

    @Test
    void namesCategoriesAndReasonsInThePagesLanguageAndKeepsAShopsOwnCode() {
        Messages dutch = Messages.of(DUTCH);
        assertEquals("Levering", ProductCards.categoryName("DELIVERY", dutch));
        assertEquals("Te klein", ProductCards.reasonName("too small", dutch));
        assertEquals("kapotte rits", ProductCards.reasonName("kapotte rits", dutch));
        assertEquals("Too small", ProductCards.reasonName("too small", Messages.of(Locale.ENGLISH)));
    }

    /**
     * An owner's page in Dutch: one card per product in the priorities' order, each with its categories and their
     * fixes, its recurring (not its one-off) return reasons, stock-out questions with the missed demand, trend,
     * redacted quotes, an escaped page link, and the evidence file beside the page.
     */
    @Test
    void anOwnersPageShowsOneCardPerProductInPriorityOrder(@TempDir Path dir) throws Exception {
        Publisher publisher = new Publisher(OutputFolder.local(dir), null, DUTCH, ',');
        List<ReportTable> reports = List.of(
                publisher.publish(PRIORITIES, new Table(PRIORITY_COLUMNS, List.of(
                        Arrays.asList(1, "TAS", "Tas <cognac>", "https://shop.example/p?tas=1&kleur=cognac", 4L,
                                44L, 2L, 200L, 25.0, 34L, 1.5, 51.0, 3L, 1L, 2L, true),
                        Arrays.asList(2, "JRK", "Jurk", "javascript:alert(1)", 9L, 0L, 16L, 400L, 6.25, 0L, 1.0, 0.0,
                                5L, 9L, -4L, false)))),
                publisher.publish(COMPLAINTS, new Table(List.of("sku", "product", "category", "tickets"), List.of(
                        List.of("JRK", "Jurk", "DELIVERY", 7L), List.of("TAS", "Tas", "PRODUCT_INFO", 4L)))),
                publisher.publish(REASONS, new Table(List.of("sku", "reason", "fix", "returns",
                        "share_of_sku_returns", "recurring"), List.of(
                        List.of("JRK", "colour or look differs from the photo",
                                "Product photo: show the true colour and look", 16L, 1.0, true),
                        List.of("TAS", "changed mind", "No page fix: customer changed their mind", 1L, 0.5, false)))),
                publisher.publish(QUOTES, new Table(List.of("sku", "source", "id", "quote"), List.of(
                        List.of("JRK", "return", "R2", "Veel feller dan op de foto, mail me op jan@example.nl")))));

        publisher.publishPages(reports, Map.of("TAS", "mode@shop.example", "JRK", "mode@shop.example"),
                new PageContext("export", "2026-11-09", "2026-11-15", "Europe/Amsterdam", "model", List.of(), DUTCH));

        String page = Files.readString(dir.resolve("owners/mode-at-shop.example/index.html"));
        int tas = page.indexOf("<h3>1. TAS – Tas &lt;cognac&gt;</h3>");
        int jrk = page.indexOf("<h3>2. JRK – Jurk</h3>");
        assertTrue(tas > 0 && jrk > tas, page);
        String tasCard = page.substring(tas, jrk);
        String jrkCard = page.substring(jrk, page.indexOf("</article>", jrk));
        assertTrue(tasCard.contains("<a href=\"https://shop.example/p?tas=1&amp;kleur=cognac\" rel=\"noreferrer\">"
                + "Productpagina openen</a>"), tasCard);
        assertTrue(tasCard.contains("4 tickets, 44 voorraadvragen en 2 retouren"), tasCard);
        assertTrue(tasCard.contains("Samen 25,0 per 100 bestellingen (200 bestellingen in de export)"), tasCard);
        assertTrue(tasCard.contains("44 vragen van 34 klanten: ongeveer 51 stuks gemiste vraag (34 klanten × 1,5"
                + " stuks per bestelling)"), tasCard);
        assertTrue(tasCard.contains("Een piek"), tasCard);
        assertTrue(tasCard.contains("Productinformatie: 4 <span class=\"fix\">→ Maak specificaties"), tasCard);
        assertFalse(tasCard.contains("Van gedachten veranderd"), "a reason that does not recur is no finding");
        assertFalse(jrkCard.contains("href="), "a javascript: link is not rendered");
        assertTrue(jrkCard.contains("Kleur of uiterlijk wijkt af van de foto: 16 retouren (100% van de retouren van"
                + " dit product) <span class=\"fix\">→ Productfoto: toon de echte kleur en het echte uiterlijk"),
                jrkCard);
        assertTrue(jrkCard.contains("<blockquote>Veel feller dan op de foto, mail me op [e-mail]</blockquote>"),
                jrkCard);
        assertTrue(jrkCard.contains("(-4)") && jrkCard.contains("evidence.csv naast deze pagina"), jrkCard);
        assertTrue(page.indexOf("</article>", jrk) < page.indexOf("Klachtcategorieën per product"),
                "the tables follow the cards");
        assertTrue(Files.readString(dir.resolve("owners/mode-at-shop.example/product-quotes.csv"))
                .contains("[e-mail]"));
        assertEquals("\uFEFFowner,folder,product_cards,product_category_rows,recurring_return_reasons,product_quotes\n"
                + "mode@shop.example,owners/mode-at-shop.example/,2,2,2,1\n",
                Files.readString(dir.resolve("owners/index.csv")));
    }

    @Test
    void theDashboardShowsTheFirstCardsAndSaysWhereTheRestAre(@TempDir Path dir) throws Exception {
        Publisher publisher = new Publisher(OutputFolder.local(dir), null);
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            rows.add(Arrays.asList(i, "SKU" + i, null, null, 1L, 0L, 0L, null, null, 0L, null, null, 0L, 0L, 0L,
                    false));
        }
        publisher.publishPages(List.of(publisher.publish(PRIORITIES, new Table(PRIORITY_COLUMNS, rows))), Map.of(),
                new PageContext("export", "2026-11-09", "2026-11-15", "Europe/Amsterdam", "model", List.of(),
                        Locale.ENGLISH));
        String page = Files.readString(dir.resolve("index.html"));
        assertEquals(15, page.split("<article class=\"card\">", -1).length - 1);
        assertTrue(page.contains("<h3>15. SKU15</h3>") && page.contains("5 more products in product-priorities.csv."),
                page);
        assertTrue(page.contains("1 ticket, no stock questions and no returns"), page);
        assertTrue(page.contains("The export has no orders: the cards are ranked by the number")
                && !page.contains("No orders of this product"), page);
    }
}
