package dev.thefactory.spi;

import dev.thefactory.api.RequirementStatus;
import java.util.List;
import java.util.Objects;

/**
 * A backend's claim about one requirement of the spec (see {@link dev.thefactory.api.Requirement#of}), made in a
 * {@link TaskResult}. The core verifies every claim before it counts: each file must exist in the validated
 * output, each test must exist among the generated tests and have passed; a claim whose evidence fails is
 * downgraded, with a note. A requirement of any section (a feature, a tech-stack entry, a quality requirement, an
 * architecture hint, a technical preference, an output expectation) claimed {@link RequirementStatus#IMPLEMENTED} or
 * {@link RequirementStatus#PARTIAL} needs at least one file and at least one test that exercises it through the
 * project's public surface (an HTTP call, a command, a library call) or checks the file that carries it (the build
 * file, the README); files alone prove nothing.
 * Claims of several tasks about one requirement are merged: their evidence is pooled and the weakest status wins.
 *
 * <p>Claim a requirement {@code IMPLEMENTED} only when every meaningful part of its text was honoured; name what
 * was not in {@code gaps} and claim it {@code PARTIAL}. A requirement no backend claims ends
 * {@code NOT_IMPLEMENTED}; saying so with a reason ({@link #notImplemented}) tells the user why.
 *
 * <p>Immutable and thread-safe.
 *
 * @param requirementId the requirement's id, e.g. {@code core-2}
 * @param status        what the backend claims
 * @param files         the generated files that implement it, relative to the project root
 * @param tests         the generated tests that exercise it, as {@code Class#method}
 * @param gaps          for {@code PARTIAL}: the parts of the text that were not honoured
 * @param reason        for {@code PARTIAL} and {@code NOT_IMPLEMENTED}: why, in words; may be null otherwise
 */
public record RequirementClaim(String requirementId, RequirementStatus status, List<String> files,
        List<String> tests, List<String> gaps, String reason) {

    /**
     * @throws NullPointerException     if a required component is null
     * @throws IllegalArgumentException when a {@code PARTIAL} claim has no gaps or reason, or a
     *                                  {@code NOT_IMPLEMENTED} claim has no reason
     */
    public RequirementClaim {
        Objects.requireNonNull(requirementId, "requirementId");
        Objects.requireNonNull(status, "status");
        files = List.copyOf(files);
        tests = List.copyOf(tests);
        gaps = List.copyOf(gaps);
        if (status != RequirementStatus.IMPLEMENTED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a " + status + " claim of " + requirementId + " needs a reason");
        }
        if (status == RequirementStatus.PARTIAL && gaps.isEmpty()) {
            throw new IllegalArgumentException("a PARTIAL claim of " + requirementId
                    + " needs gaps naming the parts of the text that were not honoured");
        }
    }

    /**
     * @param requirementId the requirement's id
     * @param files         the files that implement it
     * @param tests         the tests that exercise it, as {@code Class#method}
     * @return a claim that the requirement is implemented
     */
    public static RequirementClaim implemented(String requirementId, List<String> files, List<String> tests) {
        return new RequirementClaim(requirementId, RequirementStatus.IMPLEMENTED, files, tests, List.of(), null);
    }

    /**
     * @param requirementId the requirement's id
     * @param files         the files that implement what was built
     * @param tests         the tests that exercise what was built
     * @param gaps          the parts of the text that were not honoured
     * @param reason        why, in words
     * @return a claim that the requirement is partly implemented
     */
    public static RequirementClaim partial(String requirementId, List<String> files, List<String> tests,
            List<String> gaps, String reason) {
        return new RequirementClaim(requirementId, RequirementStatus.PARTIAL, files, tests, gaps, reason);
    }

    /**
     * @param requirementId the requirement's id
     * @param reason        why it was not implemented
     * @return a claim that the requirement is not implemented
     */
    public static RequirementClaim notImplemented(String requirementId, String reason) {
        return new RequirementClaim(requirementId, RequirementStatus.NOT_IMPLEMENTED, List.of(), List.of(), List.of(),
                reason);
    }
}
