package dev.thefactory.internal.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.thefactory.api.AgentRole;
import dev.thefactory.api.CheckpointException;
import dev.thefactory.api.Coverage;
import dev.thefactory.api.FactoryException.ErrorContext;
import dev.thefactory.api.FallbackRecord;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.Phase;
import dev.thefactory.spi.RequirementClaim;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The payloads of the checkpoints a build saves, as versioned JSON ({@value #FORMAT_VERSION}). Two kinds:
 *
 * <ul>
 *   <li>{@link PhaseCheckpoint} ({@code "kind": "phase"}) after every phase: the whole state — spec hash, mode, the
 *       backend in use, the phases completed on it (with backend and duration), every finished task of that backend
 *       with its {@link TaskRecord}, the merged facts, the planned files, the fallbacks so far and the backends
 *       tried, and where the spec file and the output directory are (so a resume from the command line can find
 *       them);</li>
 *   <li>{@link TaskCheckpoint} ({@code "kind": "task"}) after every finished {@code GENERATE} task: that task's record
 *       only, so a task checkpoint costs the same whatever the number of tasks before it.</li>
 * </ul>
 * The state at any point is the newest phase checkpoint plus the task checkpoints saved after it. A task record holds
 * each file's path, size and SHA-256 but not its content (the content is in the staging area, where a resume checks
 * it against the hash), and the task's requirement claims, so a resumed build verifies the same ledger as an
 * uninterrupted one. Keys are written sorted, so equal states give equal bytes.
 *
 * <p>Stateless and thread-safe.
 */
public final class BuildState {

    /** The payload format written by this version; {@code Checkpoint.formatVersion} carries the same number. */
    public static final int FORMAT_VERSION = 1;
    /** {@code kind} of a phase checkpoint. */
    public static final String PHASE = "phase";
    /** {@code kind} of a task checkpoint. */
    public static final String TASK = "task";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private BuildState() {
    }

    /**
     * A staged file, without content.
     *
     * @param path   the normalized relative path
     * @param size   its size in bytes
     * @param sha256 its SHA-256, lower-case hex
     */
    public record FileRef(String path, long size, String sha256) {
        /** @throws NullPointerException if a component is null */
        public FileRef {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * A child a task spawned.
     *
     * @param key        its key among its siblings
     * @param role       its role
     * @param subject    what it is about
     * @param parameters its parameters, sorted
     */
    public record ChildRef(String key, AgentRole role, String subject, Map<String, String> parameters) {
        /** Sorts the parameters. */
        public ChildRef {
            parameters = sorted(parameters);
        }
    }

    /**
     * What one finished task produced.
     *
     * @param id           the task id
     * @param phase        its phase
     * @param backend      the backend that ran it
     * @param parentId     its parent's id, or null
     * @param depth        its depth
     * @param files        the files it staged, sorted by path
     * @param facts        the facts it published, sorted
     * @param plannedFiles the files it planned
     * @param children     the children it spawned
     * @param notes        its notes
     * @param claims       what it claimed about requirements of the spec, unverified (the core verifies them in
     *                     {@code VALIDATE_OUTPUT}); empty in checkpoints written before claims were recorded
     */
    public record TaskRecord(String id, Phase phase, String backend, String parentId, int depth, List<FileRef> files,
            Map<String, String> facts, List<String> plannedFiles, List<ChildRef> children, List<String> notes,
            List<RequirementClaim> claims) {
        /** Copies the lists and sorts the facts. */
        public TaskRecord {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(backend, "backend");
            files = copy(files);
            facts = sorted(facts);
            plannedFiles = copy(plannedFiles);
            children = copy(children);
            notes = copy(notes);
            claims = copy(claims);
        }
    }

    /**
     * A completed phase.
     *
     * @param phase          the phase
     * @param backend        the backend that ran it, or {@code core}
     * @param durationMillis how long it took
     */
    public record PhaseRecord(Phase phase, String backend, long durationMillis) {
    }

    /**
     * The whole state after a phase.
     *
     * @param formatVersion   {@value #FORMAT_VERSION}
     * @param kind            {@value #PHASE}
     * @param buildId         the build
     * @param specHash        the spec's SHA-256
     * @param mode            the mode asked for
     * @param backend         the backend in use, or {@code core} before one was chosen
     * @param phase           the phase just completed
     * @param completedPhases the phases completed on that backend (and by the core), in order
     * @param tasks           every finished task of that backend, sorted by id
     * @param facts           the merged facts
     * @param plannedFiles    the planned files, sorted
     * @param fallbacks       the fallbacks so far
     * @param backendsTried   the backends tried so far, in order
     * @param specFile        the absolute path of the spec file the build was started from, or null when the spec
     *                        was given as text or as a value; {@code factory resume} re-reads it from here
     * @param outputDirectory the absolute output directory (its {@code .staging/<buildId>} holds the staged files),
     *                        or null in checkpoints written before it was recorded
     * @param refused         the verified requirement ledgers of the backends whose validated output the feature
     *                        requirement refused so far, in cascade order (so a resumed build that ends refused names
     *                        the same best ledger); empty in checkpoints written before they were recorded
     * @param requireFeatures the feature requirement the build runs under, or null in checkpoints written before it
     *                        was recorded; {@code factory resume} keeps it unless told otherwise
     * @param repairRounds    the repair rounds the build runs with, or null in checkpoints written before they were
     *                        recorded; {@code factory resume} keeps them unless told otherwise
     */
    public record PhaseCheckpoint(int formatVersion, String kind, String buildId, String specHash, Mode mode,
            String backend, Phase phase, List<PhaseRecord> completedPhases, List<TaskRecord> tasks,
            Map<String, String> facts, List<String> plannedFiles, List<FallbackRecord> fallbacks,
            List<String> backendsTried, String specFile, String outputDirectory, List<RefusedLedger> refused,
            FeatureRequirement requireFeatures, Integer repairRounds) {
        /** Copies the lists and sorts the facts. */
        public PhaseCheckpoint {
            completedPhases = copy(completedPhases);
            tasks = copy(tasks);
            facts = sorted(facts);
            plannedFiles = copy(plannedFiles);
            fallbacks = copy(fallbacks);
            backendsTried = copy(backendsTried);
            refused = copy(refused);
        }
    }

    /**
     * The requirement ledger of a backend whose validated output the feature requirement refused.
     *
     * @param backend  the backend
     * @param coverage its verified ledger
     */
    public record RefusedLedger(String backend, Coverage coverage) {
        /** @throws NullPointerException if a component is null */
        public RefusedLedger {
            Objects.requireNonNull(backend, "backend");
            Objects.requireNonNull(coverage, "coverage");
        }
    }

    /**
     * One finished {@code GENERATE} task.
     *
     * @param formatVersion {@value #FORMAT_VERSION}
     * @param kind          {@value #TASK}
     * @param buildId       the build
     * @param specHash      the spec's SHA-256
     * @param mode          the mode asked for
     * @param backend       the backend that ran it
     * @param task          what it produced
     */
    public record TaskCheckpoint(int formatVersion, String kind, String buildId, String specHash, Mode mode,
            String backend, TaskRecord task) {
    }

    /**
     * @param checkpoint a payload
     * @return its JSON, keys sorted
     * @throws CheckpointException if it cannot be written (a bug)
     */
    public static String toJson(Object checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        try {
            return JSON.writeValueAsString(checkpoint);
        } catch (JsonProcessingException e) {
            throw new CheckpointException("Could not write the checkpoint payload " + checkpoint.getClass()
                    .getSimpleName() + " as JSON: " + e.getOriginalMessage(), e, ErrorContext.NONE,
                    List.of("report this as a bug"));
        }
    }

    /**
     * @param json a payload
     * @return its {@code kind}: {@value #PHASE} or {@value #TASK}
     * @throws CheckpointException when it is not a payload of a known version and kind
     */
    public static String kind(String json) {
        JsonNode tree = tree(json);
        String kind = tree.path("kind").asText("");
        if (!kind.equals(PHASE) && !kind.equals(TASK)) {
            throw new CheckpointException("Checkpoint payload has kind '" + kind + "', expected '" + PHASE + "' or '"
                    + TASK + "'", null, ErrorContext.NONE, List.of("the checkpoint was not written by The Factory; "
                    + "delete it or start a new build"));
        }
        return kind;
    }

    /**
     * @param json a phase checkpoint's payload
     * @return the state it holds
     * @throws CheckpointException when it is malformed, of another kind, or of an unknown format version
     */
    public static PhaseCheckpoint readPhase(String json) {
        return read(json, PHASE, PhaseCheckpoint.class);
    }

    /**
     * @param json a task checkpoint's payload
     * @return the task it records
     * @throws CheckpointException when it is malformed, of another kind, or of an unknown format version
     */
    public static TaskCheckpoint readTask(String json) {
        return read(json, TASK, TaskCheckpoint.class);
    }

    private static <T> T read(String json, String expectedKind, Class<T> type) {
        JsonNode tree = tree(json);
        int version = tree.path("formatVersion").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new CheckpointException("Checkpoint payload has formatVersion " + version + ", but this version of "
                    + "The Factory reads only " + FORMAT_VERSION, null, ErrorContext.NONE,
                    List.of("resume with the version of The Factory that wrote it", "start a new build"));
        }
        String kind = tree.path("kind").asText("");
        if (!kind.equals(expectedKind)) {
            throw new CheckpointException("Checkpoint payload has kind '" + kind + "', expected '" + expectedKind + "'",
                    null, ErrorContext.NONE, List.of("read it with the method for its kind"));
        }
        try {
            return JSON.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new CheckpointException("Checkpoint payload of kind '" + kind + "' is malformed: " + e.getMessage(),
                    e, ErrorContext.NONE, List.of("the checkpoint is damaged; delete it or start a new build"));
        }
    }

    private static JsonNode tree(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CheckpointException("Checkpoint payload is not JSON: " + e.getOriginalMessage(), e,
                    ErrorContext.NONE, List.of("the checkpoint is damaged; delete it or start a new build"));
        }
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
