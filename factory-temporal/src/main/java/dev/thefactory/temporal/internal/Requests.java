package dev.thefactory.temporal.internal;

import dev.thefactory.Factory;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.TimeoutSettings;
import dev.thefactory.internal.engine.BuildEngine;
import dev.thefactory.internal.engine.EngineAccess;
import dev.thefactory.internal.engine.EngineConfig;
import dev.thefactory.internal.spec.SpecWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Turns a configured {@link Factory} into a workflow's {@link BuildRequest} (on the client), and a request back into a
 * factory (on a worker): the spec travels as its normalized JSON, with the options that decide the output and the
 * rules (and the retry settings, time limits and repair rounds the repair tasks of {@code VALIDATE_OUTPUT} run with
 * inside the validating activity); the worker adds its own configuration (its backends, class loader) through a
 * customizer.
 *
 * <p>Stateless and thread-safe.
 */
public final class Requests {

    private Requests() {
    }

    /**
     * @param factory the caller's factory
     * @return a new build id, made as the local engine makes them
     */
    public static String newBuildId(Factory factory) {
        return EngineAccess.of(factory).newBuildId();
    }

    /**
     * @param factory the caller's factory
     * @param buildId the new build's id
     * @return the workflow's input
     */
    public static BuildRequest request(Factory factory, String buildId) {
        BuildEngine engine = EngineAccess.of(factory);
        EngineConfig config = engine.config();
        RetrySettings retry = config.retry();
        TimeoutSettings timeouts = config.timeouts();
        return new BuildRequest(buildId, SpecWriter.toJson(engine.spec()), engine.specHash(), config.mode().name(),
                config.explicitBackend(), config.outputDirectory().toAbsolutePath().normalize().toString(),
                config.overwrite(), config.requireFeatures().name(), config.generatedTests().enabled(),
                config.parallelism(), new BuildRequest.Retry(retry.maxAttempts(), retry.initialDelay().toMillis(),
                        retry.maxDelay().toMillis(), retry.multiplier()),
                timeouts.taskAttempt().toMillis(), timeouts.phase().toMillis(), timeouts.build().toMillis(),
                config.circuitBreaker().failureThreshold(), config.circuitBreaker().failureWindow(),
                config.circuitBreaker().delay().toMillis(), config.circuitBreaker().successThreshold(),
                engine.spec().name(), config.repairRounds());
    }

    /**
     * @param request   a workflow's input
     * @param customize the worker's own configuration, applied last
     * @return the factory the worker runs the request's activities with
     */
    public static Factory factory(BuildRequest request, UnaryOperator<Factory.Builder> customize) {
        Factory.Builder builder = Factory.builder()
                .spec(request.specJson(), SpecFormat.JSON)
                .mode(Mode.valueOf(request.mode()))
                .outputDirectory(Path.of(request.outputDirectory()))
                .overwrite(request.overwrite())
                .requireFeatures(FeatureRequirement.valueOf(request.requireFeatures()))
                .runGeneratedTests(request.runGeneratedTests())
                .repairRounds(request.repairRounds())
                // the repair tasks of VALIDATE_OUTPUT run inside the validating activity, through the core's policies
                .retry(new RetrySettings(request.retry().maxAttempts(),
                        Duration.ofMillis(request.retry().initialDelayMillis()),
                        Duration.ofMillis(request.retry().maxDelayMillis()), request.retry().multiplier(),
                        RetrySettings.defaults().jitter()))
                .timeouts(new TimeoutSettings(Duration.ofMillis(request.taskAttemptMillis()),
                        Duration.ofMillis(request.phaseMillis()), Duration.ofMillis(request.buildMillis())));
        if (request.explicitBackend() != null) {
            builder.backend(request.explicitBackend());
        }
        return customize.apply(builder).build();
    }
}
