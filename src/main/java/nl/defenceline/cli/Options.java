package nl.defenceline.cli;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.defenceline.UserError;

/** Parsed {@code --name value} and {@code --flag} options of one command; every check names what is valid. */
final class Options {

    /** Which options a command takes: those with a value and plain flags. */
    record Spec(Set<String> valued, Set<String> flags) {
        Set<String> all() {
            Set<String> all = new TreeSet<>(valued);
            all.addAll(flags);
            return all;
        }
    }

    private final String command;
    private final Map<String, String> values;
    /** Every value of each option in the order given; {@link #values} keeps the last. */
    private final Map<String, List<String>> repeated;
    private final Set<String> flags;

    private Options(String command, Map<String, String> values, Map<String, List<String>> repeated, Set<String> flags) {
        this.command = command;
        this.values = values;
        this.repeated = repeated;
        this.flags = flags;
    }

    static Options parse(String command, String[] args, int from, Spec spec) {
        Map<String, String> values = new HashMap<>();
        Map<String, List<String>> repeated = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            String inlineValue = null;
            if (name != null && name.contains("=")) {
                inlineValue = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            }
            if (name == null || !(spec.valued().contains(name) || spec.flags().contains(name))) {
                throw new UserError("unknown option '" + arg + "' for " + command + ", expected one of "
                        + spec.all().stream().map(o -> "--" + o).toList());
            }
            if (spec.flags().contains(name)) {
                flags.add(name);
            } else if (inlineValue != null || i + 1 < args.length) {
                String value = inlineValue != null ? inlineValue : args[++i];
                values.put(name, value);
                repeated.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } else {
                throw new UserError("option --" + name + " of " + command + " needs a value");
            }
        }
        return new Options(command, values, repeated, flags);
    }

    /** Every value of an option that may be given more than once, in the order given; empty when not given. */
    List<String> all(String name) {
        return repeated.getOrDefault(name, List.of());
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new UserError(command + " needs --" + name + "; see '" + command + " --help'");
        }
        return value;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** The option as a regular expression, or null when it is not given. */
    java.util.regex.Pattern pattern(String name) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            return java.util.regex.Pattern.compile(value);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new UserError("--" + name + " '" + value + "' is not a regular expression: " + e.getDescription());
        }
    }

    /** The option as a path, or null when it is not given. */
    java.nio.file.Path path(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : java.nio.file.Path.of(value);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    int integer(String name, int fallback, int min) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min) {
                throw new UserError("--" + name + " must be at least " + min + ", got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UserError("--" + name + " must be a whole number, got '" + value + "'");
        }
    }

    double decimal(String name, double fallback, double min, double max) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            if (parsed < min || parsed > max) {
                throw new UserError("--" + name + " must be between " + min + " and " + max + ", got " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UserError("--" + name + " must be a number such as 0.5, got '" + value + "'");
        }
    }

    /** A day (yyyy-MM-dd) as the instant its day starts in the zone, or the next day's start when {@code endOfDay}. */
    java.time.Instant day(String name, ZoneId zone, boolean endOfDay) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            java.time.LocalDate day = java.time.LocalDate.parse(value.trim());
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new UserError("--" + name + " must be a date like 2026-11-15, got '" + value + "'");
        }
    }

    ZoneId zone(String name, ZoneId fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            throw new UserError("--" + name + " '" + value + "' is not a time zone; use a region id such as "
                    + "Europe/Amsterdam, Europe/Brussels or UTC");
        }
    }
}
