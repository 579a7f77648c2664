package dev.thefactory.internal.backend;

import dev.thefactory.internal.minimal.MinimalBackendProvider;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.OrchestratorBackendProvider;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What provider discovery found: the usable providers in discovery order and the ones that were skipped, each with
 * the reason. Immutable and thread-safe.
 *
 * <p>{@link #load(ClassLoader)} reads {@code META-INF/services/dev.thefactory.spi.OrchestratorBackendProvider}
 * through {@link ServiceLoader}, calling {@link Iterator#hasNext()} and {@link Iterator#next()} each in its own
 * try/catch ({@link ServiceConfigurationError}, {@link LinkageError}, {@link RuntimeException}), so a provider that
 * fails to load is skipped and never hides the others. {@link #of(List)} does the same checks on instances supplied in
 * code (tests, embedders). Either way: a provider whose {@code id()} or {@code tier()} throws or is null, or whose id
 * is not a lower-case id, is skipped; a repeated id is skipped (the first one found wins; a provider registered in
 * code replaces one of its id on the class path without being reported); and the built-in {@code minimal} provider
 * is added when no provider has that id, so the last resort always exists. Discovery is
 * logged at DEBUG with id, tier, class and jar; each skip at WARN.
 *
 * @param providers usable providers, in discovery order, ids unique
 * @param skipped   providers that could not be used, in discovery order
 */
public record BackendDiscovery(List<DiscoveredProvider> providers, List<SkippedProvider> skipped) {

    /** The id of the built-in last-resort backend. */
    public static final String MINIMAL_ID = "minimal";

    private static final Logger LOG = LoggerFactory.getLogger(BackendDiscovery.class);
    private static final int MAX_LOAD_ERRORS = 1_000;

    /** Copies both lists. */
    public BackendDiscovery {
        providers = List.copyOf(providers);
        skipped = List.copyOf(skipped);
    }

    /**
     * Discovers providers with {@link ServiceLoader}.
     *
     * @param loader the class loader to search (normally the thread's context class loader)
     * @return what was found
     * @throws NullPointerException if {@code loader} is null
     */
    public static BackendDiscovery load(ClassLoader loader) {
        return load(loader, List.of());
    }

    /**
     * Takes the providers registered in code first, then discovers the others with {@link ServiceLoader}, each checked
     * as {@link #load(ClassLoader)} checks them. A registered provider wins over a discovered one with the same id
     * (which is skipped as a duplicate), and the cascade prefers registered providers within their tier.
     *
     * @param loader     the class loader to search
     * @param registered providers registered in code ({@code Factory.Builder.backend(provider)}), in order
     * @return what was found
     * @throws NullPointerException if an argument or an element is null
     */
    public static BackendDiscovery load(ClassLoader loader, List<? extends OrchestratorBackendProvider> registered) {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(registered, "registered");
        Collector collector = new Collector();
        for (OrchestratorBackendProvider provider : registered) {
            collector.add(Objects.requireNonNull(provider, "registered element"), true);
        }
        Iterator<OrchestratorBackendProvider> it = ServiceLoader.load(OrchestratorBackendProvider.class, loader)
                .iterator();
        int errors = 0;
        while (true) {
            boolean more;
            try {
                more = it.hasNext();
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                collector.skip(nameFrom(e), "failed to load: " + describe(e), e);
                if (++errors >= MAX_LOAD_ERRORS) {
                    collector.skip("(service loader)", "stopped after " + errors + " load errors", null);
                    break;
                }
                continue;
            }
            if (!more) {
                break;
            }
            OrchestratorBackendProvider provider;
            try {
                provider = it.next();
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                collector.skip(nameFrom(e), "failed to load: " + describe(e), e);
                if (++errors >= MAX_LOAD_ERRORS) {
                    collector.skip("(service loader)", "stopped after " + errors + " load errors", null);
                    break;
                }
                continue;
            }
            collector.add(provider, false);
        }
        return collector.finish();
    }

    /**
     * Checks providers supplied in code as {@link #load} checks discovered ones.
     *
     * @param providers the providers, in order
     * @return what was found
     * @throws NullPointerException if {@code providers} or an element is null
     */
    public static BackendDiscovery of(List<? extends OrchestratorBackendProvider> providers) {
        Objects.requireNonNull(providers, "providers");
        Collector collector = new Collector();
        for (OrchestratorBackendProvider provider : providers) {
            collector.add(Objects.requireNonNull(provider, "providers element"), false);
        }
        return collector.finish();
    }

    /**
     * @param id an id
     * @return the provider with that id, or null
     */
    public DiscoveredProvider find(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    /** @return the ids of the usable providers, sorted */
    public List<String> ids() {
        return providers.stream().map(DiscoveredProvider::id).sorted().toList();
    }

    /**
     * @param type a class
     * @return the jar or directory it was loaded from, or {@code unknown} (e.g. a class of the JDK)
     */
    static String location(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null ? "unknown" : source.getLocation().toString();
        } catch (SecurityException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String describe(Throwable e) {
        StringBuilder s = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
            s.append("; caused by ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return s.toString();
    }

    private static String nameFrom(Throwable e) {
        String message = String.valueOf(e.getMessage());
        String prefix = OrchestratorBackendProvider.class.getName() + ": ";
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        if (message.startsWith("Provider ")) {
            message = message.substring("Provider ".length());
        }
        int space = message.indexOf(' ');
        String candidate = space > 0 ? message.substring(0, space) : message;
        return candidate.matches("[\\p{L}_$][\\p{L}\\p{N}_$.]*") ? candidate : "(unknown provider)";
    }

    /** Accumulates providers with the checks shared by both ways of discovery. Not thread-safe. */
    private static final class Collector {
        private final Map<String, DiscoveredProvider> byId = new LinkedHashMap<>();
        private final List<SkippedProvider> skipped = new ArrayList<>();

        void add(OrchestratorBackendProvider provider, boolean registered) {
            String className = provider.getClass().getName();
            String location = location(provider.getClass());
            String id;
            BackendTier tier;
            try {
                id = provider.id();
                tier = provider.tier();
            } catch (LinkageError | RuntimeException e) {
                skip(className, "id() or tier() threw " + describe(e), e);
                return;
            }
            if (id == null || !id.matches("[a-z0-9][a-z0-9._-]{0,99}")) {
                skip(className, "its id must be 1-100 lower-case letters, digits, '.', '_' or '-' but was "
                        + (id == null ? "null" : "'" + id + "'"), null);
                return;
            }
            if (tier == null) {
                skip(id, "its tier() returned null; it must be one of INTEGRATED, STANDALONE, MINIMAL", null);
                return;
            }
            DiscoveredProvider found = new DiscoveredProvider(provider, id, tier, className, location, registered);
            DiscoveredProvider first = byId.putIfAbsent(id, found);
            if (first != null && first.registered() && !registered) {
                // a provider handed to Factory.Builder.backend(provider) is meant to replace the one on the class path
                LOG.debug("backend provider {} ({} from {}) on the class path is replaced by the one registered in "
                        + "code ({})", id, className, location, first.className());
                return;
            }
            if (first != null) {
                skip(id, "duplicate id: " + className + " from " + location + " has the same id as "
                        + first.className() + " from " + first.location() + ", which was found first and is used", null);
                return;
            }
            LOG.debug("found backend provider {} (tier {}, class {}, from {}{})", id, tier, className, location,
                    registered ? ", registered in code" : "");
        }

        void skip(String provider, String reason, Throwable cause) {
            skipped.add(new SkippedProvider(provider, reason));
            if (cause != null) {
                LOG.warn("skipped backend provider {}: {}", provider, reason, cause);
            } else {
                LOG.warn("skipped backend provider {}: {}", provider, reason);
            }
        }

        BackendDiscovery finish() {
            if (!byId.containsKey(MINIMAL_ID)) {
                MinimalBackendProvider minimal = new MinimalBackendProvider();
                DiscoveredProvider builtIn = new DiscoveredProvider(minimal, MINIMAL_ID, BackendTier.MINIMAL,
                        minimal.getClass().getName(), location(minimal.getClass()));
                byId.put(MINIMAL_ID, builtIn);
                LOG.debug("backend provider minimal was not listed by the service loader; using the built-in {} from {}",
                        builtIn.className(), builtIn.location());
            }
            return new BackendDiscovery(new ArrayList<>(byId.values()), skipped);
        }
    }
}
