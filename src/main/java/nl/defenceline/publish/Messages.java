package nl.defenceline.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import nl.defenceline.Warning;

/**
 * The pages' copy in one language, from the UTF-8 bundles {@code nl/defenceline/publish/messages*.properties}
 * (messages.properties is English, messages_nl.properties Dutch). Adding copy is adding a key to both files.
 */
public final class Messages {

    /** The languages the bundles are written in; any other locale gets English. */
    public static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"));

    static final String BUNDLE = "nl.defenceline.publish.messages";

    /**
     * Java 9+ reads a bundle as UTF-8 by default but silently re-reads a file that is not valid UTF-8 as ISO-8859-1,
     * and falls back to the JVM's default locale before the base bundle. This control reads strict UTF-8 (a
     * mis-saved file fails instead of showing garbled copy) and goes from the asked locale straight to English, so a
     * page's language does not depend on the machine it is made on.
     */
    private static final ResourceBundle.Control UTF8_PROPERTIES = new ResourceBundle.Control() {
        @Override
        public List<String> getFormats(String baseName) {
            return FORMAT_PROPERTIES;
        }

        @Override
        public Locale getFallbackLocale(String baseName, Locale locale) {
            return null;
        }

        @Override
        public ResourceBundle newBundle(String baseName, Locale locale, String format, ClassLoader loader,
                boolean reload) throws IOException {
            String resource = toResourceName(toBundleName(baseName, locale), "properties");
            InputStream in = loader.getResourceAsStream(resource);
            if (in == null) {
                return null;
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder())) {
                return new PropertyResourceBundle(reader);
            }
        }
    };

    private final String name;
    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(String name, Locale locale, ResourceBundle bundle) {
        this.name = name;
        this.locale = locale;
        this.bundle = bundle;
    }

    /** The copy for {@code locale}: Dutch for any Dutch locale, English for everything else. */
    public static Messages of(Locale locale) {
        return of(BUNDLE, locale);
    }

    static Messages of(String name, Locale locale) {
        try {
            return new Messages(name, locale, ResourceBundle.getBundle(name, locale, Messages.class.getClassLoader(),
                    UTF8_PROPERTIES));
        } catch (MissingResourceException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException("cannot read message bundle " + name + " for locale " + locale + ": "
                    + cause, e);
        }
    }

    /**
     * The message {@code key}, formatted by {@link MessageFormat} with {@code args} in this locale (always, so an
     * apostrophe is written '' in every value, with or without arguments).
     *
     * @throws IllegalArgumentException when no bundle of this locale has the key
     */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message '" + key + "' in bundle " + name + " for locale " + locale,
                    e);
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** A run's warning in this language. */
    public String say(Warning warning) {
        return get(warning.key(), warning.args().toArray());
    }

    /** The message {@code key} without arguments, or null when the bundle has none: for optional copy. */
    public String find(String key) {
        return bundle.containsKey(key) ? get(key) : null;
    }

    /** The locale asked for, which also formats the numbers and dates in the messages. */
    public Locale locale() {
        return locale;
    }
}
