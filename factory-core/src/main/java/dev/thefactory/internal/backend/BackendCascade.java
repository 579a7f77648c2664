package dev.thefactory.internal.backend;

import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.spi.OrchestratorBackendProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * The backends a build will try, in order, and the providers that were left out because they were unhealthy or
 * could not meet the build's feature policy. Immutable and thread-safe.
 *
 * @param backends  the cascade, never empty: the first is tried first, the next ones take over on fallback
 * @param unhealthy providers of the mode's tiers whose health check failed or threw, each with the reason
 * @param notes     why fallbacks were left out of the cascade, one sentence each, for the build's notes
 */
public record BackendCascade(List<BackendCandidate> backends, List<SkippedProvider> unhealthy, List<String> notes) {

    /** @throws IllegalArgumentException if {@code backends} is empty */
    public BackendCascade {
        backends = List.copyOf(backends);
        unhealthy = List.copyOf(unhealthy);
        notes = List.copyOf(notes);
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("backends must not be empty");
        }
    }

    /**
     * A cascade with no notes.
     *
     * @param backends  the cascade, never empty
     * @param unhealthy providers left out because they were unhealthy
     */
    public BackendCascade(List<BackendCandidate> backends, List<SkippedProvider> unhealthy) {
        this(backends, unhealthy, List.of());
    }

    /**
     * Leaves out the fallbacks that cannot meet the policy: a backend that implements no feature (see
     * {@link OrchestratorBackendProvider#implementsFeatures()}) when the policy needs an implemented feature and
     * the spec has one. The first backend always stays, so the cascade is never empty.
     *
     * @param policy the build's feature policy
     * @param spec   the spec
     * @return this cascade, or one without those fallbacks and with a note for each
     */
    public BackendCascade forPolicy(FeatureRequirement policy, ProjectSpec spec) {
        boolean needsFeature = switch (policy) {
            case CORE -> !spec.features().core().isEmpty();
            case ALL -> !spec.features().core().isEmpty() || !spec.features().extended().isEmpty();
            case NONE -> false;
        };
        if (!needsFeature) {
            return this;
        }
        List<BackendCandidate> kept = new ArrayList<>();
        List<String> left = new ArrayList<>(notes);
        for (BackendCandidate candidate : backends) {
            if (!kept.isEmpty() && !candidate.provider().implementsFeatures()) {
                left.add("Backend '" + candidate.id() + "' was not tried: it implements no feature of a spec, so it "
                        + "cannot meet FeatureRequirement." + policy.name() + "; build with FeatureRequirement.NONE to "
                        + "fall back to it");
            } else {
                kept.add(candidate);
            }
        }
        return kept.size() == backends.size() ? this : new BackendCascade(kept, unhealthy, left);
    }

    /** @return the backend ids in cascade order */
    public List<String> ids() {
        return backends.stream().map(BackendCandidate::id).toList();
    }
}
