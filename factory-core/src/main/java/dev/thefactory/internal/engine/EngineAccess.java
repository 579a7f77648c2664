package dev.thefactory.internal.engine;

import dev.thefactory.Factory;
import java.util.Objects;
import java.util.function.Function;

/**
 * Hands the engine of a configured {@link Factory} to the other engines of The Factory (the Temporal workflow runs a
 * factory's configuration, spec and backends without a public accessor on {@code Factory}). {@code Factory} installs
 * the accessor once, when its class is initialized.
 *
 * <p>Thread-safe.
 */
public final class EngineAccess {

    private static volatile Function<Factory, BuildEngine> accessor;

    private EngineAccess() {
    }

    /**
     * Installs the accessor; called once, by {@code Factory}'s static initializer.
     *
     * @param engines returns a factory's engine
     * @throws IllegalStateException when an accessor was installed already
     */
    public static synchronized void install(Function<Factory, BuildEngine> engines) {
        if (accessor != null) {
            throw new IllegalStateException("the engine accessor is installed already");
        }
        accessor = Objects.requireNonNull(engines, "engines");
    }

    /**
     * @param factory a configured factory
     * @return its engine
     */
    public static BuildEngine of(Factory factory) {
        Objects.requireNonNull(factory, "factory");
        // the factory exists, so its class was initialized and the accessor installed
        return accessor.apply(factory);
    }
}
