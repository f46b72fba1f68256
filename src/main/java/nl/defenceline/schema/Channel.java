package nl.defenceline.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Contact channels, with the spellings helpdesk exports use for each. */
public enum Channel {
    EMAIL("email", "e-mail", "mail", "email ticket"),
    CHAT("chat", "livechat", "live chat", "whatsapp", "messenger", "sms"),
    PHONE("phone", "telefoon", "telephone", "call", "voice", "tel"),
    SOCIAL("social", "facebook", "instagram", "twitter", "x", "tiktok", "social media"),
    WEBFORM("webform", "web form", "web", "form", "contact form", "contactformulier", "api");

    private final String label;
    private final List<String> spellings;

    Channel(String label, String... aliases) {
        this.label = label;
        this.spellings = new java.util.ArrayList<>(List.of(aliases));
        this.spellings.add(label);
    }

    /** The canonical value, as it appears in reports and as a Spark column name in per-channel reports. */
    public String label() {
        return label;
    }

    /** Finds the channel a raw export value means, ignoring case and surrounding blanks. */
    public static Optional<Channel> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.trim().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Arrays.stream(values()).filter(c -> c.spellings.contains(value)).findFirst();
    }

    /** The canonical labels, for error messages. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(Channel::label).toList();
    }
}
