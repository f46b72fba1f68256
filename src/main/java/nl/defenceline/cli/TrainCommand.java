package nl.defenceline.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import nl.defenceline.UserError;
import nl.defenceline.classify.Evaluation;
import nl.defenceline.classify.LabeledText;
import nl.defenceline.classify.LabeledTextReader;
import nl.defenceline.classify.opennlp.ModelTrainer;
import nl.defenceline.ingest.ExportLabels;
import opennlp.tools.doccat.DoccatModel;

/**
 * {@code train}: train the classifier from labelled CSVs (the bundled data, real labelled text and, optionally, the
 * shop's own labels), calibrate it on the real texts by cross-fitting, and write a versioned model.
 */
final class TrainCommand implements Command {

    static final String DEFAULT_DATA = "sample-data/training";
    static final String DEFAULT_REAL = "sample-data/training/real";

    /** Each real, human-written text counts this often: there are few, and they are what customers write. */
    static final int DEFAULT_REAL_WEIGHT = 8;

    /** Folds of the cross-fitting that calibrates the model on the real texts. */
    static final int DEFAULT_CALIBRATION_FOLDS = 5;
    static final String DEFAULT_MODEL = "target/model/doccat.bin";

    /** Share of the shop's labels kept out of training to measure the model on them. */
    static final double DEFAULT_HOLDOUT = 0.25;

    /**
     * The shop's labels together weigh this share of the bundled data (each counted several times), so a few hundred
     * of them move a model trained on ten thousand texts.
     */
    static final double SHOP_WEIGHT = 0.25;

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "Train the classifier from labelled examples (plus the shop's own), calibrate it, write the model.";
    }

    @Override
    public List<String> usage() {
        return List.of(
                "--data DIR|FILE        labelled CSVs with columns category,text[,language,source] (default "
                        + DEFAULT_DATA + ")",
                "--real DIR|FILE        real, human-written labelled texts: trained on (each counting --real-weight"
                        + " times) and calibrated on by cross-fitting (default " + DEFAULT_REAL
                        + "; 'none' for an uncalibrated model of --data alone)",
                "--real-weight W        how many times each real text counts (default " + DEFAULT_REAL_WEIGHT + ")",
                "--calibration-folds K  folds of the cross-fitted calibration (default " + DEFAULT_CALIBRATION_FOLDS
                        + ")",
                "--add FILE             the shop's own labelled texts (text and category or expected_category, or a"
                        + " reviewed review/uncertain.csv); may be repeated",
                "--export DIR           an export folder whose tickets carry the shop's own labels (with --labels-from"
                        + " and --label-map); may be combined with --add",
                "--labels-from COLUMN   the tickets' column with the labels, e.g. Tags (Zendesk), Type (Freshdesk)",
                "--label-map FILE       CSV value,category mapping label values to categories",
                "--add-weight W         how many times each added text counts (default: the added texts together"
                        + " weigh a quarter of the bundled texts, real ones counted with their weight)",
                "--holdout S            share of the added texts held out to measure the model on (default "
                        + DEFAULT_HOLDOUT + ", 0 to train on all without a figure)",
                "--model FILE           where to write the model (default " + DEFAULT_MODEL + ")",
                "--folds K              k-fold cross-validation on --data before training (default 0: skip; figures"
                        + " on text like the training data say little about customers' text)",
                "--if-changed           do nothing when FILE already holds a model of the same data and recipe");
    }

    @Override
    public Options.Spec spec() {
        return new Options.Spec(Set.of("data", "real", "real-weight", "calibration-folds", "add", "export",
                "labels-from", "label-map", "add-weight", "holdout", "model", "folds"), Set.of("if-changed"));
    }

    @Override
    public int run(Options options, PrintStream out, PrintStream err) {
        Path data = Path.of(options.get("data", DEFAULT_DATA));
        String realOption = options.get("real", DEFAULT_REAL);
        Path real = realOption.equals("none") ? null : Path.of(realOption);
        if (real != null && !Files.exists(real)) {
            throw new UserError("real labelled data " + real + " does not exist; pass --real none to train an"
                    + " uncalibrated model");
        }
        int realWeight = options.integer("real-weight", DEFAULT_REAL_WEIGHT, 1);
        int calibrationFolds = options.integer("calibration-folds", DEFAULT_CALIBRATION_FOLDS, 2);
        List<Path> added = options.all("add").stream().map(Path::of).toList();
        String export = options.get("export", null);
        if (export != null && !(options.has("labels-from") && options.has("label-map"))) {
            throw new UserError("--export needs --labels-from COLUMN and --label-map FILE");
        }
        if (export == null && (options.has("labels-from") || options.has("label-map"))) {
            throw new UserError("--labels-from and --label-map go with --export DIR");
        }
        Path model = Path.of(options.get("model", DEFAULT_MODEL));
        int folds = options.integer("folds", 0, 0);
        if (folds == 1) {
            throw new UserError("--folds must be 0 (skip) or at least 2, got 1");
        }
        double holdout = options.decimal("holdout", DEFAULT_HOLDOUT, 0, 0.9);

        List<Path> files = new ArrayList<>(LabeledTextReader.files(data));
        if (real != null) {
            files.addAll(LabeledTextReader.files(real));
        }
        for (Path file : added) {
            files.addAll(LabeledTextReader.files(file));
        }
        if (export != null) {
            // The label map is part of the hash, the export's tickets are not: --if-changed never skips an --export.
            files.add(Path.of(options.required("label-map")));
        }
        String hash = ModelTrainer.dataHash(files);
        String existing = ModelTrainer.versionOf(model);
        if (options.flag("if-changed") && export == null && existing != null && existing.endsWith("-" + hash)) {
            out.println("model " + model + " is up to date (" + existing + ")");
            return Main.OK;
        }

        List<LabeledText> texts = LabeledTextReader.read(data);
        List<LabeledText> realTexts = real == null ? List.of() : LabeledTextReader.read(real);
        out.printf("training on %d labelled texts from %s and %d real ones from %s (each counting %d times)%n",
                texts.size(), data, realTexts.size(), real, realWeight);
        if (folds > 1) {
            Evaluation cv = ModelTrainer.crossValidate(texts, folds, 42);
            out.printf("%d-fold cross-validation on %s:%n%s", folds, data, cv.report());
            out.printf(Locale.ROOT, "cross-validation macro-F1: %.3f%n", cv.macroF1());
        }
        List<LabeledText> shop = shopLabels(added, out);
        if (export != null) {
            shop.addAll(exportLabels(export, options.required("labels-from"), Path.of(options.required("label-map")),
                    out));
        }
        List<LabeledText> base = ModelTrainer.weighted(texts, realTexts, realWeight);
        int weight = 1;
        if (!shop.isEmpty()) {
            weight = options.has("add-weight") ? options.integer("add-weight", 1, 1)
                    : Math.max(1, (int) Math.round(SHOP_WEIGHT * base.size() / shop.size()));
            out.printf("the shop's %d labelled texts each count %d times%n", shop.size(), weight);
            if (holdout > 0) {
                measureOnHeldOutShopLabels(base, shop, weight, holdout, out);
            }
        }
        String version = ModelTrainer.version(files, LocalDate.now(ZoneOffset.UTC));
        DoccatModel trained;
        if (realTexts.isEmpty() && shop.isEmpty()) {
            trained = ModelTrainer.train(texts, version);
            out.println("no real labelled texts: the model is not calibrated");
        } else {
            if (realTexts.size() + shop.size() < 2 * calibrationFolds) {
                throw new UserError("calibrating by " + calibrationFolds + "-fold cross-fitting needs at least "
                        + 2 * calibrationFolds + " real or shop texts, got " + (realTexts.size() + shop.size()));
            }
            trained = ModelTrainer.trainCalibrated(texts, List.of(
                    new ModelTrainer.Weighted(realTexts, realWeight, false), new ModelTrainer.Weighted(shop, weight, true)),
                    calibrationFolds, version);
            out.printf(Locale.ROOT, "calibrated by %d-fold cross-fitting on %d real texts: %s%n", calibrationFolds,
                    realTexts.size() + shop.size(), ModelTrainer.calibrationOf(trained).summary());
        }
        ModelTrainer.write(trained, model);
        out.println("model " + version + " written to " + model);
        return Main.OK;
    }

    private static List<LabeledText> shopLabels(List<Path> added, PrintStream out) {
        List<LabeledText> shop = new ArrayList<>();
        for (Path file : added) {
            LabeledTextReader.ShopLabels labels = LabeledTextReader.readShopLabels(file);
            out.printf("added %d labelled texts from %s%s%n", labels.texts().size(), file,
                    labels.unlabelled() == 0 ? "" : " (" + labels.unlabelled() + " rows without a category skipped)");
            shop.addAll(labels.texts());
        }
        if (!added.isEmpty() && shop.isEmpty()) {
            throw new UserError("no labelled texts in " + added + ": fill in the category column first");
        }
        return shop;
    }

    private static List<LabeledText> exportLabels(String export, String column, Path labelMap, PrintStream out) {
        ExportLabels.Result labels = ExportLabels.read(export, column, ExportLabels.readMap(labelMap));
        out.printf("read %d tickets from %s: %d labelled by %s, %d without a mapped value, %d with values that"
                        + " disagree (skipped), %d unusable rows%n", labels.tickets(), export, labels.texts().size(),
                column, labels.unmapped(), labels.conflicting(), labels.unusable());
        if (!labels.unmappedValues().isEmpty()) {
            out.println("values not in " + labelMap + " (most frequent first): " + labels.unmappedValues());
        }
        if (labels.texts().isEmpty()) {
            throw new UserError("no ticket in " + export + " has a value of " + column + " that " + labelMap
                    + " maps to a category");
        }
        return labels.texts();
    }

    /** Trains without a held-out part of the shop's labels and prints how the model does on that part. */
    private static void measureOnHeldOutShopLabels(List<LabeledText> texts, List<LabeledText> shop, int weight,
                                                   double holdout, PrintStream out) {
        List<LabeledText> shuffled = new ArrayList<>(shop);
        Collections.shuffle(shuffled, new Random(42));
        int test = (int) Math.round(holdout * shuffled.size());
        if (test == 0 || test == shuffled.size()) {
            out.println("too few added texts to hold some out; no figure for the shop's own texts");
            return;
        }
        List<LabeledText> heldOut = shuffled.subList(0, test);
        List<LabeledText> rest = shuffled.subList(test, shuffled.size());
        Evaluation before = Evaluation.of(ModelTrainer.classifier(ModelTrainer.train(texts, "without-shop")), heldOut);
        Evaluation after = Evaluation.of(
                ModelTrainer.classifier(ModelTrainer.train(ModelTrainer.weighted(texts, rest, weight), "held-out")), heldOut);
        out.printf(Locale.ROOT, "on %d held-out shop texts: macro-F1 %.3f without the shop's labels, %.3f with the"
                + " other %d (accuracy %.3f -> %.3f)%n%s", heldOut.size(), before.macroF1(), after.macroF1(),
                rest.size(), before.accuracy(), after.accuracy(), after.report());
    }
}
