package nl.defenceline.classify.opennlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.defenceline.classify.LabeledReason;
import nl.defenceline.classify.ReasonClassifier;
import nl.defenceline.classify.ReasonEvaluation;
import nl.defenceline.classify.TextCleaner;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerEventStream;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.ObjectStreamUtils;

/**
 * Trains and versions the return-reason model: an OpenNLP document categorizer over the same features as the ticket
 * model ({@link FeatureRecipe}), so the fast scorer reads it too, with the {@code ReturnReason}s as its outcomes.
 */
public final class ReasonModelTrainer {

    /** Part of the data hash, so a change of features or parameters also counts as a new model. */
    private static final String RECIPE = "return-reasons;maxent;iterations=" + ModelTrainer.ITERATIONS
            + ";cutoff=" + ModelTrainer.CUTOFF
            + ";features=" + FeatureRecipe.DESCRIPTION + ";cleaner=v1";

    private ReasonModelTrainer() {
    }

    /** Trains a model on all given comments and records the version in its manifest. GIS is deterministic. */
    public static DoccatModel train(List<LabeledReason> texts, String version) {
        List<DocumentSample> samples = texts.stream()
                .map(t -> new DocumentSample(t.reason().name(), TextCleaner.tokens(t.text())))
                .toList();
        try (ObjectStream<Event> events = new DocumentCategorizerEventStream(
                ObjectStreamUtils.createObjectStream(samples), FeatureRecipe.generators())) {
            Map<String, String> manifest = new HashMap<>();
            EventTrainer trainer = ModelTrainer.maxentTrainer(manifest);
            MaxentModel maxent = trainer.train(events);
            manifest.put(ModelTrainer.VERSION_PROPERTY, version);
            return new DoccatModel("mul", maxent, manifest, new DoccatFactory(FeatureRecipe.generators()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A classifier on a model in memory, e.g. one just trained, to measure it. */
    public static ReasonClassifier classifier(DoccatModel model) {
        return new OpenNlpReasonClassifier(model, FastDoccatScorer.compile(model));
    }

    /** k-fold cross-validation with a fixed shuffle, so the figures are repeatable. */
    public static ReasonEvaluation crossValidate(List<LabeledReason> texts, int folds, long seed) {
        List<LabeledReason> shuffled = new ArrayList<>(texts);
        Collections.shuffle(shuffled, new Random(seed));
        ReasonEvaluation total = new ReasonEvaluation();
        for (int fold = 0; fold < folds; fold++) {
            List<LabeledReason> train = new ArrayList<>();
            List<LabeledReason> test = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % folds == fold ? test : train).add(shuffled.get(i));
            }
            ReasonClassifier classifier = classifier(train(train, "cv-fold-" + fold));
            test.forEach(t -> total.add(t.reason(), classifier.classify(t.text())));
        }
        return total;
    }

    /** Version string: "return-reasons-", the training date and a hash of the training files and recipe. */
    public static String version(List<Path> trainingFiles, LocalDate trainedOn) {
        return "return-reasons-" + trainedOn + "-" + dataHash(trainingFiles);
    }

    /** Hash of the training files and the recipe; equal hashes mean retraining would give the same model. */
    public static String dataHash(List<Path> trainingFiles) {
        return ModelTrainer.dataHash(RECIPE, trainingFiles);
    }
}
