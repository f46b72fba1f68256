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
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import nl.defenceline.ExitCode;
import nl.defenceline.UserError;
import nl.defenceline.classify.Evaluation;
import nl.defenceline.classify.LabeledText;
import nl.defenceline.classify.LabeledReason;
import nl.defenceline.classify.LabeledReasonReader;
import nl.defenceline.classify.LabeledTextReader;
import nl.defenceline.classify.ReasonEvaluation;
import nl.defenceline.classify.opennlp.ModelTrainer;
import nl.defenceline.classify.opennlp.ReasonModelTrainer;
import nl.defenceline.ingest.ExportLabels;
import opennlp.tools.doccat.DoccatModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code train}: train the classifier from labelled CSVs (the bundled data, real labelled text and, optionally, the
 * shop's own labels), calibrate it on the real texts by cross-fitting, and write a versioned model.
 */
@Command(name = "train",
        description = "Train the classifier from labelled examples (plus the shop's own), calibrate it, write the"
                + " model.")
final class TrainCommand implements Callable<Integer> {

    static final String DEFAULT_DATA = "sample-data/training";
    static final String DEFAULT_REASON_DATA = "sample-data/training/returns-reasons";
    static final String DEFAULT_REASON_MODEL = "target/model/return-reasons.bin";
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
     * of them move a model trained on ten thousand texts. Half did better than a quarter on each of three draws of
     * 200 labels of a shop the bundled data do not know (README, learning curve).
     */
    static final double SHOP_WEIGHT = 0.5;

    /** {@code --real none}: no real texts, an uncalibrated model. */
    private static final Path NONE = Path.of("none");

    @Option(names = "--model-kind", paramLabel = "KIND", description = "tickets (default: the line-of-defence"
            + " categories) or return-reasons (the reasons in return comments: trained on --data alone, default "
            + DEFAULT_REASON_DATA + ", written to --model, default " + DEFAULT_REASON_MODEL + ")")
    private ModelKind kind = ModelKind.TICKETS;

    @Option(names = "--data", paramLabel = "DIR|FILE", description = "labelled CSVs with columns"
            + " category,text[,language,source] (default " + DEFAULT_DATA + ")")
    private Path dataOption;

    @Option(names = "--real", paramLabel = "DIR|FILE|none", description = "real, human-written labelled texts:"
            + " trained on (each source weighing about as much, see --real-weight) and calibrated on by"
            + " cross-fitting (default"
            + " ${DEFAULT-VALUE}; 'none' for an uncalibrated model of --data alone)")
    private Path realOption = Path.of(DEFAULT_REAL);

    @Option(names = "--real-weight", paramLabel = "W",
            description = "how many times each real text counts (default: each source (the texts' source column,"
            + " else their file) weighs about as much, a text counting " + DEFAULT_REAL_WEIGHT + " times the mean"
            + " source size over its source's size, between 2 and 32)")
    @Range(min = 1)
    private Integer realWeight;

    @Option(names = "--calibration-folds", paramLabel = "K",
            description = "folds of the cross-fitted calibration (default ${DEFAULT-VALUE})")
    @Range(min = 2)
    private int calibrationFolds = DEFAULT_CALIBRATION_FOLDS;

    @Option(names = "--add", paramLabel = "FILE", description = "the shop's own labelled texts (text and category or"
            + " expected_category, or a reviewed review/uncertain.csv); may be repeated")
    private List<Path> added = new ArrayList<>();

    @Option(names = "--export", paramLabel = "DIR", description = "an export folder whose tickets carry the shop's own"
            + " labels (with --labels-from and --label-map); may be combined with --add")
    private String export;

    @Option(names = "--labels-from", paramLabel = "COLUMN",
            description = "the tickets' column with the labels, e.g. Tags (Zendesk), Type (Freshdesk)")
    private String labelsFrom;

    @Option(names = "--label-map", paramLabel = "FILE", description = "CSV value,category mapping label values to"
            + " categories")
    private Path labelMap;

    @Option(names = "--add-weight", paramLabel = "W", description = "how many times each added text counts (default:"
            + " the added texts together weigh half of the bundled texts, real ones counted with their weight)")
    @Range(min = 1)
    private Integer addWeight;

    @Option(names = "--holdout", paramLabel = "S", description = "share of the added texts held out to measure the"
            + " model on (default ${DEFAULT-VALUE}, 0 to train on all without a figure)")
    @Range(min = 0, max = 0.9)
    private double holdout = DEFAULT_HOLDOUT;

    @Option(names = "--model", paramLabel = "FILE", description = "where to write the model (default "
            + DEFAULT_MODEL + ")")
    private Path modelOption;

    @Option(names = "--folds", paramLabel = "K", description = "k-fold cross-validation on --data before training"
            + " (default ${DEFAULT-VALUE}: skip; figures on text like the training data say little about customers'"
            + " text)")
    @Range(min = 0)
    private int folds;

    @Option(names = "--if-changed",
            description = "do nothing when the --model file already holds a model of the same data and recipe")
    private boolean ifChanged;

    private final PrintStream out;

    TrainCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (kind == ModelKind.RETURN_REASONS) {
            return trainReasons(dataOption != null ? dataOption : Path.of(DEFAULT_REASON_DATA),
                    modelOption != null ? modelOption : Path.of(DEFAULT_REASON_MODEL));
        }
        Path data = dataOption != null ? dataOption : Path.of(DEFAULT_DATA);
        Path model = modelOption != null ? modelOption : Path.of(DEFAULT_MODEL);
        Path real = realOption.equals(NONE) ? null : realOption;
        if (real != null && !Files.exists(real)) {
            throw new UserError("real labelled data " + real + " does not exist; pass --real none to train an"
                    + " uncalibrated model");
        }
        if (export != null && (labelsFrom == null || labelMap == null)) {
            throw new UserError("--export needs --labels-from COLUMN and --label-map FILE");
        }
        if (export == null && (labelsFrom != null || labelMap != null)) {
            throw new UserError("--labels-from and --label-map go with --export DIR");
        }
        if (folds == 1) {
            throw new UserError("--folds must be 0 (skip) or at least 2, got 1");
        }

        List<Path> files = new ArrayList<>(LabeledTextReader.files(data));
        if (real != null) {
            files.addAll(LabeledTextReader.files(real));
        }
        for (Path file : added) {
            files.addAll(LabeledTextReader.files(file));
        }
        if (export != null) {
            // The label map is part of the hash, the export's tickets are not: --if-changed never skips an --export.
            files.add(labelMap);
        }
        String hash = ModelTrainer.dataHash(files, recipeOptions());
        String existing = ModelTrainer.versionOf(model);
        if (ifChanged && export == null && existing != null && existing.endsWith("-" + hash)) {
            out.println("model " + model + " is up to date (" + existing + ")");
            return ExitCode.OK.code();
        }

        List<LabeledText> texts = LabeledTextReader.read(data);
        List<LabeledText> realTexts = real == null ? List.of() : LabeledTextReader.read(real);
        List<ModelTrainer.Weighted> realGroups = realWeight != null
                ? List.of(new ModelTrainer.Weighted(realTexts, realWeight, false))
                : ModelTrainer.equalMass(realTexts, DEFAULT_REAL_WEIGHT);
        out.printf("training on %d labelled texts from %s and %d real ones from %s (%s)%n", texts.size(), data,
                realTexts.size(), real, realWeight != null ? "each counting " + realWeight + " times"
                        : "per source, texts x weight: " + realGroups.stream().map(g -> g.texts().get(0).origin() + " "
                                + g.texts().size() + " x " + g.weight()).collect(Collectors.joining(", ")));
        if (folds > 1) {
            Evaluation cv = ModelTrainer.crossValidate(texts, folds, 42);
            out.printf("%d-fold cross-validation on %s:%n%s", folds, data, cv.report());
            out.printf(Locale.ROOT, "cross-validation macro-F1: %.3f%n", cv.macroF1());
        }
        List<LabeledText> shop = shopLabels(added, out);
        if (export != null) {
            shop.addAll(exportLabels(export, labelsFrom, labelMap, out));
        }
        List<LabeledText> base = ModelTrainer.weighted(texts, realGroups);
        int weight = 1;
        if (!shop.isEmpty()) {
            weight = addWeight != null ? addWeight
                    : Math.max(1, (int) Math.round(SHOP_WEIGHT * base.size() / shop.size()));
            out.printf("the shop's %d labelled texts each count %d times%n", shop.size(), weight);
            if (holdout > 0) {
                measureOnHeldOutShopLabels(texts, realGroups, shop, weight, holdout, calibrationFolds, out);
            }
        }
        String version = ModelTrainer.version(files, recipeOptions(), LocalDate.now(ZoneOffset.UTC));
        DoccatModel trained;
        if (realTexts.isEmpty() && shop.isEmpty()) {
            trained = ModelTrainer.train(texts, version);
            out.println("no real labelled texts: the model is not calibrated");
        } else {
            if (realTexts.size() + shop.size() < 2 * calibrationFolds) {
                throw new UserError("calibrating by " + calibrationFolds + "-fold cross-fitting needs at least "
                        + 2 * calibrationFolds + " real or shop texts, got " + (realTexts.size() + shop.size()));
            }
            trained = ModelTrainer.trainCalibrated(texts, withShop(realGroups, shop, weight), calibrationFolds,
                    version);
            out.printf(Locale.ROOT, "calibrated by %d-fold cross-fitting on %d real texts: %s%n", calibrationFolds,
                    realTexts.size() + shop.size(), ModelTrainer.calibrationOf(trained).summary());
        }
        ModelTrainer.write(trained, model);
        out.println("model " + version + " written to " + model);
        return ExitCode.OK.code();
    }

    /**
     * Trains the return-reason model on labelled return comments alone: no real or shop texts, no calibration (the
     * options for those belong to the ticket model and are refused here).
     */
    private Integer trainReasons(Path data, Path model) {
        if (!realOption.equals(Path.of(DEFAULT_REAL)) || !added.isEmpty() || export != null || addWeight != null) {
            throw new UserError("--real, --add, --export and --add-weight train the ticket model; the return-reason"
                    + " model trains on --data alone");
        }
        if (folds == 1) {
            throw new UserError("--folds must be 0 (skip) or at least 2, got 1");
        }
        List<Path> files = LabeledTextReader.files(data);
        String hash = ReasonModelTrainer.dataHash(files);
        String existing = ModelTrainer.versionOf(model);
        if (ifChanged && existing != null && existing.endsWith("-" + hash)) {
            out.println("model " + model + " is up to date (" + existing + ")");
            return ExitCode.OK.code();
        }
        List<LabeledReason> texts = LabeledReasonReader.read(data);
        out.printf("training the return-reason model on %d labelled return comments from %s%n", texts.size(), data);
        if (folds > 1) {
            ReasonEvaluation cv = ReasonModelTrainer.crossValidate(texts, folds, 42);
            out.printf("%d-fold cross-validation on %s:%n%s", folds, data, cv.report());
            out.printf(Locale.ROOT, "cross-validation macro-F1: %.3f%n", cv.macroF1());
        }
        String version = ReasonModelTrainer.version(files, LocalDate.now(ZoneOffset.UTC));
        ModelTrainer.write(ReasonModelTrainer.train(texts, version), model);
        out.println("model " + version + " written to " + model);
        return ExitCode.OK.code();
    }

    /** The real texts' groups and the shop's labels, each of them counting {@code weight} times. */
    private static List<ModelTrainer.Weighted> withShop(List<ModelTrainer.Weighted> realGroups, List<LabeledText> shop,
                                                        int weight) {
        List<ModelTrainer.Weighted> groups = new ArrayList<>(realGroups);
        groups.add(new ModelTrainer.Weighted(shop, weight, true));
        return groups;
    }

    /**
     * The options that change the ticket model, where they differ from their defaults: part of its version's hash, so
     * that --if-changed retrains when one of them changes, and a model of the defaults keeps its version.
     */
    private String recipeOptions() {
        StringBuilder options = new StringBuilder();
        if (realWeight != null) {
            options.append(";real-weight=").append(realWeight);
        }
        if (calibrationFolds != DEFAULT_CALIBRATION_FOLDS) {
            options.append(";calibration-folds=").append(calibrationFolds);
        }
        if (addWeight != null) {
            options.append(";add-weight=").append(addWeight);
        }
        return options.toString();
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

    /**
     * Trains without a held-out part of the shop's labels and prints how the model does on that part: the bundled
     * recipe alone, and the model as this command makes it from the shop's other labels (calibrated, with their bias).
     */
    private static void measureOnHeldOutShopLabels(List<LabeledText> texts, List<ModelTrainer.Weighted> realGroups,
                                                   List<LabeledText> shop, int weight, double holdout,
                                                   int calibrationFolds, PrintStream out) {
        int realTexts = realGroups.stream().mapToInt(g -> g.texts().size()).sum();
        List<LabeledText> shuffled = new ArrayList<>(shop);
        Collections.shuffle(shuffled, new Random(42));
        int test = (int) Math.round(holdout * shuffled.size());
        if (test == 0 || test == shuffled.size() || realTexts + shuffled.size() - test < 2 * calibrationFolds) {
            out.println("too few added texts to hold some out; no figure for the shop's own texts");
            return;
        }
        List<LabeledText> heldOut = shuffled.subList(0, test);
        List<LabeledText> rest = shuffled.subList(test, shuffled.size());
        // The bundled recipe has no bias, and the temperature does not change a best guess: the raw model will do.
        Evaluation before = Evaluation.of(ModelTrainer.classifier(
                ModelTrainer.train(ModelTrainer.weighted(texts, realGroups), "without-shop")), heldOut);
        Evaluation after = Evaluation.of(ModelTrainer.classifier(ModelTrainer.trainCalibrated(texts,
                withShop(realGroups, rest, weight), calibrationFolds, "held-out")), heldOut);
        out.printf(Locale.ROOT, "on %d held-out shop texts: macro-F1 %.3f without the shop's labels, %.3f with the"
                + " other %d (accuracy %.3f -> %.3f)%n%s", heldOut.size(), before.macroF1(), after.macroF1(),
                rest.size(), before.accuracy(), after.accuracy(), after.report());
    }
}
