package nl.defenceline.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.TypeConversionException;

/** Which of the two models a train or evaluate command works on, as {@code --model-kind} names it. */
enum ModelKind {
    /** The line-of-defence categories of tickets and stock questions. */
    TICKETS("tickets"),
    /** The reasons read from return comments. */
    RETURN_REASONS("return-reasons");

    private final String option;

    ModelKind(String option) {
        this.option = option;
    }

    @Override
    public String toString() {
        return option;
    }

    /** The kind an option value names; the message of an unknown one lists the valid values. */
    static ModelKind parse(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.option.equals(wanted)).findFirst()
                .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a model kind; expected one of "
                        + names()));
    }

    static List<String> names() {
        return Arrays.stream(values()).map(k -> k.option).toList();
    }
}
