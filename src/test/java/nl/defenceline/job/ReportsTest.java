package nl.defenceline.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import nl.defenceline.publish.Messages;
import nl.defenceline.publish.Output;
import nl.defenceline.schema.ReportColumns;
import org.junit.jupiter.api.Test;

/** The declarations themselves: the things a new report could get wrong before any data flows. */
class ReportsTest {

    private static final List<Output> OUTPUTS = Reports.ALL.stream().map(Report::output).toList();

    @Test
    void everyFileIsDeclaredOnce() {
        List<String> files = OUTPUTS.stream().map(Output::file).filter(Objects::nonNull).toList();
        assertEquals(files.size(), new HashSet<>(files).size(), files.toString());
        assertFalse(files.contains(AnalysisJob.RUN_SUMMARY));
    }

    @Test
    void everySectionHasItsCopyInEveryLanguage() {
        for (java.util.Locale locale : Messages.LOCALES) {
            Messages messages = Messages.of(locale);
            for (Report report : Reports.ALL) {
                if (report.output().page() != null) {
                    assertFalse(messages.get("section." + report.output().page().key() + ".heading").isBlank());
                }
                if (report.requires() != null) {
                    assertFalse(messages.get("missing." + report.requires().fileStem()).isBlank());
                }
            }
        }
    }

    @Test
    void theFilesWithCustomersWordsDeclareThem() {
        Set<String> withFreeText = new HashSet<>();
        OUTPUTS.stream().filter(o -> !o.freeText().isEmpty()).forEach(o -> withFreeText.add(String.valueOf(o.file())));
        assertEquals(Set.of("null", "product-quotes.csv", "recurring-themes.csv", "kpis/automation-candidates.csv",
                "review/uncertain.csv"), withFreeText, "the quotes (page only), the products' quotes, the themes'"
                + " quotes, the automation examples, the review texts");
    }

    @Test
    void theOwnersGetTheProductReportsInTheirIndexOrder() {
        List<ReportColumns> index = OUTPUTS.stream().filter(Output::splitPerOwner).map(Output::ownerIndex).toList();
        assertEquals(List.of(ReportColumns.PRODUCT_CARDS, ReportColumns.PRODUCT_QUOTES, ReportColumns.EVIDENCE_ROWS,
                ReportColumns.PRODUCT_CATEGORY_ROWS, ReportColumns.RECURRING_RETURN_REASONS,
                ReportColumns.DISAGREEMENTS, ReportColumns.RECURRING_THEMES, ReportColumns.STOCKOUT_PRODUCTS), index);
        OUTPUTS.stream().filter(Output::splitPerOwner).forEach(o -> assertNotNull(o.file(), o.toString()));
    }

    /** The cards come first on an owner's page, and each of their parts is filled by one owner's report. */
    @Test
    void theProductCardsAndEachOfTheirPartsAreDeclaredOnce() {
        List<Output> cards = OUTPUTS.stream().filter(o -> o.page() != null
                && o.page().view() == nl.defenceline.publish.PageSection.View.CARDS).toList();
        assertEquals(1, cards.size());
        assertTrue(cards.get(0).dashboard() && cards.get(0).splitPerOwner());
        assertEquals(cards.get(0), OUTPUTS.stream().filter(o -> o.splitPerOwner() && o.page() != null).findFirst()
                .orElseThrow());
        List<nl.defenceline.publish.ProductCards.Part> parts = OUTPUTS.stream().map(Output::card)
                .filter(Objects::nonNull).toList();
        assertEquals(Set.of(nl.defenceline.publish.ProductCards.Part.values()), new HashSet<>(parts));
        assertEquals(parts.size(), new HashSet<>(parts).size(), parts.toString());
        OUTPUTS.stream().filter(o -> o.card() != null).forEach(o -> assertTrue(o.splitPerOwner(), o.file()));
    }

    @Test
    void rejectsAreStreamedByAnExecutorNotCollected() {
        assertTrue(Reports.ALL.stream().filter(r -> r.output().file() != null
                && r.output().file().startsWith("rejects/")).allMatch(r -> !r.streamed().isEmpty()));
    }

    /** The reports compute the English texts; the English messages must be those texts, or English CSVs change. */
    @Test
    void theEnglishMessagesOfTheReadableColumnsAreTheTextsTheReportsCompute() {
        Messages english = Messages.of(java.util.Locale.ENGLISH);
        for (nl.defenceline.classify.Category category : nl.defenceline.classify.Category.values()) {
            assertEquals(category.action(), english.get("category." + category.name() + ".action"));
        }
        nl.defenceline.publish.Translation fix = new nl.defenceline.publish.Translation(ReportColumns.FIX,
                ReportColumns.REASON, "reason", "fix", "reason.shop-code.fix");
        for (nl.defenceline.classify.ReturnReason reason : nl.defenceline.classify.ReturnReason.values()) {
            assertEquals(reason.fix(), english.get("reason." + reason.label().replace(' ', '-') + ".fix"));
        }
        assertEquals(nl.defenceline.classify.ReturnReason.fixOf("a shop's own code"), english.get(fix.fallback()));
    }
}
