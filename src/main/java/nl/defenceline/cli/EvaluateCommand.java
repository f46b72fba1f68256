package nl.defenceline.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import nl.defenceline.ExitCode;
import nl.defenceline.UserError;
import nl.defenceline.classify.Calibration;
import nl.defenceline.classify.Category;
import nl.defenceline.classify.ClassifierFactory;
import nl.defenceline.classify.Classification;
import nl.defenceline.classify.Evaluation;
import nl.defenceline.classify.LabeledText;
import nl.defenceline.classify.LabeledReason;
import nl.defenceline.classify.LabeledReasonReader;
import nl.defenceline.classify.LabeledTextReader;
import nl.defenceline.classify.ReasonClassifier;
import nl.defenceline.classify.ReasonClassifierFactory;
import nl.defenceline.classify.ReasonEvaluation;
import nl.defenceline.classify.ReasonVerdict;
import nl.defenceline.classify.ReturnReason;
import nl.defenceline.classify.ReturnReasonDecision;
import nl.defenceline.classify.ShareEstimator;
import nl.defenceline.classify.ShareEvaluation;
import nl.defenceline.classify.TextClassifier;
import nl.defenceline.classify.opennlp.OpenNlpClassifierFactory;
import nl.defenceline.classify.opennlp.OpenNlpReasonClassifierFactory;
import nl.defenceline.publish.OutputFolder;
import nl.defenceline.publish.RunSummaryWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code evaluate}: measure a model on labelled texts it was not trained on: F1 in total, per language and per
 * corpus; how well its probabilities are calibrated; what the review threshold costs; how far the estimated category
 * shares are from the true ones.
 */
@Command(name = "evaluate",
        description = "Measure the classifier on labelled texts: F1 per category, language and source, calibration,"
                + " shares.")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--labeled", required = true, paramLabel = "FILE|DIR", description = "CSV with columns text and"
            + " expected_category (or category), optional language and source; a folder reads every *.csv in it")
    private Path labeled;

    @Option(names = "--model", paramLabel = "FILE",
            description = "model from 'train' (default: the model of --model-kind bundled in the build)")
    private Path model;

    @Option(names = "--model-kind", paramLabel = "KIND", description = "tickets (default) or return-reasons: the"
            + " return-reason model on return comments labelled with a reason (LOOKS_DIFFERENT, TOO_SMALL, ...)")
    private ModelKind kind = ModelKind.TICKETS;

    @Option(names = "--min-confidence", paramLabel = "P",
            description = "review threshold to report on (default: the model's own)")
    @Range(min = 0, max = 1)
    private Double minConfidence;

    @Option(names = "--json", paramLabel = "FILE",
            description = "where to write the figures as JSON (default ${DEFAULT-VALUE} in the working folder)")
    private Path json = Path.of("evaluation.json");

    private final PrintStream out;

    EvaluateCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (kind == ModelKind.RETURN_REASONS) {
            return evaluateReasons();
        }
        List<LabeledText> texts = LabeledTextReader.read(labeled);
        if (texts.isEmpty()) {
            throw new UserError("no labelled texts in " + labeled);
        }
        ClassifierFactory factory = OpenNlpClassifierFactory.fromFileOrBundled(model);
        Calibration calibration = factory.calibration();
        double threshold = minConfidence != null ? minConfidence : calibration.minConfidence();
        Evaluation raw = Evaluation.of(factory.withCalibration(Calibration.none()).create(), texts);
        TextClassifier classifier = factory.create();
        List<Classification> verdicts = texts.stream().map(t -> classifier.classify(t.text())).toList();
        Evaluation total = evaluate(texts, verdicts, t -> "all").get("all");
        Map<String, Evaluation> perLanguage = evaluate(texts, verdicts,
                t -> t.language().isBlank() ? "unknown" : t.language());
        Map<String, Evaluation> perOrigin = evaluate(texts, verdicts, LabeledText::origin);
        // An uncalibrated model has no confusion matrix to correct with: its "adjusted" figure is plain counting.
        ShareEvaluation shares = new ShareEvaluation(calibration.fitted()
                ? ShareEstimator.correcting(calibration.confusion()) : ShareEstimator.counting(), threshold);
        for (LabeledText text : texts) {
            shares.add(text.category(), classifier.probabilities(text.text()));
        }
        Map<ShareEvaluation.Method, Double> natural = shares.onTheTextsMix();
        Map<ShareEvaluation.Method, Double> mixes = shares.overRandomMixes();

        out.printf("model %s on %d texts from %s%n%n", factory.modelVersion(), texts.size(), labeled);
        out.print(total.report());
        out.println();
        out.printf("%-28s %6s %9s %9s%n", "group", "texts", "accuracy", "macro-F1");
        perLanguage.forEach((language, e) -> out.printf(Locale.ROOT, "%-28s %6d %9.3f %9.3f%n",
                "language " + language, e.total(), e.accuracy(), e.macroF1()));
        perOrigin.forEach((origin, e) -> out.printf(Locale.ROOT, "%-28s %6d %9.3f %9.3f%n",
                "source " + origin, e.total(), e.accuracy(), e.macroF1()));
        out.println();
        out.printf(Locale.ROOT, "calibration: %s%n", calibration.summary());
        out.printf(Locale.ROOT, "expected calibration error: %.3f before calibration, %.3f after%n",
                raw.calibrationError(), total.calibrationError());
        out.printf(Locale.ROOT, "at --min-confidence %.3f: %.1f %% of the texts UNCERTAIN, the rest %.1f %% right%n",
                threshold, 100 * total.uncertainShare(threshold), 100 * total.accuracyFrom(threshold));
        out.println("what other thresholds would cost (--min-confidence, texts UNCERTAIN, the rest right):");
        for (int percent = 30; percent <= 90; percent += 10) {
            double t = percent / 100.0;
            out.printf(Locale.ROOT, "  %.1f  %5.1f %%  %5.1f %%%n", t, 100 * total.uncertainShare(t),
                    100 * total.accuracyFrom(t));
        }
        out.println("category shares, distance to the true shares (total variation), on these texts' mix and on"
                + " random mixes of them (run reports counted):");
        for (ShareEvaluation.Method method : ShareEvaluation.Method.values()) {
            out.printf(Locale.ROOT, "  %-24s %.3f  %.3f%n", method.name().toLowerCase(Locale.ROOT),
                    natural.get(method), mixes.get(method));
        }
        Path file = json.toAbsolutePath();
        RunSummaryWriter.write(OutputFolder.local(file.getParent()), file.getFileName().toString(),
                figures(total, raw, perLanguage, perOrigin, natural, mixes, threshold, factory, labeled));
        out.println("figures written to " + file);
        out.printf(Locale.ROOT, "macro-F1: %.3f%n", total.macroF1());
        return ExitCode.OK.code();
    }

    /**
     * The return-reason model on labelled comments: per reason, language and source; what the confidence threshold
     * of the run keeps; and the keyword rules alone and as the model's fallback, to show whether they help.
     */
    private Integer evaluateReasons() {
        List<LabeledReason> texts = LabeledReasonReader.read(labeled);
        if (texts.isEmpty()) {
            throw new UserError("no labelled return comments in " + labeled);
        }
        ReasonClassifierFactory factory = OpenNlpReasonClassifierFactory.fromFileOrBundled(model);
        double threshold = minConfidence != null ? minConfidence : ReturnReasonDecision.MIN_CONFIDENCE;
        ReasonClassifier classifier = factory.create();
        ReasonEvaluation total = new ReasonEvaluation();
        ReasonEvaluation keywords = new ReasonEvaluation();
        ReasonEvaluation withFallback = new ReasonEvaluation();
        Map<String, ReasonEvaluation> perLanguage = new TreeMap<>();
        Map<String, ReasonEvaluation> perOrigin = new TreeMap<>();
        for (LabeledReason text : texts) {
            ReasonVerdict verdict = classifier.classify(text.text());
            total.add(text.reason(), verdict);
            perLanguage.computeIfAbsent(text.language().isBlank() ? "unknown" : text.language(),
                    l -> new ReasonEvaluation()).add(text.reason(), verdict);
            perOrigin.computeIfAbsent(text.origin(), o -> new ReasonEvaluation()).add(text.reason(), verdict);
            ReturnReason keyword = ReturnReason.ofComment(text.text()).orElse(ReturnReason.OTHER);
            keywords.add(text.reason(), keyword);
            withFallback.add(text.reason(), verdict.probability() >= threshold || keyword == ReturnReason.OTHER
                    ? verdict.reason() : keyword);
        }
        out.printf("return-reason model %s on %d comments from %s%n%n", factory.modelVersion(), texts.size(), labeled);
        out.print(total.report());
        out.println();
        out.printf("%-34s %6s %9s %9s%n", "group", "texts", "accuracy", "macro-F1");
        perLanguage.forEach((language, e) -> out.printf(Locale.ROOT, "%-34s %6d %9.3f %9.3f%n",
                "language " + language, e.total(), e.accuracy(), e.macroF1()));
        perOrigin.forEach((origin, e) -> out.printf(Locale.ROOT, "%-34s %6d %9.3f %9.3f%n",
                "source " + origin, e.total(), e.accuracy(), e.macroF1()));
        out.printf(Locale.ROOT, "%-34s %6d %9.3f %9.3f%n", "keyword rules alone", keywords.total(),
                keywords.accuracy(), keywords.macroF1());
        out.printf(Locale.ROOT, "%-34s %6d %9.3f %9.3f%n", "model, keywords below threshold", withFallback.total(),
                withFallback.accuracy(), withFallback.macroF1());
        out.println();
        out.printf(Locale.ROOT, "at --min-confidence %.3f: %.1f %% of the comments do not decide a reason, the rest"
                + " %.1f %% right%n", threshold, 100 * total.uncertainShare(threshold), 100 * total.accuracyFrom(threshold));
        out.println("what other thresholds would cost (--min-confidence, comments not deciding, the rest right):");
        for (int percent = 30; percent <= 90; percent += 10) {
            double t = percent / 100.0;
            out.printf(Locale.ROOT, "  %.1f  %5.1f %%  %5.1f %%%n", t, 100 * total.uncertainShare(t),
                    100 * total.accuracyFrom(t));
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("model_version", factory.modelVersion());
        figures.put("labeled", labeled.toString());
        figures.putAll(summary(total));
        Map<String, Object> perReason = new LinkedHashMap<>();
        for (ReturnReason reason : ReturnReason.values()) {
            perReason.put(reason.name(), Map.of("precision", total.precision(reason), "recall", total.recall(reason),
                    "f1", total.f1(reason), "support", total.support(reason)));
        }
        figures.put("per_reason", perReason);
        figures.put("per_language", reasonGroups(perLanguage));
        figures.put("per_source", reasonGroups(perOrigin));
        figures.put("keyword_rules", summary(keywords));
        figures.put("model_with_keyword_fallback", summary(withFallback));
        figures.put("min_confidence", threshold);
        figures.put("undecided_share", total.uncertainShare(threshold));
        figures.put("accuracy_of_the_rest", total.accuracyFrom(threshold));
        Path file = json.toAbsolutePath();
        RunSummaryWriter.write(OutputFolder.local(file.getParent()), file.getFileName().toString(), figures);
        out.println("figures written to " + file);
        out.printf(Locale.ROOT, "macro-F1: %.3f%n", total.macroF1());
        return ExitCode.OK.code();
    }

    private static Map<String, Object> summary(ReasonEvaluation evaluation) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("texts", evaluation.total());
        figures.put("accuracy", evaluation.accuracy());
        figures.put("macro_f1", evaluation.macroF1());
        return figures;
    }

    private static Map<String, Object> reasonGroups(Map<String, ReasonEvaluation> groups) {
        Map<String, Object> figures = new LinkedHashMap<>();
        groups.forEach((group, e) -> figures.put(group, summary(e)));
        return figures;
    }

    private static Map<String, Evaluation> evaluate(List<LabeledText> texts, List<Classification> verdicts,
                                                    Function<LabeledText, String> group) {
        Map<String, Evaluation> groups = new TreeMap<>();
        for (int i = 0; i < texts.size(); i++) {
            groups.computeIfAbsent(group.apply(texts.get(i)), g -> new Evaluation())
                    .add(texts.get(i).category(), verdicts.get(i));
        }
        return groups;
    }

    private static Map<String, Object> figures(Evaluation evaluation, Evaluation raw, Map<String, Evaluation> perLanguage,
                                               Map<String, Evaluation> perOrigin,
                                               Map<ShareEvaluation.Method, Double> natural,
                                               Map<ShareEvaluation.Method, Double> mixes, double threshold,
                                               ClassifierFactory factory, Path labeled) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("model_version", factory.modelVersion());
        figures.put("labeled", labeled.toString());
        figures.putAll(summary(evaluation));
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
        figures.put("per_language", groupFigures(perLanguage));
        figures.put("per_source", groupFigures(perOrigin));
        Map<String, Object> calibration = new LinkedHashMap<>();
        calibration.put("temperature", factory.calibration().temperature());
        calibration.put("fitted_on_texts", factory.calibration().texts());
        calibration.put("expected_calibration_error_before", raw.calibrationError());
        calibration.put("expected_calibration_error_after", evaluation.calibrationError());
        calibration.put("min_confidence", threshold);
        calibration.put("uncertain_share", evaluation.uncertainShare(threshold));
        calibration.put("accuracy_of_the_rest", evaluation.accuracyFrom(threshold));
        figures.put("calibration", calibration);
        Map<String, Object> distances = new LinkedHashMap<>();
        for (ShareEvaluation.Method method : ShareEvaluation.Method.values()) {
            distances.put(method.name().toLowerCase(Locale.ROOT),
                    Map.of("texts_mix", natural.get(method), "random_mixes", mixes.get(method)));
        }
        figures.put("share_distance", distances);
        figures.put("confusion", confusion);
        return figures;
    }

    private static Map<String, Object> summary(Evaluation evaluation) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("texts", evaluation.total());
        figures.put("accuracy", evaluation.accuracy());
        figures.put("macro_f1", evaluation.macroF1());
        return figures;
    }

    private static Map<String, Object> groupFigures(Map<String, Evaluation> groups) {
        Map<String, Object> figures = new LinkedHashMap<>();
        groups.forEach((group, e) -> figures.put(group, summary(e)));
        return figures;
    }
}
