package nl.defenceline.classify.opennlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.defenceline.UserError;
import nl.defenceline.classify.Category;
import nl.defenceline.classify.LabeledReason;
import nl.defenceline.classify.LabeledText;
import nl.defenceline.classify.ReasonClassifier;
import nl.defenceline.classify.ReasonVerdict;
import nl.defenceline.classify.ReturnReason;
import opennlp.tools.doccat.DoccatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReasonModelTrainerTest {

    private static final List<LabeledReason> SAMPLES = new ArrayList<>();

    private static void add(ReturnReason reason, String... texts) {
        for (String text : texts) {
            SAMPLES.add(new LabeledReason(reason, "", text, "inline", "inline"));
        }
    }

    static {
        add(ReturnReason.TOO_SMALL, "te klein", "valt klein", "too small", "runs small", "te krap bij de schouders");
        add(ReturnReason.TOO_LARGE, "te groot", "valt groot", "too big", "runs large", "veel te ruim");
        add(ReturnReason.LOOKS_DIFFERENT, "kleur wijkt af van de foto", "colour differs from the photo",
                "ziet er anders uit dan op de foto", "looks nothing like the picture", "andere kleur dan op de site");
        add(ReturnReason.DAMAGED, "kapot aangekomen", "arrived broken", "doos beschadigd en vaas gebroken",
                "damaged in transit", "deuk bij levering");
        add(ReturnReason.CHANGED_MIND, "bedacht", "changed my mind", "niet meer nodig", "no longer needed",
                "toch niet mooi");
        add(ReturnReason.OTHER, "zie mail", "see my email", "te laat geleverd", "arrived too late", "retour");
    }

    @Test
    void learnsTheReasonsOfItsExamples() {
        ReasonClassifier classifier = ReasonModelTrainer.classifier(ReasonModelTrainer.train(SAMPLES, "test"));
        assertEquals(ReturnReason.TOO_SMALL, classifier.classify("Helaas, valt echt te klein").reason());
        assertEquals(ReturnReason.LOOKS_DIFFERENT, classifier.classify("The colour differs from the photo").reason());
        assertEquals(ReturnReason.DAMAGED, classifier.classify("Kapot aangekomen!").reason());
        ReasonVerdict verdict = classifier.classify("too big");
        assertEquals(ReturnReason.TOO_LARGE, verdict.reason());
        assertTrue(verdict.probability() > 1.0 / SAMPLES.size() && verdict.probability() <= 1.0);
        assertTrue(verdict.runnerUpProbability() <= verdict.probability());
    }

    @Test
    void aCommentWithoutWordsIsOtherForSure() {
        ReasonVerdict verdict = ReasonModelTrainer.classifier(ReasonModelTrainer.train(SAMPLES, "test")).classify("!!");
        assertEquals(ReturnReason.OTHER, verdict.reason());
        assertEquals(1.0, verdict.probability());
    }

    @Test
    void writesAVersionedModelTheFactoryReadsAndTheFastScorerReproduces(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("too_small.csv"), "category,text\nTOO_SMALL,te klein\n");
        String version = ReasonModelTrainer.version(List.of(data), LocalDate.of(2026, 12, 2));
        assertTrue(version.matches("return-reasons-2026-12-02-[0-9a-f]{12}"), version);
        DoccatModel model = ReasonModelTrainer.train(SAMPLES, version);
        assertNotNull(FastDoccatScorer.compile(model), "the fast scorer reads the reason model");
        Path file = dir.resolve("return-reasons.bin");
        ModelTrainer.write(model, file);

        OpenNlpReasonClassifierFactory factory = OpenNlpReasonClassifierFactory.fromFileOrBundled(file);
        assertEquals(version, factory.modelVersion());
        assertEquals(ReturnReason.CHANGED_MIND, factory.create().classify("Bedacht, niet meer nodig").reason());
    }

    @Test
    void refusesATicketModel(@TempDir Path dir) {
        List<LabeledText> tickets = List.of(new LabeledText(Category.DELIVERY, "", "waar is mijn pakket", "inline"),
                new LabeledText(Category.RETURNS, "", "hoe retourneer ik dit", "inline"));
        Path file = dir.resolve("doccat.bin");
        ModelTrainer.write(ModelTrainer.train(tickets, "tickets"), file);
        UserError error = assertThrows(UserError.class, () -> OpenNlpReasonClassifierFactory.fromFileOrBundled(file));
        assertTrue(error.getMessage().contains("is not a return-reason model"), error.getMessage());
    }
}
