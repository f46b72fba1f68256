package nl.defenceline.cli;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.defenceline.publish.Messages;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import nl.defenceline.UserError;
import nl.defenceline.ingest.ColumnMapping;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * The option types whose values picocli cannot convert itself, or not with a message that says what a valid value
 * looks like; picocli puts the option's name in front of the message.
 */
final class Converters {

    private Converters() {
    }

    /** Registers the converters with a command and its subcommands; call it after adding them. */
    static void registerWith(CommandLine cli) {
        cli.registerConverter(ZoneId.class, Converters::zone)
                .registerConverter(LocalDate.class, Converters::day)
                .registerConverter(Pattern.class, Converters::regex)
                .registerConverter(ColumnMapping.class, Converters::mapping)
                .registerConverter(java.util.Locale.class, Converters::language)
                .registerConverter(ModelKind.class, ModelKind::parse);
    }

    static ZoneId zone(String value) {
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            throw new TypeConversionException("'" + value + "' is not a time zone; use a region id such as "
                    + "Europe/Amsterdam, Europe/Brussels or UTC");
        }
    }

    static LocalDate day(String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a date like 2026-11-15 (yyyy-MM-dd)");
        }
    }

    static Pattern regex(String value) {
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new TypeConversionException("'" + value + "' is not a regular expression: " + e.getDescription());
        }
    }

    /** A built-in mapping's name or a mapping file; the message of an unknown name lists the built-in ones. */
    static ColumnMapping mapping(String value) {
        try {
            return ColumnMapping.named(value);
        } catch (UserError e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** A language the pages are written in; the message lists them. */
    static java.util.Locale language(String value) {
        List<String> valid = Messages.LOCALES.stream().map(java.util.Locale::getLanguage).toList();
        String tag = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (!valid.contains(tag)) {
            throw new TypeConversionException("'" + value + "' is not a language of the pages; expected one of " + valid);
        }
        return java.util.Locale.forLanguageTag(tag);
    }
}
