package nl.defenceline.publish;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The pages' copy from the message bundles nl/defenceline/publish/messages*.properties (UTF-8). */
public final class Messages {

    private static final String BUNDLE = "nl/defenceline/publish/messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
    }

    public static Messages english() {
        return new Messages(Locale.ENGLISH);
    }

    /** The text of a key with its arguments filled in; a missing key is a bug, so it fails loudly. */
    public String get(String key, Object... args) {
        try {
            return new MessageFormat(bundle.getString(key), locale).format(args);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message '" + key + "' in " + BUNDLE + " for " + locale, e);
        }
    }

    /** The text of an optional key, or null when the bundle has none. */
    public String find(String key) {
        return bundle.containsKey(key) ? get(key) : null;
    }
}
