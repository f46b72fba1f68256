package nl.defenceline.classify;

import java.io.Serializable;
import java.util.List;
import nl.defenceline.Warning;

/**
 * Creates classifiers on Spark executors. It is broadcast once; implementations load their model at most once per JVM
 * and hand each caller its own, non-shared {@link TextClassifier}.
 */
public interface ClassifierFactory extends Serializable {

    /** A new classifier for the calling thread or partition. */
    TextClassifier create();

    /** The version of the model, as recorded when it was trained; goes into run-summary.json. */
    String modelVersion();

    /** What the model knows of its own errors on real text: temperature, review threshold, confusion matrix. */
    Calibration calibration();

    /** The same model with another calibration, e.g. {@link Calibration#none()} to see its raw probabilities. */
    ClassifierFactory withCalibration(Calibration calibration);

    /**
     * Things about the model the run's output should tell its user, one line each, such as a model that takes a
     * slower scoring path; empty when there is nothing to say.
     */
    default List<Warning> warnings() {
        return List.of();
    }
}
