package nl.defenceline.publish;

import java.util.List;
import java.util.Locale;
import nl.defenceline.Warning;

/**
 * What every page of a run says about the run, and in which language.
 *
 * @param export   the export folder analysed
 * @param firstDay the trend window's first day, e.g. "2026-11-09"
 * @param lastDay  the trend window's last day (inclusive)
 * @param zone     the shop's time zone id
 * @param model    the classifier model's version
 * @param warnings what a reader must know first (e.g. classified on subjects only), shown at the top
 * @param language the pages' language; one of {@link Messages#LOCALES}, others get English
 */
public record PageContext(String export, String firstDay, String lastDay, String zone, String model,
                          List<Warning> warnings, Locale language) {

    public PageContext {
        warnings = List.copyOf(warnings);
    }

    Messages messages() {
        return Messages.of(language);
    }

    String subtitle(Messages messages) {
        return messages.get("page.subtitle", export, firstDay, lastDay, zone, model);
    }
}
