package nl.defenceline;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local SparkSession for the whole test suite, injected as a test parameter and stopped when the suite ends. Its
 * time zone is the shop's default, Europe/Amsterdam, as the job sets it.
 */
public final class SharedSpark implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SparkSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedSpark.class, key -> new Session(), Session.class).spark;
    }

    /** Stops the session when JUnit closes the root store at the end of the run. */
    private static final class Session implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("defence-line-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.session.timeZone", "Europe/Amsterdam")
                .getOrCreate();

        @Override
        public void close() {
            spark.stop();
        }
    }
}
