package nl.defenceline.classify.opennlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.defenceline.classify.Category;
import nl.defenceline.classify.Evaluation;
import nl.defenceline.classify.LabeledText;
import nl.defenceline.classify.TextClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTrainerTest {

    private static final List<LabeledText> SAMPLES = new ArrayList<>();

    private static void add(Category category, String... texts) {
        for (String text : texts) {
            SAMPLES.add(new LabeledText(category, "", text, "inline"));
        }
    }

    static {
        add(Category.DELIVERY, "waar blijft mijn pakket", "my parcel has not arrived", "pakket niet bezorgd",
                "where is my package", "de bezorger is niet geweest");
        add(Category.RETURNS, "hoe kan ik dit retourneren", "how do I return this", "retourlabel ontbreekt",
                "I want to send it back", "terugsturen hoe werkt dat");
        add(Category.STOCK, "wanneer weer op voorraad", "when is it back in stock", "uitverkocht, komt hij terug",
                "is size M available again", "weer leverbaar");
        add(Category.PRICE_PAYMENT, "waar blijft mijn terugbetaling", "where is my refund", "twee keer betaald",
                "charged twice", "verzendkosten te hoog");
        add(Category.PRODUCT_INFO, "wat zijn de afmetingen", "what are the dimensions", "kleur anders dan foto",
                "which size should I take", "van welk materiaal");
        add(Category.TERMS, "ik wil mijn bestelling annuleren", "cancel my order", "hoe lang garantie",
                "what is the warranty", "algemene voorwaarden");
        add(Category.OTHER, "afmelden nieuwsbrief", "unsubscribe newsletter", "kan niet inloggen",
                "cannot log in to my account", "compliment voor de service");
    }

    @Test
    void learnsTheCategoriesOfItsExamples() {
        TextClassifier classifier = new OpenNlpClassifier(ModelTrainer.train(SAMPLES, "test"));
        assertEquals(Category.DELIVERY, classifier.classify("Waar blijft mijn pakket nou?").category());
        assertEquals(Category.STOCK, classifier.classify("When is it back in stock?").category());
        assertEquals(Category.RETURNS, classifier.classify("Hoe kan ik dit retourneren").category());
        double p = classifier.classify("waar blijft mijn pakket").probability();
        assertTrue(p > 1.0 / Category.values().length && p <= 1.0, "probability " + p);
    }

    @Test
    void writesAModelThatRecordsItsVersion(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data.csv");
        Files.writeString(data, "category,text\nDELIVERY,waar is mijn pakket\n");
        String version = ModelTrainer.version(List.of(data), java.time.LocalDate.of(2026, 11, 23));
        assertTrue(version.startsWith("doccat-2026-11-23-"), version);

        Path model = dir.resolve("model.bin");
        ModelTrainer.write(ModelTrainer.train(SAMPLES, version), model);

        assertEquals(version, ModelTrainer.versionOf(model));
        assertEquals(version, OpenNlpClassifierFactory.fromFile(model).modelVersion());
        assertEquals(Category.DELIVERY,
                OpenNlpClassifierFactory.fromFile(model).create().classify("pakket niet bezorgd").category());
    }

    @Test
    void changesTheDataHashWhenTheDataChanges(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data.csv");
        Files.writeString(data, "category,text\nDELIVERY,waar is mijn pakket\n");
        String before = ModelTrainer.dataHash(List.of(data));
        Files.writeString(data, "category,text\nDELIVERY,waar is mijn pakketje\n");
        assertTrue(!before.equals(ModelTrainer.dataHash(List.of(data))));
    }

    @Test
    void crossValidatesEveryExampleOnce() {
        Evaluation cv = ModelTrainer.crossValidate(SAMPLES, 5, 1);
        assertEquals(SAMPLES.size(), cv.total());
    }

    @Test
    void equalMassWeighsEachRealSourceAboutTheSameWithinBounds() {
        List<LabeledText> real = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            real.add(new LabeledText(Category.DELIVERY, "en", "where is parcel " + i, "big.csv:" + i, "big"));
        }
        for (int i = 0; i < 100; i++) {
            real.add(new LabeledText(Category.STOCK, "nl", "weer op voorraad " + i, "small.csv:" + i, "small"));
        }
        real.add(new LabeledText(Category.TERMS, "nl", "garantie", "tiny.csv:1", "tiny"));

        List<ModelTrainer.Weighted> groups = ModelTrainer.equalMass(real, 8);

        // The mean source has 401 / 3 texts: big 8 * 133.7 / 300 = 3.6, small 10.7, tiny 1069 but at most 32.
        assertEquals(List.of("big", "small", "tiny"), groups.stream().map(g -> g.texts().get(0).origin()).toList());
        assertEquals(List.of(4, 11, 32), groups.stream().map(ModelTrainer.Weighted::weight).toList());
        assertEquals(List.of(300, 100, 1), groups.stream().map(g -> g.texts().size()).toList());
        assertTrue(groups.stream().noneMatch(ModelTrainer.Weighted::shop));
        assertEquals(2 + 300 * 4 + 100 * 11 + 32, ModelTrainer.weighted(SAMPLES.subList(0, 2), groups).size());
    }
}
