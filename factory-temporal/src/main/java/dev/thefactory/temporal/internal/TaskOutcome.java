package dev.thefactory.temporal.internal;

import dev.thefactory.api.Usage;
import dev.thefactory.internal.engine.BuildState.TaskRecord;

/**
 * What one task activity returns: its record (paths and SHA-256 of the files it staged, never their content), its
 * model usage, and the attempt that succeeded.
 *
 * @param record  the task's record
 * @param usage   its model usage
 * @param attempt the attempt that succeeded, from 1
 */
public record TaskOutcome(TaskRecord record, Usage usage, int attempt) {
}
