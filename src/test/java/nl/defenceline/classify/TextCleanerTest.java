package nl.defenceline.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
