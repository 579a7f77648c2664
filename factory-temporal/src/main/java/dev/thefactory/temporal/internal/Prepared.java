package dev.thefactory.temporal.internal;

import java.util.List;

/**
 * What the prepare activity found: the backend cascade, the plan and what the output directory held.
 *
 * @param cascade      the backend ids, first choice first
 * @param steps        the plan's top-level tasks, in plan order (every phase)
 * @param notes        the planner's notes
 * @param seen         what the project's output directory held when the build started
 * @param startedAt    when the build started (ISO-8601), for the manifest
 */
public record Prepared(List<String> cascade, List<PlannedStep> steps, List<String> notes, SeenOutput seen,
        String startedAt) {

    /**
     * What the project's output directory held when the build started; publishing expects the same.
     *
     * @param directory   the directory
     * @param kind        what it held
     * @param publishedBy the build that published it, or null
     * @param differences how it differs from what that build published
     */
    public record SeenOutput(String directory, String kind, String publishedBy, List<String> differences) {
    }
}
