package nl.defenceline.classify;

import java.io.Serializable;

/**
 * Creates return-reason classifiers on Spark executors. It is broadcast once; implementations load their model at most
 * once per JVM and hand each caller its own {@link ReasonClassifier}.
 */
public interface ReasonClassifierFactory extends Serializable {

    /** A new classifier for the calling thread or partition. */
    ReasonClassifier create();

    /** The version of the model, as recorded when it was trained; goes into run-summary.json. */
    String modelVersion();
}
