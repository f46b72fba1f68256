package nl.defenceline.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlPageTest {

    private static final String HOSTILE = "<script>alert(1)</script> \"double\" 'single' & more";
    private static final String ESCAPED =
            "&lt;script&gt;alert(1)&lt;/script&gt; &quot;double&quot; &#39;single&#39; &amp; more";
    private static final Path GOLDEN = Path.of("src/test/resources/golden/html/small-page.html");
    private static final String SVG = "<svg class=\"chart\" viewBox=\"0 0 10 10\" role=\"img\" aria-label=\"x\" "
            + "xmlns=\"http://www.w3.org/2000/svg\"><text class=\"label\">Jurk &amp; top</text></svg>";

    @Test
    void escapesEveryPieceOfText() {
        Table table = new Table(List.of(HOSTILE), List.of(List.of(HOSTILE)));
        String html = HtmlPage.render(Locale.ENGLISH, HOSTILE, HOSTILE,
                List.of(new HtmlPage.Section(HOSTILE, HOSTILE, null, table, List.of(HOSTILE, HOSTILE), HOSTILE)));
        assertFalse(html.contains(HOSTILE));
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"));
        // <title> and <h1>, subtitle, heading, action, note, column header, cell, two quotes
        assertEquals(10, count(html, ESCAPED), html);
    }

    @Test
    void escapesEveryPieceOfACard() {
        HtmlPage.Card card = new HtmlPage.Card(HOSTILE, new HtmlPage.Link("https://shop.example/p?a=1&b=2", HOSTILE),
                List.of(HOSTILE), List.of(new HtmlPage.Group(HOSTILE, List.of(new HtmlPage.Finding(HOSTILE, HOSTILE,
                        HOSTILE)))), List.of(HOSTILE), HOSTILE);
        String html = HtmlPage.render(Locale.ENGLISH, "T", "S",
                List.of(new HtmlPage.Section("Cards", null, null, null, List.of(), null, List.of(card))));
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"));
        // heading, link text, fact, group heading, finding, fix, ids, quote, evidence
        assertEquals(9, count(html, ESCAPED), html);
        assertTrue(html.contains("<a href=\"https://shop.example/p?a=1&amp;b=2\" rel=\"noreferrer\">"), html);
    }

    @Test
    void isSelfContained() {
        String html = HtmlPage.render(Locale.ENGLISH, "T", "S", List.of(sampleSection()));
        String lower = html.toLowerCase(Locale.ROOT);
        for (String forbidden : List.of("<script", "<link", "<img", "<iframe", "<object", "<embed", "src=", "href=",
                "@import", "url(", "javascript:")) {
            assertFalse(lower.contains(forbidden), forbidden);
        }
        assertTrue(lower.contains("<style>"), "the CSS is inline");
    }

    @Test
    void passesTheSvgThroughUnescaped() {
        String html = HtmlPage.render(Locale.ENGLISH, "T", "S",
                List.of(new HtmlPage.Section("Chart", null, SVG, null, List.of())));
        assertTrue(html.contains("\n" + SVG + "\n"), html);
    }

    @Test
    void rightAlignsNumbersAndShowsDoublesWithThreeDecimalsRoundedHalfUp() {
        Table table = new Table(List.of("product_name", "complaints", "share"), List.of(
                Arrays.asList("12", 12L, 0.0025),
                Arrays.asList(null, 3, 2.0f),
                Arrays.asList("x", 0, Double.NaN)));
        String html = HtmlPage.render(Locale.ENGLISH, "T", "S",
                List.of(new HtmlPage.Section("Table", null, null, table, List.of())));
        assertTrue(html.contains("<tr><th>product name</th><th>complaints</th><th>share</th></tr>"), html);
        assertTrue(html.contains("<tr><td>12</td><td class=\"num\">12</td><td class=\"num\">0.003</td></tr>"), html);
        assertTrue(html.contains("<tr><td></td><td class=\"num\">3</td><td class=\"num\">2.000</td></tr>"), html);
        assertTrue(html.contains("<tr><td>x</td><td class=\"num\">0</td><td class=\"num\">NaN</td></tr>"), html);
    }

    @Test
    void showsTheLocalisedEmptyTextForATableWithoutRows() {
        HtmlPage.Section empty = new HtmlPage.Section("Stock-outs", null, null, new Table(List.of("sku"), List.of()),
                List.of());
        String english = HtmlPage.render(Locale.ENGLISH, "T", "S", List.of(empty));
        String dutch = HtmlPage.render(Locale.forLanguageTag("nl"), "T", "S", List.of(empty));
        assertTrue(english.contains("<p class=\"empty\">Nothing to show.</p>"), english);
        assertTrue(dutch.contains("<p class=\"empty\">Niets te tonen.</p>"), dutch);
        assertFalse(dutch.contains("<table"), dutch);
    }

    @Test
    void namesTheColumnsInThePagesLanguageAndKeepsAnUnknownColumnAsTheCsvHasIt() {
        HtmlPage.Section returns = new HtmlPage.Section("Returns", null, null,
                new Table(List.of("share_of_sku_returns", "shop_specific"), List.of(List.of(0.5, "x"))), List.of());
        String dutch = HtmlPage.render(Locale.forLanguageTag("nl"), "T", "S", List.of(returns));
        String english = HtmlPage.render(Locale.ENGLISH, "T", "S", List.of(returns));
        assertTrue(dutch.contains("<th>aandeel van de retouren van het product</th>"), dutch);
        assertTrue(english.contains("<th>share of sku returns</th>"), english);
        assertTrue(dutch.contains("<th>shop specific</th>") && english.contains("<th>shop specific</th>"), dutch);
    }

    @Test
    void namesReturnReasonsInThePagesLanguageAndKeepsAShopsOwnCode() {
        HtmlPage.Section reasons = new HtmlPage.Section("Returns", null, null,
                new Table(List.of("reason", "comment_says"), List.of(List.of("too small", "Maat 38 valt af"))),
                List.of());
        String dutch = HtmlPage.render(Locale.forLanguageTag("nl"), "T", "S", List.of(reasons));
        assertTrue(dutch.contains("<td>Te klein</td>"), dutch);
        assertTrue(dutch.contains("<td>Maat 38 valt af</td>"), dutch);
    }

    @Test
    void namesCategoriesAndWeekdaysInThePagesLanguage() {
        HtmlPage.Section peaks = new HtmlPage.Section("Peaks", null, null,
                new Table(List.of("category", "weekday"), List.of(List.of("DELIVERY", "Monday"))), List.of());
        String dutch = HtmlPage.render(Locale.forLanguageTag("nl"), "T", "S", List.of(peaks));
        assertTrue(dutch.contains("<td>Levering</td>") && dutch.contains("<td>maandag</td>"), dutch);
        String english = HtmlPage.render(Locale.ENGLISH, "T", "S", List.of(peaks));
        assertTrue(english.contains("<td>Monday</td>"), english);
    }

    @Test
    void setsTheLanguageOfTheLocale() {
        assertTrue(HtmlPage.render(Locale.forLanguageTag("nl-NL"), "T", "S", List.of()).contains("<html lang=\"nl\">"));
        assertTrue(HtmlPage.render(Locale.ENGLISH, "T", "S", List.of()).contains("<html lang=\"en\">"));
        assertTrue(HtmlPage.render(Locale.GERMAN, "T", "S", List.of()).contains("<html lang=\"en\">"),
                "a language without a bundle is shown in English, and says so");
    }

    @Test
    void showsANoteOnlyWhenThereIsOne() {
        HtmlPage.Section withNote =
                new HtmlPage.Section("Returns", null, null, null, null, "No returns in this export.");
        HtmlPage.Section withoutNote = new HtmlPage.Section("Returns", null, null, null, null);
        assertNull(withoutNote.note());
        assertEquals(List.of(), withoutNote.quotes());
        assertTrue(HtmlPage.render(Locale.ENGLISH, "T", "S", List.of(withNote))
                .contains("<section><h2>Returns</h2>\n<p class=\"note\">No returns in this export.</p>\n</section>"));
        assertEquals(0, count(HtmlPage.render(Locale.ENGLISH, "T", "S", List.of(withoutNote)), "class=\"note\""));
    }

    /**
     * The whole page, byte for byte, as {@link HtmlPage#write} writes it. Run with -Dgolden.update=true to rewrite
     * the golden file after an intended change, and review its diff.
     */
    @Test
    void writesTheSmallPageOfTheGoldenFile(@TempDir Path dir) throws IOException {
        HtmlPage.write(OutputFolder.local(dir), "owners/page.html", "Defence Line: A & B's \"shop\"",
                "Window 2026-10-01 <to> 2026-10-31", List.of(sampleSection(),
                        new HtmlPage.Section("Stock-out hot spots", null, null, new Table(List.of("sku"), List.of()),
                                List.of()),
                        new HtmlPage.Section("Per product", "Fix the first card first", null, null, List.of(), null,
                                List.of(new HtmlPage.Card("1. JRK-204 – Jurk <Lotte>",
                                        new HtmlPage.Link("https://shop.example/p/jrk-204", "Open the product page"),
                                        List.of("9 tickets, no stock questions and 16 returns"),
                                        List.of(new HtmlPage.Group("Recurring return reasons", List.of(
                                                new HtmlPage.Finding("Too small: 16 returns", "Size chart", null),
                                                new HtmlPage.Finding("“Past niet”: 3 comments", null, "ids: R1, R2")))),
                                        List.of("Valt \"klein\" & smal"), "evidence.csv beside this page"),
                                        new HtmlPage.Card("2. TAS-031", null, List.of(), List.of(), List.of(),
                                                null)))));
        String written = Files.readString(dir.resolve("owners/page.html"), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, written, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), written,
                "differs from " + GOLDEN + " (see the README.md beside it)");
    }

    private static HtmlPage.Section sampleSection() {
        return new HtmlPage.Section("Where complaints come from", "Fix the size chart", SVG,
                new Table(List.of("product_name", "complaints", "share"), List.of(
                        Arrays.asList("Jurk <Lotte>", 12L, 0.12345),
                        Arrays.asList(null, 3, 1.0))),
                List.of("It's too \"small\" & <b>tight</b>"), "Café: één week ontbreekt.");
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
