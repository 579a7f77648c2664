package dev.thefactory.spi;

import dev.thefactory.api.Usage;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a task produced. Immutable and thread-safe.
 *
 * @param files        files to stage
 * @param facts        facts for later tasks (e.g. {@code basePackage}), visible through {@link AgentContext#facts()}
 * @param plannedFiles paths the project must contain when {@code GENERATE} ends; validated to exist and be
 *                     non-empty before anything is published
 * @param children     sub-tasks to spawn in the same phase
 * @param notes        things the user should know (shown in the build result)
 * @param claims       what the task claims about requirements of the spec, with evidence; verified by the core
 *                     before they count (see {@link RequirementClaim})
 * @param usage        the model usage the task spent; {@link Usage#NONE} for a task that called no model
 */
public record TaskResult(List<GeneratedFile> files, Map<String, String> facts, List<String> plannedFiles,
        List<ChildTask> children, List<String> notes, List<RequirementClaim> claims, Usage usage) {

    /** Copies everything; facts are sorted by key; a null usage counts as {@link Usage#NONE}. */
    public TaskResult {
        usage = usage == null ? Usage.NONE : usage;
        files = List.copyOf(files);
        facts = Collections.unmodifiableMap(new TreeMap<>(facts));
        plannedFiles = List.copyOf(plannedFiles);
        children = List.copyOf(children);
        notes = List.copyOf(notes);
        claims = List.copyOf(claims);
    }

    /**
     * A result that used no model.
     *
     * @param files        files to stage
     * @param facts        facts for later tasks
     * @param plannedFiles paths the project must contain
     * @param children     sub-tasks to spawn
     * @param notes        things the user should know
     * @param claims       what the task claims about requirements of the spec
     */
    public TaskResult(List<GeneratedFile> files, Map<String, String> facts, List<String> plannedFiles,
            List<ChildTask> children, List<String> notes, List<RequirementClaim> claims) {
        this(files, facts, plannedFiles, children, notes, claims, Usage.NONE);
    }

    /**
     * A result that claims no requirement.
     *
     * @param files        files to stage
     * @param facts        facts for later tasks
     * @param plannedFiles paths the project must contain
     * @param children     sub-tasks to spawn
     * @param notes        things the user should know
     */
    public TaskResult(List<GeneratedFile> files, Map<String, String> facts, List<String> plannedFiles,
            List<ChildTask> children, List<String> notes) {
        this(files, facts, plannedFiles, children, notes, List.of());
    }

    /** @return a result with nothing in it */
    public static TaskResult empty() {
        return new TaskResult(List.of(), Map.of(), List.of(), List.of(), List.of());
    }

    /**
     * @param files the files
     * @return a result with only files
     */
    public static TaskResult ofFiles(List<GeneratedFile> files) {
        return new TaskResult(files, Map.of(), List.of(), List.of(), List.of());
    }

    /**
     * @param facts the facts
     * @return a result with only facts
     */
    public static TaskResult ofFacts(Map<String, String> facts) {
        return new TaskResult(List.of(), facts, List.of(), List.of(), List.of());
    }

    /**
     * @param claims what the task claims about requirements of the spec
     * @return a copy of this result with those claims (replacing any it had)
     */
    public TaskResult withClaims(List<RequirementClaim> claims) {
        return new TaskResult(files, facts, plannedFiles, children, notes, claims, usage);
    }

    /**
     * @param usage the model usage the task spent
     * @return a copy of this result with that usage (replacing any it had)
     */
    public TaskResult withUsage(Usage usage) {
        return new TaskResult(files, facts, plannedFiles, children, notes, claims, usage);
    }
}
