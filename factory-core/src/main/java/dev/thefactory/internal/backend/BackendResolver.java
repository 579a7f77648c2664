package dev.thefactory.internal.backend;

import dev.thefactory.api.BackendUnavailableException;
import dev.thefactory.api.Mode;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.HealthStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a mode and an optional explicit backend id into the fallback cascade.
 *
 * <table>
 *   <caption>Cascades</caption>
 *   <tr><th>mode</th><th>cascade</th><th>when nothing is usable</th></tr>
 *   <tr><td>AUTO</td><td>healthy INTEGRATED backends (registered in code first, then by id), then STANDALONE
 *       (likewise), then MINIMAL</td>
 *       <td>{@link BackendUnavailableException} (only if even {@code minimal} is unhealthy)</td></tr>
 *   <tr><td>INTEGRATED</td><td>healthy INTEGRATED backends (by id)</td>
 *       <td>{@link BackendUnavailableException} listing every provider found and why it is not usable</td></tr>
 *   <tr><td>STANDALONE</td><td>STANDALONE backends (by id), then MINIMAL</td><td>as AUTO</td></tr>
 *   <tr><td>MINIMAL</td><td>MINIMAL backends</td><td>as AUTO</td></tr>
 * </table>
 *
 * <p>An explicit id (builder {@code .backend(id)} or system property {@code factory.backend}) selects that backend
 * only, followed by {@code minimal} as the last resort in AUTO and STANDALONE (none in INTEGRATED). An unknown id, an
 * id whose tier the mode does not use, or an unhealthy explicit backend is a {@link BackendUnavailableException}.
 *
 * <p>Health checks run on a separate daemon thread each, bounded by a timeout: a check that throws, returns null or
 * does not answer in time counts as unhealthy, and one that does not answer in time is interrupted (see {@link
 * #health}). Thread-safe and stateless apart from its settings.
 */
public final class BackendResolver {

    /** How long a check that ran out of time may take to stop after its interrupt, in milliseconds. */
    static final long STOP_GRACE_MILLIS = 200;

    /** How long a health check may take by default. */
    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(10);

    /** The longest health-check timeout accepted: one day. */
    public static final Duration MAX_HEALTH_TIMEOUT = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(BackendResolver.class);
    private static final String ADD_INTEGRATED =
            "add an integrated backend jar to the class path (plugins/ for the CLI)";

    private final Duration healthTimeout;

    /** A resolver with the default health-check timeout. */
    public BackendResolver() {
        this(DEFAULT_HEALTH_TIMEOUT);
    }

    /**
     * @param healthTimeout how long one health check may take
     * @throws NullPointerException     if {@code healthTimeout} is null
     * @throws IllegalArgumentException if it is not positive, or longer than {@link #MAX_HEALTH_TIMEOUT}
     */
    public BackendResolver(Duration healthTimeout) {
        Objects.requireNonNull(healthTimeout, "healthTimeout");
        if (healthTimeout.isZero() || healthTimeout.isNegative()) {
            throw new IllegalArgumentException("healthTimeout must be > 0 but was " + healthTimeout);
        }
        if (healthTimeout.compareTo(MAX_HEALTH_TIMEOUT) > 0) {
            throw new IllegalArgumentException("healthTimeout must be at most " + MAX_HEALTH_TIMEOUT + " but was "
                    + healthTimeout);
        }
        this.healthTimeout = healthTimeout;
    }

    /**
     * @param discovery  what discovery found
     * @param mode       the mode asked for
     * @param explicitId the backend asked for by id, or null
     * @return the cascade
     * @throws BackendUnavailableException when the mode or the explicit id cannot be served
     * @throws NullPointerException        if {@code discovery} or {@code mode} is null
     */
    public BackendCascade resolve(BackendDiscovery discovery, Mode mode, String explicitId) {
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(mode, "mode");
        return explicitId == null ? byMode(discovery, mode) : explicit(discovery, mode, explicitId);
    }

    /**
     * @param mode a mode
     * @return the tiers it uses, in cascade order
     */
    public static List<BackendTier> tiers(Mode mode) {
        return switch (Objects.requireNonNull(mode, "mode")) {
            case AUTO -> List.of(BackendTier.INTEGRATED, BackendTier.STANDALONE, BackendTier.MINIMAL);
            case INTEGRATED -> List.of(BackendTier.INTEGRATED);
            case STANDALONE -> List.of(BackendTier.STANDALONE, BackendTier.MINIMAL);
            case MINIMAL -> List.of(BackendTier.MINIMAL);
        };
    }

    private BackendCascade byMode(BackendDiscovery discovery, Mode mode) {
        List<BackendTier> tiers = tiers(mode);
        List<BackendCandidate> cascade = new ArrayList<>();
        List<SkippedProvider> unhealthy = new ArrayList<>();
        List<String> lookedFor = new ArrayList<>();
        for (SkippedProvider skipped : discovery.skipped()) {
            lookedFor.add(skipped.describe());
        }
        for (BackendTier tier : tiers) {
            List<DiscoveredProvider> ofTier = discovery.providers().stream()
                    .filter(p -> p.tier() == tier)
                    .sorted(Comparator.comparing((DiscoveredProvider p) -> !p.registered())
                            .thenComparing(DiscoveredProvider::id))
                    .toList();
            if (ofTier.isEmpty()) {
                lookedFor.add("no provider with tier " + tier + " on the class path");
            }
            for (DiscoveredProvider provider : ofTier) {
                HealthStatus health = health(provider);
                if (health.healthy()) {
                    cascade.add(new BackendCandidate(provider, health));
                    lookedFor.add(provider.describe() + ": healthy");
                } else {
                    unhealthy.add(new SkippedProvider(provider.id(), "unhealthy: " + health.detail()));
                    lookedFor.add(provider.describe() + ": unhealthy: " + health.detail());
                }
            }
        }
        for (DiscoveredProvider provider : discovery.providers()) {
            if (!tiers.contains(provider.tier())) {
                lookedFor.add(provider.describe() + ": not used by mode " + mode + ", which uses tiers " + tiers);
            }
        }
        if (cascade.isEmpty()) {
            List<String> recovery = mode == Mode.INTEGRATED
                    ? List.of(ADD_INTEGRATED, "use --mode auto or standalone (Mode.AUTO or Mode.STANDALONE), which "
                            + "fall back to the built-in backends")
                    : List.of("check the health details above and fix the backend named there",
                            "use --mode minimal (Mode.MINIMAL)");
            throw new BackendUnavailableException("Mode " + mode + " needs a healthy backend of tier "
                    + tiersText(tiers) + ", but none is usable. Looked for:\n  " + String.join("\n  ", lookedFor),
                    lookedFor, recovery);
        }
        LOG.debug("mode {}: backend cascade {}", mode, cascade.stream().map(BackendCandidate::id).toList());
        return new BackendCascade(cascade, unhealthy);
    }

    private BackendCascade explicit(BackendDiscovery discovery, Mode mode, String id) {
        DiscoveredProvider provider = discovery.find(id);
        List<String> lookedFor = new ArrayList<>();
        for (SkippedProvider skipped : discovery.skipped()) {
            lookedFor.add(skipped.describe());
        }
        for (DiscoveredProvider found : discovery.providers()) {
            lookedFor.add(found.describe());
        }
        if (provider == null) {
            throw new BackendUnavailableException("Backend '" + id + "' was requested (Factory.Builder.backend or "
                    + "-Dfactory.backend) but no provider has that id; known ids: "
                    + String.join(", ", discovery.ids()), lookedFor,
                    List.of("use one of the known ids: " + String.join(", ", discovery.ids()),
                            "add the backend's jar to the class path (plugins/ for the CLI)",
                            "remove the explicit backend to let mode " + mode + " choose"));
        }
        List<BackendTier> tiers = tiers(mode);
        if (!tiers.contains(provider.tier())) {
            throw new BackendUnavailableException("Backend '" + id + "' (tier " + provider.tier() + ") was requested "
                    + "with mode " + mode + ", which uses only tiers " + tiersText(tiers) + "; the two conflict",
                    lookedFor, List.of("choose a backend of tier " + tiersText(tiers) + " or mode AUTO",
                            "remove the explicit backend to let mode " + mode + " choose"));
        }
        HealthStatus health = health(provider);
        if (!health.healthy()) {
            throw new BackendUnavailableException("Backend '" + id + "' was requested but is unhealthy: "
                    + health.detail(), List.of(provider.describe() + ": unhealthy: " + health.detail()),
                    List.of("fix what the health detail says and run again",
                            "remove the explicit backend to let mode " + mode + " choose a healthy one"));
        }
        List<BackendCandidate> cascade = new ArrayList<>();
        cascade.add(new BackendCandidate(provider, health));
        List<SkippedProvider> unhealthy = new ArrayList<>();
        if ((mode == Mode.AUTO || mode == Mode.STANDALONE) && !id.equals(BackendDiscovery.MINIMAL_ID)) {
            DiscoveredProvider minimal = discovery.find(BackendDiscovery.MINIMAL_ID);
            if (minimal != null) {
                HealthStatus minimalHealth = health(minimal);
                if (minimalHealth.healthy()) {
                    cascade.add(new BackendCandidate(minimal, minimalHealth));
                } else {
                    unhealthy.add(new SkippedProvider(minimal.id(), "unhealthy: " + minimalHealth.detail()));
                }
            }
        }
        LOG.debug("explicit backend {} with mode {}: cascade {}", id, mode,
                cascade.stream().map(BackendCandidate::id).toList());
        return new BackendCascade(cascade, unhealthy);
    }

    private static String tiersText(List<BackendTier> tiers) {
        return String.join(" or ", tiers.stream().map(Enum::name).toList());
    }

    /**
     * Runs a provider's health check on its own daemon thread, named {@code factory-health-<id>}, bounded by the
     * timeout. A check that does not answer in time is cancelled for real: its thread is interrupted, and given
     * {@value #STOP_GRACE_MILLIS} ms to end before this method returns, so a check that honours interrupts leaves no
     * thread behind. One that ignores the interrupt is left to finish on its own, with a WARN naming its thread.
     *
     * @param provider the provider
     * @return its health; unhealthy when the check threw, returned null, timed out or was interrupted
     */
    public HealthStatus health(DiscoveredProvider provider) {
        FutureTask<HealthStatus> check = new FutureTask<>(provider.provider()::health);
        Thread thread = new Thread(check, "factory-health-" + provider.id());
        thread.setDaemon(true);
        thread.start();
        try {
            HealthStatus status = check.get(healthTimeout.toNanos(), TimeUnit.NANOSECONDS);
            if (status == null) {
                return HealthStatus.down("its health check returned null");
            }
            return status;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.warn("health check of backend {} threw; treating it as unhealthy", provider.id(), cause);
            return HealthStatus.down("its health check threw " + cause);
        } catch (TimeoutException e) {
            stop(check, thread, provider);
            LOG.warn("health check of backend {} did not answer within {} ms; treating it as unhealthy",
                    provider.id(), healthTimeout.toMillis());
            return HealthStatus.down("its health check did not answer within " + healthTimeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            check.cancel(true);
            Thread.currentThread().interrupt();
            return HealthStatus.down("the health check was interrupted");
        }
    }

    /** Interrupts a check that ran out of time and waits a little for its thread to end. */
    private static void stop(FutureTask<HealthStatus> check, Thread thread, DiscoveredProvider provider) {
        check.cancel(true);
        try {
            thread.join(STOP_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (thread.isAlive()) {
            LOG.warn("health check of backend {} ignored the interrupt; its thread {} is left to finish on its own",
                    provider.id(), thread.getName());
        }
    }
}
