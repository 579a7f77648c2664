package dev.thefactory.internal.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.thefactory.api.Coverage;
import dev.thefactory.api.FallbackRecord;
import dev.thefactory.api.RepairRecord;
import dev.thefactory.api.TestSummary;
import dev.thefactory.api.Usage;
import dev.thefactory.internal.output.TestOutcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The manifest written into every published project as {@value #PATH}: build id, spec hash, mode, the backend of every
 * phase, agents spawned, every file with size, SHA-256 and validation result, the generated tests and the outcome of
 * each, the requirement ledger ({@code coverage}, in the shape of the command line's JSON), timings per phase, status,
 * retries, fallbacks, notes and the tool version. Written with Jackson, pretty-printed, keys sorted. It holds the build id and
 * timings, so it is excluded from the guarantee that the same spec and mode give byte-identical project files.
 *
 * <p>Stateless and thread-safe.
 */
final class BuildMetadata {

    /** Where the manifest lives inside the project. */
    static final String PATH = ".factory/metadata.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private BuildMetadata() {
    }

    /**
     * The project.
     *
     * @param name       the spec's name
     * @param slug       its directory name
     * @param type       its type id
     * @param complexity its complexity id
     */
    record Project(String name, String slug, String type, String complexity) {
    }

    /**
     * A file of the project.
     *
     * @param path      relative path
     * @param size      bytes
     * @param sha256    SHA-256, lower-case hex
     * @param status    {@code PASSED}, {@code UNCHECKED} or {@code FAILED}
     * @param validator the validator that checked it, or empty
     */
    record FileEntry(String path, long size, String sha256, String status, String validator) {
    }

    /**
     * A phase.
     *
     * @param phase          its name
     * @param status         how it ended
     * @param backend        the backend that ran it last, or {@code core}
     * @param durationMillis time spent in it
     * @param usage          the model usage of its tasks ({@code inputTokens}, {@code outputTokens}, {@code calls})
     */
    record PhaseEntry(String phase, String status, String backend, long durationMillis, Usage usage) {
    }

    /**
     * Validation counts.
     *
     * @param checked   files checked and passed
     * @param unchecked files not content-checked
     * @param failed    files that failed
     * @param tests     the generated tests
     */
    record Validation(int checked, int unchecked, int failed, Tests tests) {
        Validation {
            Objects.requireNonNull(tests, "tests");
        }
    }

    /**
     * The generated tests that were run.
     *
     * @param run       tests run
     * @param passed    tests passed
     * @param failed    tests failed
     * @param skipped   tests skipped
     * @param unchecked why they were not run, or null
     * @param outcomes  every test's outcome, sorted by name
     */
    record Tests(int run, int passed, int failed, int skipped, String unchecked, List<TestEntry> outcomes) {
        Tests {
            outcomes = List.copyOf(outcomes);
        }

        static Tests of(TestSummary summary, List<TestOutcome> outcomes) {
            return new Tests(summary.run(), summary.passed(), summary.failed(), summary.skipped(), summary.unchecked(),
                    outcomes.stream().map(t -> new TestEntry(t.name(), t.status().name(), t.message())).toList());
        }
    }

    /**
     * One generated test.
     *
     * @param name    {@code Class#method}
     * @param status  {@code PASSED}, {@code FAILED} or {@code SKIPPED}
     * @param message the runner's message, or empty
     */
    record TestEntry(String name, String status, String message) {
    }

    /**
     * The requirement ledger, in the shape of the command line's {@code coverage}.
     *
     * @param implemented    requirements implemented
     * @param partial        requirements partly implemented
     * @param notImplemented requirements not implemented
     * @param requirements   one entry per requirement of the spec, in ledger order
     */
    record CoverageEntry(int implemented, int partial, int notImplemented, List<RequirementEntry> requirements) {
        CoverageEntry {
            requirements = List.copyOf(requirements);
        }

        static CoverageEntry of(Coverage coverage) {
            return new CoverageEntry(coverage.implemented(), coverage.partial(), coverage.notImplemented(),
                    coverage.requirements().stream().map(r -> new RequirementEntry(r.id(), r.section().key(),
                            r.text(), r.status().name(), r.backend(),
                            new EvidenceEntry(r.evidence().files(), r.evidence().tests()), r.gaps(), r.reason()))
                            .toList());
        }
    }

    /**
     * One requirement.
     *
     * @param id       its id
     * @param section  its section's key, e.g. {@code techStack}
     * @param text     its text
     * @param status   {@code IMPLEMENTED}, {@code PARTIAL} or {@code NOT_IMPLEMENTED}
     * @param backend  the backend that claimed it, or null
     * @param evidence its files and tests
     * @param gaps     what was not honoured
     * @param reason   why it is not (fully) implemented, or null
     */
    record RequirementEntry(String id, String section, String text, String status, String backend,
            EvidenceEntry evidence, List<String> gaps, String reason) {
    }

    /**
     * Evidence of a requirement.
     *
     * @param files the files that implement it
     * @param tests the tests that exercise it
     */
    record EvidenceEntry(List<String> files, List<String> tests) {
    }

    /**
     * The whole manifest.
     *
     * @param buildId       the build
     * @param specHash      SHA-256 of the spec (file bytes, or normalized JSON)
     * @param project       the project
     * @param mode          the mode asked for
     * @param status        the build's status when it published
     * @param toolVersion   the version of The Factory
     * @param startedAt     when the build started (ISO-8601, UTC)
     * @param backends      the backend per phase
     * @param agentsSpawned agents that ran, on every backend tried
     * @param retries       retry attempts made
     * @param phases        every phase, in order
     * @param files         every project file, sorted by path
     * @param validation    validation counts and the generated tests
     * @param coverage      the requirement ledger
     * @param fallbacks     every fallback
     * @param notes         the build's notes
     * @param usage         model usage summed over the build ({@code inputTokens}, {@code outputTokens},
     *                      {@code calls})
     * @param repairs       every repair round of {@code VALIDATE_OUTPUT} ({@code round}, {@code backend},
     *                      {@code diagnostics}, {@code files}, {@code remaining}, {@code outcome}, {@code detail})
     */
    record Metadata(String buildId, String specHash, Project project, String mode, String status, String toolVersion,
            String startedAt, Map<String, String> backends, int agentsSpawned, int retries, List<PhaseEntry> phases,
            List<FileEntry> files, Validation validation, CoverageEntry coverage, List<FallbackRecord> fallbacks,
            List<String> notes, Usage usage, List<RepairRecord> repairs) {
        Metadata {
            repairs = List.copyOf(repairs);
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(buildId, "buildId");
            backends = Map.copyOf(backends);
            phases = List.copyOf(phases);
            files = List.copyOf(files);
            Objects.requireNonNull(coverage, "coverage");
            fallbacks = List.copyOf(fallbacks);
            notes = List.copyOf(notes);
        }

        /** A manifest without repair rounds. */
        Metadata(String buildId, String specHash, Project project, String mode, String status, String toolVersion,
                String startedAt, Map<String, String> backends, int agentsSpawned, int retries,
                List<PhaseEntry> phases, List<FileEntry> files, Validation validation, CoverageEntry coverage,
                List<FallbackRecord> fallbacks, List<String> notes, Usage usage) {
            this(buildId, specHash, project, mode, status, toolVersion, startedAt, backends, agentsSpawned, retries,
                    phases, files, validation, coverage, fallbacks, notes, usage, List.of());
        }

        /**
         * @param rounds the repair rounds
         * @return a copy with them
         */
        Metadata withRepairs(List<RepairRecord> rounds) {
            return new Metadata(buildId, specHash, project, mode, status, toolVersion, startedAt, backends,
                    agentsSpawned, retries, phases, files, validation, coverage, fallbacks, notes, usage, rounds);
        }
    }

    /**
     * @param metadata the manifest
     * @return its JSON as UTF-8, ending with a newline
     */
    static byte[] toJson(Metadata metadata) {
        try {
            return (JSON.writeValueAsString(metadata) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + PATH + " as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
