package nl.defenceline.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Contact channels, with the spellings helpdesk exports use for each. */
public enum Channel {
    EMAIL("email", "e-mail", "mail", "email ticket"),
    CHAT("chat", "livechat", "live chat", "whatsapp", "messenger", "sms"),
    // "voicemail" is spelled out: as a word it would match "mail" and count as email.
    PHONE("phone", "telefoon", "telephone", "call", "voice", "tel", "voicemail"),
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

    /** Words in helpdesk channel names (Zendesk "Via", Freshdesk "Source", Gorgias "Initial channel"), first match wins. */
    private static final List<Map.Entry<String, Channel>> WORDS = List.of(
            Map.entry("mail", EMAIL), Map.entry("chat", CHAT), Map.entry("messag", CHAT), Map.entry("whatsapp", CHAT),
            Map.entry("sms", CHAT), Map.entry("text message", CHAT), Map.entry("bot", CHAT), Map.entry("mobihelp", CHAT),
            Map.entry("phone", PHONE), Map.entry("call", PHONE), Map.entry("voice", PHONE), Map.entry("facebook", SOCIAL),
            Map.entry("instagram", SOCIAL), Map.entry("twitter", SOCIAL), Map.entry("tiktok", SOCIAL),
            Map.entry("x dm", SOCIAL), Map.entry("social", SOCIAL), Map.entry("web", WEBFORM), Map.entry("form", WEBFORM),
            Map.entry("portal", WEBFORM), Map.entry("help center", WEBFORM), Map.entry("feedback", WEBFORM),
            Map.entry("widget", WEBFORM), Map.entry("forum", WEBFORM), Map.entry("api", WEBFORM));

    /** Freshdesk's numeric source codes. */
    private static final Map<String, Channel> CODES = Map.of("1", EMAIL, "2", WEBFORM, "3", PHONE, "4", WEBFORM,
            "5", SOCIAL, "6", SOCIAL, "7", CHAT, "8", CHAT, "9", WEBFORM, "10", EMAIL);

    /**
     * Finds the channel a raw export value means, ignoring case and surrounding blanks: first the known spellings,
     * then words that platforms use in channel names ("Phone call (incoming)", "Outbound Email", "instagram-comment").
     */
    public static Optional<Channel> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        Optional<Channel> exact = Arrays.stream(values()).filter(c -> c.spellings.contains(value)).findFirst();
        if (exact.isPresent() || value.isEmpty()) {
            return exact;
        }
        if (CODES.containsKey(value)) {
            return Optional.of(CODES.get(value));
        }
        return WORDS.stream().filter(w -> value.contains(w.getKey())).map(Map.Entry::getValue).findFirst();
    }

    /** The canonical labels, for error messages. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(Channel::label).toList();
    }
}
