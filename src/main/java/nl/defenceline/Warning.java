package nl.defenceline;

import java.util.List;

/**
 * Something the user of a run must know about how it was done (a model scored the slow way, tickets without text),
 * as the key of a message in the pages' bundles and its arguments, so that every page, the console and the run
 * summary can say it in their own language.
 *
 * @param key  the message key, {@code warning.*} in {@code nl/defenceline/publish/messages*.properties}
 * @param args the message's arguments, in order (names and versions, never customer text)
 */
public record Warning(String key, List<String> args) {

    public Warning {
        args = List.copyOf(args);
    }

    public static Warning of(String key, String... args) {
        return new Warning(key, List.of(args));
    }
}
