package nl.defenceline.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.defenceline.classify.Category;
import nl.defenceline.classify.ClassifierFactory;
import nl.defenceline.classify.Evaluation;
import nl.defenceline.classify.LabeledText;
import nl.defenceline.classify.LabeledTextReader;
import nl.defenceline.classify.opennlp.OpenNlpClassifierFactory;
import nl.defenceline.publish.OutputFolder;
import nl.defenceline.publish.RunSummaryWriter;

/** {@code evaluate}: measure a model on labelled texts it was not trained on. */
final class EvaluateCommand implements Command {

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "Measure the classifier on labelled texts: precision, recall, F1, confusion matrix, macro-F1.";
    }

    @Override
    public List<String> usage() {
        return List.of(
                "--labeled FILE         CSV with columns text and expected_category (or category)",
                "--model FILE           model from 'train' (default: the model bundled in the build)",
                "--json FILE            where to write the figures as JSON (default: evaluation.json beside FILE's name"
                        + " in the working folder)");
    }

    @Override
    public Options.Spec spec() {
        return new Options.Spec(Set.of("labeled", "model", "json"), Set.of());
    }

    @Override
    public int run(Options options, PrintStream out, PrintStream err) {
        Path labeled = Path.of(options.required("labeled"));
        List<LabeledText> texts = LabeledTextReader.read(labeled);
        ClassifierFactory factory = OpenNlpClassifierFactory.fromFileOrBundled(options.path("model"));
        Evaluation evaluation = Evaluation.of(factory.create(), texts);
        Path json = Path.of(options.get("json", "evaluation.json")).toAbsolutePath();
        RunSummaryWriter.write(OutputFolder.local(json.getParent()), json.getFileName().toString(),
                figures(evaluation, factory.modelVersion(), labeled));
        out.printf("model %s on %d texts from %s%n%n", factory.modelVersion(), texts.size(), labeled);
        out.print(evaluation.report());
        out.println("figures written to " + json);
        out.printf(Locale.ROOT, "macro-F1: %.3f%n", evaluation.macroF1());
        return Main.OK;
    }

    private static Map<String, Object> figures(Evaluation evaluation, String version, Path labeled) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("model_version", version);
        figures.put("labeled", labeled.toString());
        figures.put("texts", evaluation.total());
        figures.put("accuracy", evaluation.accuracy());
        figures.put("macro_f1", evaluation.macroF1());
        Map<String, Object> perCategory = new LinkedHashMap<>();
        Map<String, Object> confusion = new LinkedHashMap<>();
        for (Category expected : Category.trainedValues()) {
            perCategory.put(expected.name(), Map.of("precision", evaluation.precision(expected),
                    "recall", evaluation.recall(expected), "f1", evaluation.f1(expected),
                    "support", evaluation.support(expected)));
            Map<String, Object> row = new LinkedHashMap<>();
            for (Category predicted : Category.trainedValues()) {
                row.put(predicted.name(), evaluation.count(expected, predicted));
            }
            confusion.put(expected.name(), row);
        }
        figures.put("per_category", perCategory);
        figures.put("confusion", confusion);
        return figures;
    }
}
