package dev.thefactory.internal.coverage;

import dev.thefactory.api.Coverage;
import dev.thefactory.api.Evidence;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.Requirement;
import dev.thefactory.api.RequirementOutcome;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.internal.output.SafePaths;
import dev.thefactory.internal.output.TestOutcome;
import dev.thefactory.spi.RequirementClaim;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verifies a backend's requirement claims against its validated output and makes the build's {@link Coverage}: one
 * outcome per requirement of the spec, in {@link Requirement#of(ProjectSpec)} order.
 *
 * <ul>
 *   <li>Claims of one requirement (from several tasks, or several claims of one task) are merged first: their
 *       evidence is pooled, the weakest status wins ({@code NOT_IMPLEMENTED} &lt; {@code PARTIAL} &lt;
 *       {@code IMPLEMENTED}), gaps and reasons are unioned. So a developer task may name the files and a tester task
 *       the tests of one feature.</li>
 *   <li>A merged {@code IMPLEMENTED} or {@code PARTIAL} claim is then verified: every file must be in the output,
 *       every test must be among the generated tests that ran and have passed. Every {@code IMPLEMENTED} or
 *       {@code PARTIAL} claim, of any section (features, tech stack, quality requirements, architecture hints,
 *       technical preferences, output expectations), needs at least one file and at least one named test: files
 *       alone prove nothing ran. A claim whose evidence fails becomes {@code NOT_IMPLEMENTED}, with a reason that
 *       says what did not hold, and a note.</li>
 *   <li>A claim of an id that is not a requirement of the spec is ignored, with a note naming the task.</li>
 *   <li>A requirement no claim names is {@code NOT_IMPLEMENTED}: {@value #UNCLAIMED}.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class RequirementLedger {

    /** The reason of a requirement no backend claimed. */
    public static final String UNCLAIMED = "no backend claimed it";

    /** The problem named for an {@code IMPLEMENTED} or {@code PARTIAL} claim without a test. */
    public static final String NO_TEST = "it names no generated test that exercises it";

    private RequirementLedger() {
    }

    /**
     * @param spec        the spec whose requirements the ledger lists
     * @param backend     the id of the backend whose output was validated (and whose tasks made the claims)
     * @param claims      every claim of that backend's tasks, in task-id order
     * @param outputFiles the paths of the validated output, relative to the project root, {@code /}-separated
     * @param tests       the outcome of every generated test that ran; empty when none did
     * @param testsNotRun why the generated tests were not run, or null when they were (or the project has none)
     * @return the verified ledger and the notes verification produced
     */
    public static VerifiedLedger verify(ProjectSpec spec, String backend, List<TaskClaim> claims,
            Set<String> outputFiles, List<TestOutcome> tests, String testsNotRun) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(outputFiles, "outputFiles");
        List<Requirement> requirements = Requirement.of(spec);
        Map<String, Requirement> byId = new LinkedHashMap<>();
        requirements.forEach(r -> byId.put(r.id(), r));
        Map<String, TestOutcome> testsByName = new LinkedHashMap<>();
        tests.forEach(t -> testsByName.putIfAbsent(t.name(), t));

        List<String> notes = new ArrayList<>();
        Map<String, List<TaskClaim>> grouped = new LinkedHashMap<>();
        for (TaskClaim claim : claims) {
            String id = claim.claim().requirementId();
            if (!byId.containsKey(id)) {
                notes.add("Task '" + claim.taskId() + "' of backend '" + backend + "' claimed requirement '" + id
                        + "', which is not a requirement of the spec (" + idRange(requirements) + "); the claim was "
                        + "ignored");
                continue;
            }
            grouped.computeIfAbsent(id, k -> new ArrayList<>()).add(claim);
        }

        List<RequirementOutcome> outcomes = new ArrayList<>();
        for (Requirement requirement : requirements) {
            List<TaskClaim> mine = grouped.get(requirement.id());
            if (mine == null) {
                outcomes.add(new RequirementOutcome(requirement.id(), requirement.section(), requirement.text(),
                        RequirementStatus.NOT_IMPLEMENTED, null, Evidence.NONE, List.of(), UNCLAIMED));
                continue;
            }
            outcomes.add(verifyOne(requirement, backend, mine, outputFiles, testsByName, testsNotRun, notes));
        }
        String languageId = Requirement.language(spec).map(Requirement::id).orElse(null);
        return new VerifiedLedger(backend, new Coverage(outcomes, languageId), notes);
    }

    /**
     * A ledger for a build whose output was never verified (it failed or stopped before a backend's output passed
     * validation): every requirement {@code NOT_IMPLEMENTED} with the same reason.
     *
     * @param spec   the spec
     * @param reason why nothing is implemented
     * @return the ledger
     */
    public static Coverage unverified(ProjectSpec spec, String reason) {
        Objects.requireNonNull(reason, "reason");
        List<RequirementOutcome> outcomes = Requirement.of(spec).stream()
                .map(r -> new RequirementOutcome(r.id(), r.section(), r.text(), RequirementStatus.NOT_IMPLEMENTED,
                        null, Evidence.NONE, List.of(), reason))
                .toList();
        return new Coverage(outcomes, Requirement.language(spec).map(Requirement::id).orElse(null));
    }

    private static RequirementOutcome verifyOne(Requirement requirement, String backend, List<TaskClaim> claims,
            Set<String> outputFiles, Map<String, TestOutcome> tests, String testsNotRun, List<String> notes) {
        RequirementStatus status = RequirementStatus.IMPLEMENTED;
        Set<String> files = new LinkedHashSet<>();
        Set<String> testNames = new LinkedHashSet<>();
        Set<String> gaps = new LinkedHashSet<>();
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> taskIds = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (TaskClaim taskClaim : claims) {
            RequirementClaim claim = taskClaim.claim();
            taskIds.add(taskClaim.taskId());
            if (weaker(claim.status(), status)) {
                status = claim.status();
            }
            for (String file : claim.files()) {
                try {
                    files.add(SafePaths.normalize(file));
                } catch (FactoryException e) {
                    problems.add("file '" + file + "' is not a safe relative path");
                }
            }
            claim.tests().stream().map(String::strip).forEach(testNames::add);
            gaps.addAll(claim.gaps());
            if (claim.reason() != null && !claim.reason().isBlank()) {
                reasons.add(claim.reason().strip());
            }
        }
        String reason = reasons.isEmpty() ? null : String.join("; ", reasons);
        if (status == RequirementStatus.NOT_IMPLEMENTED) {
            return new RequirementOutcome(requirement.id(), requirement.section(), requirement.text(), status, backend,
                    Evidence.NONE, List.copyOf(gaps), reason);
        }
        if (status == RequirementStatus.IMPLEMENTED) {
            gaps.clear();
            reason = null;
        }
        for (String file : files) {
            if (!outputFiles.contains(file)) {
                problems.add("file " + file + " is not in the output");
            }
        }
        boolean testMissing = false;
        boolean noneRan = tests.isEmpty() && testsNotRun != null;
        for (String test : testNames) {
            TestOutcome outcome = tests.get(test);
            if (outcome == null) {
                if (!noneRan) {
                    problems.add("test " + test + " was not among the generated tests that ran");
                }
                testMissing = true;
            } else if (outcome.status() == TestOutcome.Status.FAILED) {
                problems.add("test " + test + " failed" + (outcome.message().isBlank() ? ""
                        : " (" + firstLine(outcome.message()) + ")"));
            } else if (outcome.status() == TestOutcome.Status.SKIPPED) {
                problems.add("test " + test + " was skipped, so it proves nothing");
            }
        }
        String notRun = null;
        String notRunProblem = null;
        if (testMissing && noneRan) {
            // the cause first, in plain sentences: the toolchain or setting that kept every test from running
            String cause = testsNotRun.strip();
            notRun = (cause.contains("not run") ? cause : "the generated tests were not run: " + cause)
                    + (cause.endsWith(".") ? "" : ".") + " So no test of backend '" + backend + "' proves this "
                    + "requirement";
            notRunProblem = "the generated tests were not run: " + cause;
            problems.add(notRunProblem);
        }
        if (files.isEmpty()) {
            problems.add("it names no generated file that implements it");
        }
        if (testNames.isEmpty()) {
            problems.add(NO_TEST);
        }
        if (problems.isEmpty()) {
            return new RequirementOutcome(requirement.id(), requirement.section(), requirement.text(), status, backend,
                    new Evidence(List.copyOf(files), List.copyOf(testNames)), List.copyOf(gaps), reason);
        }
        List<String> others = new ArrayList<>(problems);
        others.remove(notRunProblem);
        String why = notRun != null
                ? Character.toUpperCase(notRun.charAt(0)) + notRun.substring(1)
                        + (others.isEmpty() ? "" : "; also, " + String.join("; ", others))
                : "claimed by backend '" + backend + "', but its evidence did not hold: " + String.join("; ", problems);
        notes.add("Requirement " + requirement.id() + " \"" + abbreviate(requirement.text()) + "\" was claimed "
                + status + " by task" + (taskIds.size() == 1 ? " '" : "s '") + String.join("', '", taskIds)
                + "' of backend '" + backend + "', but its evidence did not hold: " + String.join("; ", problems)
                + "; it counts as NOT_IMPLEMENTED");
        return new RequirementOutcome(requirement.id(), requirement.section(), requirement.text(),
                RequirementStatus.NOT_IMPLEMENTED, backend, Evidence.NONE, List.copyOf(gaps), why);
    }

    /** @return whether {@code a} is weaker than {@code b}: NOT_IMPLEMENTED &lt; PARTIAL &lt; IMPLEMENTED */
    private static boolean weaker(RequirementStatus a, RequirementStatus b) {
        return rank(a) < rank(b);
    }

    private static int rank(RequirementStatus status) {
        return switch (status) {
            case NOT_IMPLEMENTED -> 0;
            case PARTIAL -> 1;
            case IMPLEMENTED -> 2;
        };
    }

    private static String idRange(List<Requirement> requirements) {
        if (requirements.isEmpty()) {
            return "it has none";
        }
        return "its requirements are " + requirements.stream()
                .collect(Collectors.groupingBy(r -> r.section(), LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream()
                .map(e -> e.getValue() == 1 ? e.getKey().idPrefix() + "-1"
                        : e.getKey().idPrefix() + "-1 to " + e.getKey().idPrefix() + "-" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return abbreviate(line);
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 119) + "…" : text;
    }
}
