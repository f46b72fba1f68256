package nl.defenceline.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextCleanerTest {

    @Test
    void keepsOnlyTheCustomersOwnMessage() {
        String mail = """
                Beste klantenservice,

                Mijn pakket is nog steeds niet bezorgd.

                Met vriendelijke groet,
                Sanne de Vries

                Op 3 nov. 2026 om 10:12 schreef Klantenservice <service@shop.example>:
                > Uw retour is ontvangen.
                """;
        assertEquals("Mijn pakket is nog steeds niet bezorgd.", TextCleaner.ownMessage(mail));
    }

    @Test
    void dropsEnglishReplyHistoryAndPhoneSignature() {
        String mail = "Hi,\nWhere is my refund?\nSent from my iPhone\n\nOn Tue, Nov 3, 2026 at 10:12 AM Shop <a@b.example> wrote:\n> Hello";
        assertEquals("Where is my refund?", TextCleaner.ownMessage(mail));
    }

    @Test
    void keepsAOneLineMessageThatStartsWithAGreetingWord() {
        assertEquals("Hoi waar blijft mijn pakket", TextCleaner.ownMessage("Hoi waar blijft mijn pakket"));
    }

    @Test
    void masksNumbersAddressesAndDiacritics() {
        assertArrayEquals(new String[] {"bestelling", "numx", "is", "geinteresseerd", "emailx", "urlx"},
                TextCleaner.tokens("Bestelling #100234 is geïnteresseerd jan@example.nl https://shop.example/x"));
    }

    @Test
    void contentKeyIgnoresWordOrderRepeatsAndShortWordsButNotOtherContentWords() {
        long key = TextCleaner.contentKey(TextCleaner.tokens("Waar is mijn pakket?"));
        assertEquals(key, TextCleaner.contentKey(TextCleaner.tokens("pakket: waar is MIJN pakket")));
        assertNotEquals(key, TextCleaner.contentKey(TextCleaner.tokens("Waar is mijn pakketje?")));
        assertNotEquals(key, TextCleaner.contentKey(TextCleaner.tokens("Waar is pakket mijn bestelling")));
        // word boundaries count: "ab cde" and "abc de" are different sets
        assertNotEquals(TextCleaner.contentKey(new String[] {"abc", "defg"}),
                TextCleaner.contentKey(new String[] {"abcd", "efg"}));
        assertEquals(TextCleaner.contentKey(new String[0]), TextCleaner.contentKey(new String[] {"is", "de"}));
    }

    @Test
    void givesTheTokensOfTheRegularExpressionsOnEveryTrainingAndEvaluationText() throws Exception {
        List<String> texts = new ArrayList<>();
        for (String folder : List.of("sample-data/training", "sample-data/evaluation")) {
            LabeledTextReader.read(Path.of(folder)).stream().map(LabeledText::text).forEach(texts::add);
        }
        assertTrue(texts.size() > 1000, texts.size() + " texts");
        for (String text : texts) {
            assertSameTokens(text);
            assertSameTokens(TextCleaner.ownMessage(text));
        }
    }

    @Test
    void givesTheTokensOfTheRegularExpressionsOnAddressesNumbersAndOtherScripts() {
        for (String text : List.of("", " ", "a", "www.", "www.x", "WWW.shop.nl/a?b=1 rest", "http://", "http:// x",
                "https://x.y/z", "HtTpS://x", "httpx://y", "see http://a.b,c and www.d.e", "xhttp://y",
                "a@b", "a@b.", "a@b.c", "a@b.c@d.e", "a@b@c.d", ".+-@x-y.z_w", "@b.c", "mail jan.de-vries+1@shop.co.uk.",
                "jan@shop.nl/info", "order #12 and 3b, x3y, 12.50 euro, ²3, ½", "١٢٣ abc٣", "Ⅻ 4Ⅻ", "caféé Ååø ß ǅ ﬁ",
                "E\u0301 e\u0301\u0302 \u0301x", "İstanbul İ", "ΣΑΣ σας ΟΔΟΣ", "ſtraße ſ", "K Ω Å",
                "😀 emoji 😀x 😀1", "\uD83D lone \uDE00 half", "curly ’quotes’ – “dash” … €5 5€",
                "tab\tnew\nline\rcr\u000Bvt\ffeed", "ÀÉÎ ümlaut café", "<c=>:bow=ng=:", "ab".repeat(300))) {
            assertSameTokens(text);
        }
    }

    @Test
    void givesTheTokensOfTheRegularExpressionsOnRandomTexts() {
        String[] pieces = {"http://", "HTTPS://", "https:/", "www.", "WwW.", "@", "@", ".", "-", "+", "_", "/", "a",
            "b", "Z", "w", "h", "3", "0", "é", "e\u0301", "\u0301", "İ", "Σ", "ς", "ſ", "ß", "ǅ", "½", "²", "😀",
            "\uD83D", " ", " ", " ", "\t", "\n", "’", "€", "x", "٣", "Ⅻ", "ﬁ", "Å", "ø", "Ω", "K", "ŉ", "ǰ", "ʰ",
            "\u0345", "\u2000", "⁵", "Ⱥ", "中", "한", "й"};
        Random random = new Random(19);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(14); k >= 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertSameTokens(text.toString());
        }
    }

    private static void assertSameTokens(String own) {
        assertArrayEquals(RegexTextCleaner.ownTokens(own), TextCleaner.ownTokens(own), own);
        assertEquals(RegexTextCleaner.normalise(own), TextCleaner.normalise(own), own);
    }
}
