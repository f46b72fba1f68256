package nl.defenceline.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.defenceline.UserError;
import nl.defenceline.classify.Evaluation;
import nl.defenceline.classify.LabeledText;
import nl.defenceline.classify.LabeledTextReader;
import nl.defenceline.classify.opennlp.ModelTrainer;

/** {@code train}: train the classifier from labelled CSVs, cross-validate it and write a versioned model. */
final class TrainCommand implements Command {

    static final String DEFAULT_DATA = "sample-data/training";
    static final String DEFAULT_MODEL = "target/model/doccat.bin";

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "Train the classifier from labelled examples, print k-fold cross-validation, write the model.";
    }

    @Override
    public List<String> usage() {
        return List.of(
                "--data DIR|FILE        labelled CSVs with columns category,text[,language] (default " + DEFAULT_DATA + ")",
                "--model FILE           where to write the model (default " + DEFAULT_MODEL + ")",
                "--folds K              k-fold cross-validation before training, 0 to skip (default 10)",
                "--if-changed           do nothing when FILE already holds a model of the same data and recipe");
    }

    @Override
    public Options.Spec spec() {
        return new Options.Spec(Set.of("data", "model", "folds"), Set.of("if-changed"));
    }

    @Override
    public int run(Options options, PrintStream out, PrintStream err) {
        Path data = Path.of(options.get("data", DEFAULT_DATA));
        Path model = Path.of(options.get("model", DEFAULT_MODEL));
        int folds = options.integer("folds", 10, 0);
        List<Path> files = LabeledTextReader.files(data);
        String hash = ModelTrainer.dataHash(files);
        String existing = ModelTrainer.versionOf(model);
        if (options.flag("if-changed") && existing != null && existing.endsWith("-" + hash)) {
            out.println("model " + model + " is up to date (" + existing + ")");
            return Main.OK;
        }
        List<LabeledText> texts = LabeledTextReader.read(data);
        out.printf("training on %d labelled texts from %s%n", texts.size(), data);
        if (folds == 1) {
            throw new UserError("--folds must be 0 (skip) or at least 2, got 1");
        }
        if (folds > 1) {
            Evaluation cv = ModelTrainer.crossValidate(texts, folds, 42);
            out.printf("%d-fold cross-validation:%n%s", folds, cv.report());
            out.printf(Locale.ROOT, "cross-validation macro-F1: %.3f%n", cv.macroF1());
        }
        String version = ModelTrainer.version(files, LocalDate.now(ZoneOffset.UTC));
        ModelTrainer.write(ModelTrainer.train(texts, version), model);
        out.println("model " + version + " written to " + model);
        return Main.OK;
    }
}
