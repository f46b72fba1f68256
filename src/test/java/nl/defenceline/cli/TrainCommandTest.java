package nl.defenceline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import nl.defenceline.classify.opennlp.OpenNlpClassifierFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The train command on a handful of inline texts: the shop's labels, the review file as it is, export labels. */
class TrainCommandTest {

    private static final String[][] TEXTS = {
        {"DELIVERY", "waar blijft mijn pakket"}, {"DELIVERY", "my parcel has not arrived"},
        {"DELIVERY", "track and trace zegt niets"}, {"DELIVERY", "when will my order be delivered"},
        {"RETURNS", "hoe stuur ik dit terug"}, {"RETURNS", "how do I return this"},
        {"RETURNS", "retourlabel ontbreekt"}, {"RETURNS", "I want to send it back"},
        {"STOCK", "wanneer weer op voorraad"}, {"STOCK", "when is it back in stock"},
        {"STOCK", "is maat M leverbaar"}, {"STOCK", "do you have it in blue"}};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int main(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Path labelled(Path file, String header, String... rows) throws Exception {
        return Files.writeString(file, header + "\n" + String.join("\n", rows) + "\n");
    }

    private static Path data(Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("category,text\n");
        for (String[] text : TEXTS) {
            csv.append(text[0]).append(',').append(text[1]).append('\n');
        }
        return Files.writeString(dir.resolve("data.csv"), csv.toString());
    }

    @Test
    void trainsOnTheShopsReviewFileAndCalibratesOnItsLabels(@TempDir Path dir) throws Exception {
        // A review file as a run writes it, with the category filled in for some rows by a reviewer.
        Path review = labelled(dir.resolve("uncertain.csv"),
                "source,id,category,text,predicted,confidence,runner_up,runner_up_confidence,language",
                "tickets,1,DELIVERY,pakket nog steeds niet binnen,STOCK,0.4,DELIVERY,0.3,nl",
                "tickets,2,RETURNS,ik wil ruilen voor een andere maat,STOCK,0.4,RETURNS,0.3,nl",
                "tickets,3,,geen idee wat dit is,OTHER,0.3,STOCK,0.2,nl",
                "tickets,4,STOCK,komt de zwarte terug,RETURNS,0.4,STOCK,0.3,nl",
                "tickets,5,DELIVERY,bezorger kwam niet,STOCK,0.4,DELIVERY,0.3,nl",
                "tickets,6,RETURNS,retour sturen kan dat,STOCK,0.4,RETURNS,0.3,nl",
                "tickets,7,STOCK,uitverkocht?,RETURNS,0.4,STOCK,0.3,nl");
        Path model = dir.resolve("shop.bin");

        int code = main("train", "--data", data(dir).toString(), "--real", "none", "--add", review.toString(),
                "--calibration-folds", "2", "--holdout", "0", "--model", model.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("added 6 labelled texts from " + review + " (1 rows without a category skipped)"),
                printed);
        assertTrue(printed.contains("each count 1 times"), "half of 12 texts over 6 shop texts: " + printed);
        assertTrue(OpenNlpClassifierFactory.fromFile(model).calibration().fitted(), "calibrated on the shop's labels");
        assertEquals(6, OpenNlpClassifierFactory.fromFile(model).calibration().texts());
        assertTrue(OpenNlpClassifierFactory.fromFile(model).calibration().biased(),
                "a log-bias per category fitted on the shop's labels is in the model");
        assertTrue(printed.contains("log-bias per category (PRODUCT_INFO "), printed);
    }

    @Test
    void ifChangedRetrainsWhenAnOptionOfTheRecipeChanged(@TempDir Path dir) throws Exception {
        Path data = data(dir);
        Path real = labelled(dir.resolve("real.csv"), "category,text", "DELIVERY,pakket nog steeds niet binnen",
                "RETURNS,ik wil ruilen voor een andere maat", "STOCK,komt de zwarte terug",
                "DELIVERY,bezorger kwam niet", "RETURNS,retour sturen kan dat", "STOCK,uitverkocht?");
        String model = dir.resolve("model.bin").toString();
        String[] train = {"train", "--data", data.toString(), "--real", real.toString(), "--calibration-folds", "2",
            "--model", model, "--if-changed"};
        assertEquals(0, main(train));
        out.reset();
        assertEquals(0, main(train));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("is up to date"), out.toString(StandardCharsets.UTF_8));
        out.reset();

        String[] heavier = Arrays.copyOf(train, train.length + 2);
        heavier[train.length] = "--real-weight";
        heavier[train.length + 1] = "3";
        assertEquals(0, main(heavier));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains("is up to date"), "another --real-weight is another model: " + printed);
        assertTrue(printed.contains("each counting 3 times"), printed);
    }

    @Test
    void addMayBeRepeated(@TempDir Path dir) throws Exception {
        Path first = labelled(dir.resolve("first.csv"), "category,text", "DELIVERY,pakket nog steeds niet binnen",
                "RETURNS,ik wil ruilen voor een andere maat", "STOCK,komt de zwarte terug");
        Path second = labelled(dir.resolve("second.csv"), "text,expected_category", "bezorger kwam niet,DELIVERY",
                "retour sturen kan dat,RETURNS", "uitverkocht?,STOCK");
        Path model = dir.resolve("shop.bin");

        int code = main("train", "--data", data(dir).toString(), "--real", "none", "--add", first.toString(),
                "--add=" + second, "--calibration-folds", "2", "--holdout", "0", "--model", model.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("added 3 labelled texts from " + first + "\n"), printed);
        assertTrue(printed.contains("added 3 labelled texts from " + second + "\n"), printed);
        assertEquals(6, OpenNlpClassifierFactory.fromFile(model).calibration().texts());
    }

    @Test
    void readsLabelsFromAnExportThroughALabelMap(@TempDir Path dir) throws Exception {
        Path export = Files.createDirectory(dir.resolve("export"));
        StringBuilder tickets = new StringBuilder("Id,Created at,Via,Subject,Requester id,Tags\n");
        String[][] labelled = {{"levering", "pakket komt niet"}, {"retour", "terugsturen graag"},
            {"voorraad", "weer leverbaar?"}, {"levering", "bezorging te laat"}, {"retour", "ruilen kan dat"},
            {"voorraad", "komt de maat S terug"}, {"vip", "hallo"}};
        for (int i = 0; i < labelled.length; i++) {
            tickets.append(i + 1).append(",2026-11-02 10:00:00 +0100,Mail,").append(labelled[i][1]).append(",")
                    .append(i).append(",").append(labelled[i][0]).append('\n');
        }
        Files.writeString(export.resolve("tickets.csv"), tickets.toString());
        Path map = labelled(dir.resolve("labels.csv"), "value,category", "levering,DELIVERY", "retour,RETURNS",
                "voorraad,STOCK");

        int code = main("train", "--data", data(dir).toString(), "--real", "none", "--export", export.toString(),
                "--labels-from", "Tags", "--label-map", map.toString(), "--calibration-folds", "2", "--holdout", "0",
                "--model", dir.resolve("shop.bin").toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("read 7 tickets from " + export + ": 6 labelled by Tags, 1 without a mapped value"),
                printed);
        assertTrue(printed.contains("values not in " + map + " (most frequent first): [vip]"), printed);
    }

    @Test
    void measuresTheShopModelAsItIsMadeOnHeldOutLabels(@TempDir Path dir) throws Exception {
        Path shop = labelled(dir.resolve("shop.csv"), "category,text", "DELIVERY,pakket nog steeds niet binnen",
                "RETURNS,ik wil ruilen voor een andere maat", "STOCK,komt de zwarte terug",
                "DELIVERY,bezorger kwam niet", "RETURNS,retour sturen kan dat", "STOCK,uitverkocht?",
                "DELIVERY,waar blijft mijn pakket", "RETURNS,hoe stuur ik het terug");
        Path model = dir.resolve("shop.bin");

        int code = main("train", "--data", data(dir).toString(), "--real", "none", "--add", shop.toString(),
                "--calibration-folds", "2", "--holdout", "0.5", "--model", model.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        // Four held out, the other four enough for two calibration folds: the figure is of a calibrated, biased model.
        assertTrue(printed.contains("on 4 held-out shop texts: macro-F1 "), printed);
        assertTrue(printed.contains(" with the other 4 (accuracy "), printed);
    }

    @Test
    void saysSoWhenTooFewShopLabelsAreLeftToCalibrateAHeldOutModel(@TempDir Path dir) throws Exception {
        Path shop = labelled(dir.resolve("shop.csv"), "category,text", "DELIVERY,pakket nog steeds niet binnen",
                "RETURNS,ik wil ruilen voor een andere maat", "STOCK,komt de zwarte terug",
                "DELIVERY,bezorger kwam niet", "RETURNS,retour sturen kan dat");

        int code = main("train", "--data", data(dir).toString(), "--real", "none", "--add", shop.toString(),
                "--calibration-folds", "2", "--holdout", "0.5", "--model", dir.resolve("shop.bin").toString());

        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(
                "too few added texts to hold some out; no figure for the shop's own texts"));
    }

    @Test
    void optionsOutsideTheirRangeOrWithoutTheirPartnerAreOneLineAndExitCodeTwo(@TempDir Path dir) throws Exception {
        String data = data(dir).toString();
        assertEquals(2, main("train", "--data", data, "--calibration-folds", "1"));
        assertEquals(2, main("train", "--data", data, "--holdout", "0.95"));
        assertEquals(2, main("train", "--data", data, "--folds", "1"));
        assertEquals(2, main("train", "--data", data, "--label-map", data));
        assertEquals(2, main("train", "--data", data, "--real", dir.resolve("nope").toString()));
        assertEquals(String.join("\n",
                "defence-line train: --calibration-folds must be at least 2, got 1; see 'defence-line train --help'",
                "defence-line train: --holdout must be between 0 and 0.9, got 0.95; see 'defence-line train --help'",
                "defence-line train: --folds must be 0 (skip) or at least 2, got 1",
                "defence-line train: --labels-from and --label-map go with --export DIR",
                "defence-line train: real labelled data " + dir.resolve("nope") + " does not exist; pass --real none"
                        + " to train an uncalibrated model", ""), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anExportWithoutALabelMapIsOneLineAndExitCodeTwo(@TempDir Path dir) throws Exception {
        assertEquals(2, main("train", "--data", data(dir).toString(), "--export", dir.toString()));
        assertEquals("defence-line train: --export needs --labels-from COLUMN and --label-map FILE\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void trainsTheReturnReasonModelOnItsDataAloneAndSkipsWhenUpToDate(@TempDir Path dir) throws Exception {
        Path data = labelled(dir.resolve("reasons.csv"), "category,language,text", "TOO_SMALL,nl,te klein",
                "TOO_SMALL,en,runs small", "TOO_LARGE,nl,te groot", "TOO_LARGE,en,too big", "OTHER,nl,zie mail",
                "OTHER,en,see my email");
        Path model = dir.resolve("return-reasons.bin");
        String[] train = {"train", "--model-kind", "return-reasons", "--data", data.toString(), "--model",
            model.toString(), "--if-changed"};

        assertEquals(0, main(train), err.toString());
        String version = nl.defenceline.classify.opennlp.OpenNlpReasonClassifierFactory.fromFileOrBundled(model)
                .modelVersion();
        assertTrue(version.startsWith("return-reasons-"), version);
        assertEquals(0, main(train));
        assertTrue(out.toString().contains("is up to date (" + version + ")"), out.toString());

        assertEquals(2, main("train", "--model-kind", "return-reasons", "--data", data.toString(), "--add",
                data.toString()));
        assertTrue(err.toString().contains("the return-reason model trains on --data alone"), err.toString());
    }
}
