package nl.defenceline.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mail me at jan.de.vries+shop@example.nl please | mail me at [e-mail] please",
        "bel 06-12345678 of 06 1234 5678                | bel [phone] of [phone]",
        "call +31 6 12345678 or 0031612345678           | call [phone] or [phone]",
        "tel +31 (0)20 123 4567                         | tel [phone]",
        "UK +44 20 7946 0958, DE +49 30 1234567         | UK [phone], DE [phone]",
        "vaste lijn 020-1234567                         | vaste lijn [phone]",
        "IBAN NL91 ABNA 0417 1643 00 graag              | IBAN [IBAN] graag",
        "iban nl91abna0417164300                        | iban [IBAN]",
        "BE68 5390 0754 7034                            | [IBAN]",
        "Kerkstraat 12a, 1234 AB Amsterdam              | [address], [postcode] Amsterdam",
        "postcode 1234AB 56                             | postcode [postcode]",
        "order NL-48211 van 12 euro                     | order NL-48211 van 12 euro",
        "bestelling NL123456 kwam niet                  | bestelling NL123456 kwam niet",
        "DE89 3704 0044 0532 0130 00                    | [IBAN]",
    })
    void replacesPersonalDataWithPlaceholders(String text, String expected) {
        assertEquals(expected, Redactor.redact(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0612345678", "+32 470 12 34 56", "k.jansen@example.com", "NL20INGB0001234567"})
    void leavesNoneOfItBehind(String personal) {
        assertFalse(Redactor.redact("zie " + personal + ".").contains(personal));
    }

    @org.junit.jupiter.api.Test
    void redactsOrderNumbersOnlyWhenTheShopConfiguresThem() {
        java.util.regex.Pattern orders = java.util.regex.Pattern.compile("NL\\d{6}|#\\d{4,}");
        assertEquals("bestelling [order] en [order] kwam niet", Redactor.redact("bestelling NL123456 en #100234 kwam niet", orders));
        assertEquals("bestelling NL123456 kwam niet", Redactor.redact("bestelling NL123456 kwam niet"));
    }
}
