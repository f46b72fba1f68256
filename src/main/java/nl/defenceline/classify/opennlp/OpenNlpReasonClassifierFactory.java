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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.defenceline.ExitCode;
import nl.defenceline.UserError;
import nl.defenceline.classify.ReasonClassifier;
import nl.defenceline.classify.ReasonClassifierFactory;
import nl.defenceline.classify.ReturnReason;
import opennlp.tools.doccat.DoccatModel;

/**
 * Makes return-reason classifiers from a serialized doccat model. The model bytes travel with this factory (broadcast
 * once); each JVM deserialises them once and shares the model, compiled for the fast scorer where it can be.
 */
public final class OpenNlpReasonClassifierFactory implements ReasonClassifierFactory {

    private static final long serialVersionUID = 1L;

    /** Where the build puts the model it trains from sample-data/training/returns-reasons. */
    public static final String BUNDLED_MODEL = "nl/defenceline/model/return-reasons.bin";

    private static final Map<String, Loaded> MODELS_IN_THIS_JVM = new ConcurrentHashMap<>();

    /** The model compiled for the fast scorer, or, when it cannot be, the model itself for OpenNLP's categorizer. */
    private record Loaded(DoccatModel model, FastDoccatScorer.Compiled table) {
        static Loaded of(DoccatModel model) {
            FastDoccatScorer.Compiled table = FastDoccatScorer.compile(model);
            return new Loaded(table == null ? model : null, table);
        }
    }

    private final byte[] modelBytes;
    private final String key;
    private final String version;

    private OpenNlpReasonClassifierFactory(byte[] modelBytes, String key, String version) {
        this.modelBytes = modelBytes;
        this.key = key;
        this.version = version;
    }

    /**
     * The return-reason model trained by the build and packaged on the class path.
     *
     * @throws UserError when the build did not produce one
     */
    public static OpenNlpReasonClassifierFactory bundled() {
        try (InputStream in = OpenNlpReasonClassifierFactory.class.getClassLoader()
                .getResourceAsStream(BUNDLED_MODEL)) {
            if (in == null) {
                throw new UserError("no bundled return-reason model on the class path (" + BUNDLED_MODEL
                        + "); build with ./mvnw package", ExitCode.FAILURE);
            }
            return of(in.readAllBytes(), BUNDLED_MODEL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model in {@code file}, or the bundled one when {@code file} is null. */
    public static OpenNlpReasonClassifierFactory fromFileOrBundled(Path file) {
        if (file == null) {
            return bundled();
        }
        try {
            return of(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new UserError("model file " + file + " does not exist");
        } catch (IOException e) {
            throw new UserError("cannot read model file " + file + ": " + e.getMessage());
        }
    }

    private static OpenNlpReasonClassifierFactory of(byte[] bytes, String where) {
        DoccatModel model;
        try {
            model = new DoccatModel(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new UserError("not a Defence Line return-reason model: " + where + ": " + e.getMessage());
        }
        String[] outcomes = new String[model.getMaxentModel().getNumOutcomes()];
        Arrays.setAll(outcomes, model.getMaxentModel()::getOutcome);
        for (String outcome : outcomes) {
            if (ReturnReason.parse(outcome).isEmpty()) {
                throw new UserError(where + " is not a return-reason model: it knows '" + outcome
                        + "', expected only " + ReturnReason.names() + " (a ticket model? use evaluate without"
                        + " --model-kind return-reasons)");
            }
        }
        String key = sha256(bytes);
        MODELS_IN_THIS_JVM.computeIfAbsent(key, k -> Loaded.of(model));
        return new OpenNlpReasonClassifierFactory(bytes, key, ModelTrainer.versionOf(model));
    }

    @Override
    public ReasonClassifier create() {
        Loaded loaded = MODELS_IN_THIS_JVM.computeIfAbsent(key, k -> Loaded.of(load()));
        return new OpenNlpReasonClassifier(loaded.model(), loaded.table());
    }

    @Override
    public String modelVersion() {
        return version;
    }

    private DoccatModel load() {
        try {
            return new DoccatModel(new ByteArrayInputStream(modelBytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
