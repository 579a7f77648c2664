package dev.thefactory.temporal.internal;

import dev.thefactory.api.Usage;

/**
 * One entry of a build workflow's progress log, which clients read with the workflow's progress query and turn into
 * the build events of {@code dev.thefactory.api.event}. Only the fields of its type are set; the others are null, 0
 * or false.
 *
 * @param type           the event type's name ({@code BuildStarted}, {@code PhaseStarted}, {@code PhaseCompleted},
 *                       {@code PhaseFailed}, {@code AgentSpawned}, {@code TaskCompleted}, {@code TaskFailed},
 *                       {@code FallbackTriggered}, {@code RepairRoundFinished}, {@code BuildFinished})
 * @param timeMillis     when it happened, in workflow time
 * @param phase          the phase's name, or null
 * @param backend        the backend (the fallback's origin), or null
 * @param task           the task, or null
 * @param text           the reason of a failure or fallback, the project's name, or the published directory
 * @param other          the fallback's target, the task's role, the build's mode or status
 * @param parent         the spawned task's parent, or null
 * @param durationMillis the phase's or task's duration
 * @param files          the task's files
 * @param usage          the task's model usage, or null
 * @param repair         the repair round that ended, or null
 * @param maxRounds      the most repair rounds allowed, with {@code repair}
 */
public record Progress(String type, long timeMillis, String phase, String backend, String task, String text,
        String other, String parent, long durationMillis, int files, Usage usage,
        dev.thefactory.api.RepairRecord repair, int maxRounds) {

    /**
     * Stamps an entry made on a worker with the workflow's time.
     *
     * @param millis when it happened, in workflow time
     * @return this entry at that time
     */
    Progress at(long millis) {
        return new Progress(type, millis, phase, backend, task, text, other, parent, durationMillis, files, usage,
                repair, maxRounds);
    }
}
