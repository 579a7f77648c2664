package dev.thefactory.llm.internal;

import dev.thefactory.api.AgentException;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Counts the token usage of a build's model calls, per task and in total, and enforces the build's token budget:
 * a call is admitted only when what was spent, plus the most every call in flight may still use, plus this call's
 * maximum answer, stays within the budget. So concurrent calls cannot cross it together, and no call can cross it by
 * more than its own prompt. Thread-safe.
 */
final class UsageMeter {

    private final OptionalLong budget;
    private final String budgetSetting;
    private final Map<String, Usage> byTask = new TreeMap<>();
    private Usage total = Usage.NONE;
    private long reserved;

    UsageMeter(OptionalLong budget, String budgetSetting) {
        this.budget = budget;
        this.budgetSetting = budgetSetting;
    }

    /**
     * Reserves room for one call's answer.
     *
     * @param taskId          the task that wants to call
     * @param maxOutputTokens the most tokens the answer may have
     * @throws AgentException (permanent) when the call could cross the budget, saying what was spent
     */
    synchronized void reserve(String taskId, int maxOutputTokens) {
        if (budget.isEmpty()) {
            return;
        }
        long limit = budget.getAsLong();
        long left = limit - total.totalTokens() - reserved;
        if (left < maxOutputTokens) {
            throw AgentException.permanentFailure("token budget reached: the build has spent " + total.totalTokens()
                    + " of its " + limit + " tokens (" + total.describe() + ")"
                    + (reserved > 0 ? " and " + reserved + " more are reserved by calls in flight" : "")
                    + "; the next call of task '" + taskId + "' may use up to " + maxOutputTokens
                    + " answer tokens, more than the " + Math.max(0, left) + " left, so it was not started. Raise "
                    + budgetSetting + " (LlmSettings.maxTokensPerBuild) to go on");
        }
        reserved += maxOutputTokens;
    }

    /** @param maxOutputTokens what {@link #reserve} reserved */
    synchronized void release(int maxOutputTokens) {
        if (budget.isPresent()) {
            reserved = Math.max(0, reserved - maxOutputTokens);
        }
    }

    /**
     * @param taskId the task that called
     * @param usage  what the call used
     */
    synchronized void record(String taskId, Usage usage) {
        total = total.plus(usage);
        byTask.merge(taskId, usage, Usage::plus);
    }

    /** @return what the build used so far */
    synchronized Usage total() {
        return total;
    }

    /** @param taskId a task @return what its calls used so far, over all its attempts */
    synchronized Usage task(String taskId) {
        return byTask.getOrDefault(taskId, Usage.NONE);
    }
}
