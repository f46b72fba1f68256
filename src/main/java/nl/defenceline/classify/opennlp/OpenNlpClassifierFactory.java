package nl.defenceline.classify.opennlp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.defenceline.ExitCode;
import nl.defenceline.UserError;
import nl.defenceline.Warning;
import nl.defenceline.classify.Calibration;
import nl.defenceline.classify.ClassifierFactory;
import nl.defenceline.classify.TextClassifier;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.maxent.GISModel;

/**
 * Makes OpenNLP classifiers from a serialized doccat model. The model bytes travel with this factory (broadcast once);
 * each JVM deserialises them once and shares the model, compiled for the fast scorer where it can be, between its
 * classifiers.
 */
public final class OpenNlpClassifierFactory implements ClassifierFactory {

    private static final long serialVersionUID = 1L;

    /** Where the build puts the model it trains from sample-data/training. */
    public static final String BUNDLED_MODEL = "nl/defenceline/model/doccat.bin";

    /** By a hash of the model's bytes: two models can share a version (an --export retrain, unversioned models). */
    private static final Map<String, Loaded> MODELS_IN_THIS_JVM = new ConcurrentHashMap<>();

    /**
     * A deserialised model as the classifiers need it: its predicates compiled for {@link FastDoccatScorer}, or, when
     * they cannot be, the model itself for OpenNLP's categorizer. Never both, so a JVM holds only what it scores with.
     */
    private record Loaded(DoccatModel model, FastDoccatScorer.Compiled table) {
        static Loaded of(DoccatModel model) {
            FastDoccatScorer.Compiled table = FastDoccatScorer.compile(model);
            return new Loaded(table == null ? model : null, table);
        }
    }

    private final byte[] modelBytes;
    private final String key;
    private final String version;
    private final Calibration calibration;

    private OpenNlpClassifierFactory(byte[] modelBytes, String key, String version, Calibration calibration) {
        this.modelBytes = modelBytes;
        this.key = key;
        this.version = version;
        this.calibration = calibration;
    }

    /**
     * The model trained by the build and packaged on the class path.
     *
     * @throws UserError when the build did not produce one
     */
    public static OpenNlpClassifierFactory bundled() {
        try (InputStream in = OpenNlpClassifierFactory.class.getClassLoader().getResourceAsStream(BUNDLED_MODEL)) {
            if (in == null) {
                throw new UserError("no bundled classifier model on the class path (" + BUNDLED_MODEL
                        + "); build with ./mvnw package, or pass --model FILE from the train command", ExitCode.FAILURE);
            }
            return of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model in {@code file}, or the bundled one when {@code file} is null. */
    public static OpenNlpClassifierFactory fromFileOrBundled(Path file) {
        return file == null ? bundled() : fromFile(file);
    }

    /**
     * A model written by the train command.
     *
     * @throws UserError when the file is missing or not a doccat model
     */
    public static OpenNlpClassifierFactory fromFile(Path file) {
        try {
            return of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new UserError("model file " + file + " does not exist");
        } catch (IOException e) {
            throw new UserError("cannot read model file " + file + ": " + e.getMessage());
        }
    }

    private static OpenNlpClassifierFactory of(byte[] bytes) {
        DoccatModel model;
        try {
            model = new DoccatModel(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new UserError("not a Defence Line classifier model: " + e.getMessage());
        }
        String version = ModelTrainer.versionOf(model);
        Calibration calibration;
        try {
            calibration = ModelTrainer.calibrationOf(model);
        } catch (IllegalArgumentException e) {
            throw new UserError("classifier model " + version + " has an unreadable calibration: " + e.getMessage());
        }
        String key = sha256(bytes);
        MODELS_IN_THIS_JVM.computeIfAbsent(key, k -> Loaded.of(model));
        return new OpenNlpClassifierFactory(bytes, key, version, calibration);
    }

    @Override
    public TextClassifier create() {
        Loaded loaded = loaded();
        return new OpenNlpClassifier(loaded.model(), loaded.table(), calibration);
    }

    /** One warning per model that is scored by OpenNLP's own, slower code instead of this package's fast scorers. */
    @Override
    public List<Warning> warnings() {
        List<Warning> warnings = new ArrayList<>();
        DoccatModel slow = loaded().model();
        if (slow != null) {
            FeatureGenerator[] generators = slow.getFactory().getFeatureGenerators();
            warnings.add(!FeatureRecipe.isRecipeOf(generators)
                    ? Warning.of("warning.categorizer.generators", version, Arrays.stream(generators)
                            .map(g -> g.getClass().getSimpleName()).toList().toString())
                    : !(slow.getMaxentModel() instanceof GISModel)
                    ? Warning.of("warning.categorizer.maxent", version,
                            slow.getMaxentModel().getClass().getSimpleName())
                    : Warning.of("warning.categorizer.probabilities", version));
        }
        if (!OpenNlpClassifier.fastLanguageDetection()) {
            warnings.add(Warning.of("warning.language-detector", OpenNlpClassifier.LANGUAGE_MODEL));
        }
        return warnings;
    }

    @Override
    public String modelVersion() {
        return version;
    }

    @Override
    public Calibration calibration() {
        return calibration;
    }

    @Override
    public ClassifierFactory withCalibration(Calibration other) {
        return new OpenNlpClassifierFactory(modelBytes, key, version, other);
    }

    private Loaded loaded() {
        return MODELS_IN_THIS_JVM.computeIfAbsent(key, k -> Loaded.of(load()));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private DoccatModel load() {
        try {
            return new DoccatModel(new ByteArrayInputStream(modelBytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
