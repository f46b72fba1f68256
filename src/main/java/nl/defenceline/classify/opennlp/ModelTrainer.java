package nl.defenceline.classify.opennlp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.defenceline.classify.Calibration;
import nl.defenceline.classify.Evaluation;
import nl.defenceline.classify.LabeledText;
import nl.defenceline.classify.TextClassifier;
import nl.defenceline.classify.TextCleaner;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerEventStream;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/** Trains, cross-validates and versions the OpenNLP document categorizer behind Defence Line's classifier. */
public final class ModelTrainer {

    /** Manifest property that holds the model's version. */
    static final String VERSION_PROPERTY = "defenceline-model-version";

    /** Manifest property that holds the model's {@link Calibration}, when it was calibrated. */
    static final String CALIBRATION_PROPERTY = "defenceline-calibration";

    /** GIS iterations and feature cutoff, shared with {@link ReasonModelTrainer}. */
    static final int ITERATIONS = 200;
    static final int CUTOFF = 1;

    /** Part of the data hash, so a change of features or parameters also counts as a new model. */
    private static final String RECIPE = "maxent;iterations=" + ITERATIONS + ";cutoff=" + CUTOFF + ";features="
            + FeatureRecipe.DESCRIPTION + ";cleaner=v1;calibration=v3;real=equal-mass";

    /** The bounds of a real source's weight per text under {@link #equalMass}. */
    static final int MIN_SOURCE_WEIGHT = 2;
    static final int MAX_SOURCE_WEIGHT = 32;

    private ModelTrainer() {
    }

    /** Trains a model on all given texts and records the version in its manifest. */
    public static DoccatModel train(List<LabeledText> texts, String version) {
        return train(texts, events(texts), version);
    }

    /**
     * Trains on {@code texts}, each taken as its event in {@code events}. GIS training is single-threaded and
     * deterministic, so the model does not depend on which thread trains it or on what trains beside it.
     */
    private static DoccatModel train(List<LabeledText> texts, Map<LabeledText, Event> events, String version) {
        try {
            Map<String, String> manifest = new HashMap<>();
            EventTrainer trainer = maxentTrainer(manifest);
            MaxentModel maxent = trainer.train(ObjectStreamUtils.createObjectStream(
                    texts.stream().map(events::get).toList()));
            manifest.put(VERSION_PROPERTY, version);
            return new DoccatModel("mul", maxent, manifest, new DoccatFactory(FeatureRecipe.generators()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The maxent (GIS) trainer both models are trained with; it records its parameters in {@code manifest}. */
    static EventTrainer maxentTrainer(Map<String, String> manifest) {
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        params.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        return TrainerFactory.getEventTrainer(params, manifest);
    }

    /**
     * Each distinct text's training event, made by OpenNLP's own event stream from {@link FeatureRecipe}'s features,
     * so training on them is training on the texts. Made once, an event serves every training that uses its text
     * (all the folds, the final model, each repeat of a weighted text); OpenNLP's indexer only reads events, so
     * concurrent trainings can share them. Equal features share one String: the events stay in memory throughout.
     */
    private static Map<LabeledText, Event> events(Collection<LabeledText> texts) {
        List<LabeledText> distinct = new ArrayList<>(new LinkedHashSet<>(texts));
        List<DocumentSample> samples = distinct.stream()
                .map(t -> new DocumentSample(t.category().name(), TextCleaner.tokens(t.text())))
                .toList();
        Map<LabeledText, Event> events = new HashMap<>();
        Map<String, String> features = new HashMap<>();
        try (ObjectStream<Event> stream = new DocumentCategorizerEventStream(
                ObjectStreamUtils.createObjectStream(samples), FeatureRecipe.generators())) {
            for (LabeledText text : distinct) {
                Event event = stream.read();
                String[] context = event.getContext().clone();
                for (int i = 0; i < context.length; i++) {
                    context[i] = features.computeIfAbsent(context[i], f -> f);
                }
                events.put(text, new Event(event.getOutcome(), context));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    /**
     * Labelled texts that each count {@code weight} times in training.
     *
     * @param shop whether they are the shop's own labels, whose confusion matrix can correct that shop's shares
     */
    public record Weighted(List<LabeledText> texts, int weight, boolean shop) {
    }

    /** Fewer of the shop's own labels give a confusion matrix too noisy to compare share estimates with. */
    static final int MIN_SHOP_TEXTS_FOR_SHARES = 100;

    /**
     * Trains on the base texts plus real labelled texts (each counted its group's weight) and calibrates the model by
     * k-fold cross-fitting on the real texts: each fold's texts are scored by a model trained without them, and the
     * temperature, review threshold and confusion matrix are fitted on those out-of-fold scores; with the shop's own
     * texts, a log-bias per category is fitted on theirs and the threshold chosen on them. So every real text is
     * both trained on and calibrated on, never by the same model. The folds and the final model train side by side
     * on all cores, from texts featurised once.
     *
     * @param folds at least 2
     */
    public static DoccatModel trainCalibrated(List<LabeledText> base, List<Weighted> real, int folds, String version) {
        List<LabeledText> texts = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        List<Integer> shopTexts = new ArrayList<>();
        for (Weighted group : real) {
            for (LabeledText text : group.texts()) {
                if (group.shop()) {
                    shopTexts.add(texts.size());
                }
                texts.add(text);
                weights.add(group.weight());
            }
        }
        if (texts.size() < 2 * folds) {
            throw new IllegalArgumentException("need at least " + 2 * folds + " real texts to calibrate, got "
                    + texts.size());
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(42));
        List<Integer> all = new ArrayList<>(order);
        Collections.sort(all);
        List<LabeledText> everything = weighted(base, texts, weights, all);
        Map<LabeledText, Event> events = events(everything);
        // The folds and the final model are independent trainings: all of them at once, as far as the cores go.
        try (Trainings trainings = new Trainings(folds + 1)) {
            Future<DoccatModel> finalModel = trainings.submit(() -> train(everything, events, version));
            List<Future<Map<Integer, double[]>>> foldScores = new ArrayList<>();
            for (int fold = 0; fold < folds; fold++) {
                int heldOut = fold;
                foldScores.add(trainings.submit(() -> {
                    List<Integer> rest = new ArrayList<>();
                    List<Integer> test = new ArrayList<>();
                    for (int k = 0; k < order.size(); k++) {
                        (k % folds == heldOut ? test : rest).add(order.get(k));
                    }
                    OpenNlpClassifier raw = new OpenNlpClassifier(
                            train(weighted(base, texts, weights, rest), events, "fold-" + heldOut));
                    Map<Integer, double[]> scores = new HashMap<>();
                    for (int i : test) {
                        scores.put(i, raw.probabilities(texts.get(i).text()));
                    }
                    return scores;
                }));
            }
            double[][] outOfFold = new double[texts.size()][];
            for (Future<Map<Integer, double[]>> scores : foldScores) {
                Trainings.result(scores).forEach((i, p) -> outOfFold[i] = p);
            }
            Calibration calibration = Calibration.fit(List.of(outOfFold),
                    texts.stream().map(LabeledText::category).toList());
            if (!shopTexts.isEmpty()) {
                calibration = calibration.withShopBias(shopTexts.stream().map(i -> outOfFold[i]).toList(),
                        shopTexts.stream().map(i -> texts.get(i).category()).toList(),
                        shopTexts.size() >= MIN_SHOP_TEXTS_FOR_SHARES);
            }
            Map<String, String> manifest = new HashMap<>();
            manifest.put(VERSION_PROPERTY, version);
            manifest.put(CALIBRATION_PROPERTY, calibration.encode());
            DoccatModel model = Trainings.result(finalModel);
            return new DoccatModel("mul", model.getMaxentModel(), manifest, model.getFactory());
        }
    }

    /**
     * Real texts grouped by their source, each source weighing about as much in total: {@code meanWeight} times the
     * mean source size, over the source's size, per text (between 2 and 32). A large source would otherwise pull the
     * model towards its own phrasing: chosen by training without one source at a time and scoring that source (mean
     * macro-F1 over the six real sources 0.622 against 0.612 with every text counted 8 times; see the training
     * README).
     */
    public static List<Weighted> equalMass(List<LabeledText> real, int meanWeight) {
        Map<String, List<LabeledText>> bySource = new TreeMap<>();
        for (LabeledText text : real) {
            bySource.computeIfAbsent(text.origin(), s -> new ArrayList<>()).add(text);
        }
        double meanSize = (double) real.size() / Math.max(1, bySource.size());
        return bySource.values().stream().map(texts -> new Weighted(texts, (int) Math.max(MIN_SOURCE_WEIGHT,
                Math.min(MAX_SOURCE_WEIGHT, Math.round(meanWeight * meanSize / texts.size()))), false)).toList();
    }

    /** The base texts followed by each group's texts, each its group's weight times. */
    public static List<LabeledText> weighted(List<LabeledText> base, List<Weighted> groups) {
        List<LabeledText> all = new ArrayList<>(base);
        for (Weighted group : groups) {
            for (int i = 0; i < group.weight(); i++) {
                all.addAll(group.texts());
            }
        }
        return all;
    }

    /** The base texts followed by each chosen text its weight's number of times: maxent counts a repeated event so. */
    private static List<LabeledText> weighted(List<LabeledText> base, List<LabeledText> texts, List<Integer> weights,
                                              List<Integer> chosen) {
        List<LabeledText> all = new ArrayList<>(base);
        for (int i : chosen) {
            for (int w = 0; w < weights.get(i); w++) {
                all.add(texts.get(i));
            }
        }
        return all;
    }

    /** A classifier on a model in memory, e.g. one just trained, to measure it. */
    public static TextClassifier classifier(DoccatModel model) {
        return new OpenNlpClassifier(model, FastDoccatScorer.compile(model), calibrationOf(model));
    }

    /**
     * The calibration in a model's manifest, or {@link Calibration#none()} for a model that was not calibrated.
     *
     * @throws IllegalArgumentException when the manifest's calibration cannot be read
     */
    public static Calibration calibrationOf(DoccatModel model) {
        return Calibration.decode(model.getManifestProperty(CALIBRATION_PROPERTY));
    }

    /**
     * k-fold cross-validation with a fixed shuffle, so the figures are repeatable. Folds are trained on all cores
     * (each fold is independent) and their results added in fold order, so the figures do not depend on the cores.
     */
    public static Evaluation crossValidate(List<LabeledText> texts, int folds, long seed) {
        List<LabeledText> shuffled = new ArrayList<>(texts);
        Collections.shuffle(shuffled, new Random(seed));
        Map<LabeledText, Event> events = events(shuffled);
        Evaluation total = new Evaluation();
        try (Trainings trainings = new Trainings(folds)) {
            List<Future<Evaluation>> results = new ArrayList<>();
            for (int fold = 0; fold < folds; fold++) {
                int heldOut = fold;
                results.add(trainings.submit(() -> evaluateFold(shuffled, events, folds, heldOut)));
            }
            results.forEach(result -> total.addAll(Trainings.result(result)));
        }
        return total;
    }

    /** Independent trainings on daemon threads, one per core or per training, whichever is fewer. */
    private static final class Trainings implements AutoCloseable {
        private final ExecutorService pool;

        Trainings(int trainings) {
            int threads = Math.min(trainings, Runtime.getRuntime().availableProcessors());
            this.pool = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "training");
                thread.setDaemon(true);
                return thread;
            });
        }

        <T> Future<T> submit(Callable<T> training) {
            return pool.submit(training);
        }

        /** The training's result once it is done; its failure as the exception it threw. */
        static <T> T result(Future<T> training) {
            try {
                return training.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("training interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    private static Evaluation evaluateFold(List<LabeledText> shuffled, Map<LabeledText, Event> events, int folds,
                                           int fold) {
        List<LabeledText> train = new ArrayList<>();
        List<LabeledText> test = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); i++) {
            (i % folds == fold ? test : train).add(shuffled.get(i));
        }
        return Evaluation.of(new OpenNlpClassifier(train(train, events, "cv-fold-" + fold)), test);
    }

    /** Version string: training date and a hash of the training files and recipe. */
    public static String version(List<Path> trainingFiles, LocalDate trainedOn) {
        return version(trainingFiles, "", trainedOn);
    }

    /**
     * Version string of a model trained with options of its own: training date and a hash of the training files,
     * the recipe and those options.
     *
     * @param options the training options that differ from their defaults, e.g. {@code ";real-weight=4"}; empty for
     *                none, so a model of the defaults keeps its version
     */
    public static String version(List<Path> trainingFiles, String options, LocalDate trainedOn) {
        return "doccat-" + trainedOn + "-" + dataHash(trainingFiles, options);
    }

    /** Hash of the training files and the training recipe; equal hashes mean retraining would give the same model. */
    public static String dataHash(List<Path> trainingFiles) {
        return dataHash(trainingFiles, "");
    }

    /** Hash of the training files, the recipe and the options that differ from their defaults (see {@link #version}). */
    public static String dataHash(List<Path> trainingFiles, String options) {
        return dataHash(RECIPE + options, trainingFiles);
    }

    /** Hash of training files and a recipe, for any model this package trains (see {@link ReasonModelTrainer}). */
    static String dataHash(String recipe, List<Path> trainingFiles) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(recipe.getBytes(StandardCharsets.UTF_8));
            for (Path file : trainingFiles) {
                sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The version recorded in a model's manifest, or "unversioned" for a model not made by this trainer. */
    public static String versionOf(DoccatModel model) {
        String version = model.getManifestProperty(VERSION_PROPERTY);
        return version == null ? "unversioned" : version;
    }

    /** The version of the model in a file, or null when there is no readable model there. */
    public static String versionOf(Path modelFile) {
        if (!Files.exists(modelFile)) {
            return null;
        }
        try {
            return versionOf(new DoccatModel(modelFile));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes the model, through a temporary file, so a half-written model never replaces a good one. */
    public static void write(DoccatModel model, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = parent.resolve(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                model.serialize(out);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
