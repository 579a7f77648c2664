package dev.thefactory;

import dev.thefactory.internal.backend.BackendDiscovery;
import dev.thefactory.internal.backend.BackendResolver;
import dev.thefactory.internal.backend.DiscoveredProvider;
import dev.thefactory.internal.backend.SkippedProvider;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.HealthStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What backends a build would find: every provider {@link java.util.ServiceLoader} lists, with its health, and the
 * ones that could not be used (failed to load, unnamed, a repeated id), each with the reason. For diagnostics such as
 * the CLI's {@code factory doctor}; a build discovers its backends itself in the same way.
 */
public final class Backends {

    private Backends() {
    }

    /**
     * Discovers the providers and checks the health of each as a build does: a health check that throws, returns null
     * or does not answer in time counts as down. The built-in {@code minimal} provider is always among them.
     *
     * @param loader where to look (normally the thread's context class loader)
     * @return the report
     */
    public static Report discover(ClassLoader loader) {
        BackendDiscovery discovery = BackendDiscovery.load(Objects.requireNonNull(loader, "loader"));
        BackendResolver resolver = new BackendResolver();
        List<Backend> backends = new ArrayList<>();
        for (DiscoveredProvider provider : discovery.providers()) {
            backends.add(new Backend(provider.id(), provider.tier(), provider.className(), provider.location(),
                    resolver.health(provider)));
        }
        List<Skipped> skipped = new ArrayList<>();
        for (SkippedProvider s : discovery.skipped()) {
            skipped.add(new Skipped(s.provider(), s.reason()));
        }
        return new Report(backends, skipped);
    }

    /**
     * The result of a discovery. Immutable.
     *
     * @param backends usable providers, in discovery order
     * @param skipped  providers that could not be used
     */
    public record Report(List<Backend> backends, List<Skipped> skipped) {
        /** Copies the lists. */
        public Report {
            backends = List.copyOf(backends);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * A usable provider.
     *
     * @param id        its id
     * @param tier      its place in the cascade
     * @param className its class
     * @param location  the jar or directory its class came from, or {@code unknown}
     * @param health    its health when it was discovered
     */
    public record Backend(String id, BackendTier tier, String className, String location, HealthStatus health) {
        /** @throws NullPointerException if a component is null */
        public Backend {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(className, "className");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(health, "health");
        }
    }

    /**
     * A provider that could not be used.
     *
     * @param provider its id, or its class name when the id is unknown
     * @param reason   why, in a sentence
     */
    public record Skipped(String provider, String reason) {
        /** @throws NullPointerException if a component is null */
        public Skipped {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
