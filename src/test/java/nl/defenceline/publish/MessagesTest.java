package nl.defenceline.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");
    private static final String TEST_BUNDLE = "nl.defenceline.publish.testmessages";

    @Test
    void dutchAndEnglishBundlesHaveTheSameKeys() throws IOException {
        // Read the files themselves: through ResourceBundle a key missing in Dutch would quietly come from English.
        Properties english = load("messages.properties");
        Properties dutch = load("messages_nl.properties");
        assertFalse(english.isEmpty());
        assertEquals(english.stringPropertyNames(), dutch.stringPropertyNames());
    }

    @Test
    void eachSupportedLocaleHasCopyInItsOwnLanguage() {
        for (Locale locale : Messages.LOCALES) {
            assertEquals(locale.getLanguage(), Messages.of(locale).get("page.lang"), locale.toString());
        }
    }

    @Test
    void everyValueIsAMessageFormatWithItsApostrophesDoubled() throws IOException {
        // MessageFormat drops a lone apostrophe ("foto's" would show as "fotos") and quotes what follows it.
        Pattern loneApostrophe = Pattern.compile("(?<!')'(?!')");
        for (String file : new String[] {"messages.properties", "messages_nl.properties"}) {
            Properties messages = load(file);
            for (String key : messages.stringPropertyNames()) {
                String value = messages.getProperty(key);
                assertFalse(loneApostrophe.matcher(value.replace("''", "")).find(), file + " " + key + ": " + value);
                new MessageFormat(value); // throws on an unbalanced or unknown {argument}
            }
        }
    }

    @Test
    void picksDutchForAnyDutchLocaleAndEnglishForOthers() {
        assertEquals("Niets te tonen.", Messages.of(DUTCH).get("page.empty-table"));
        assertEquals("Niets te tonen.", Messages.of(Locale.forLanguageTag("nl-BE")).get("page.empty-table"));
        assertEquals("Nothing to show.", Messages.of(Locale.ENGLISH).get("page.empty-table"));
        assertEquals("Nothing to show.", Messages.of(Locale.UK).get("page.empty-table"));
        assertEquals("Nothing to show.", Messages.of(Locale.ROOT).get("page.empty-table"));
    }

    @Test
    void anUnknownLocaleGetsEnglishAlsoOnADutchMachine() {
        Locale before = Locale.getDefault();
        Locale.setDefault(DUTCH);
        try {
            assertEquals("en", Messages.of(Locale.FRENCH).get("page.lang"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void formatsArgumentsInTheLocale() {
        assertEquals("Jurk Lotte has 1,234 items", Messages.of(TEST_BUNDLE, Locale.ENGLISH).get("items", "Jurk Lotte",
                1234));
        assertEquals("Jurk Lotte heeft 1.234 foto's", Messages.of(TEST_BUNDLE, DUTCH).get("items", "Jurk Lotte", 1234));
    }

    @Test
    void readsTheBundlesAsUtf8() {
        assertEquals("Café ’s morgens", Messages.of(TEST_BUNDLE, Locale.ENGLISH).get("cafe"));
        assertEquals("één café", Messages.of(TEST_BUNDLE, DUTCH).get("cafe"));
    }

    @Test
    void aBundleThatIsNotUtf8FailsInsteadOfShowingGarbledCopy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Messages.of("nl.defenceline.publish.latin1messages", Locale.ENGLISH));
        assertTrue(e.getMessage().contains("latin1messages"), e.getMessage());
    }

    @Test
    void aMissingKeyFailsNamingTheKeyAndTheBundle() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Messages.of(DUTCH).get("page.no-such-key"));
        assertTrue(e.getMessage().contains("'page.no-such-key'"), e.getMessage());
        assertTrue(e.getMessage().contains(Messages.BUNDLE), e.getMessage());
        assertTrue(e.getMessage().contains("nl"), e.getMessage());
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(file)) {
            assertNotNull(in, "no " + file + " beside Messages");
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return properties;
    }
}
