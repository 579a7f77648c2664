package dev.thefactory.llm.internal;

import dev.thefactory.api.AgentException;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts the token usage of a build's model calls, per task and in total, and enforces the build's token budget:
 * a call is admitted only when what was spent, plus what the calls in flight reserved, plus this call's estimated
 * prompt and its maximum answer, stays within the budget. So concurrent calls cannot cross it together, and a call
 * crosses it only if its prompt has more tokens than estimated ({@link #estimateTokens}: one per three characters,
 * more than tokenizers count for English, code and JSON). Thread-safe.
 */
final class UsageMeter {

    private final OptionalLong budget;
    private final String budgetSetting;
    private final Map<String, Usage> byTask = new TreeMap<>();
    /** Tasks whose usage was reported with a result or carried over from an earlier run. */
    private final Set<String> settled = new HashSet<>();
    private Usage total = Usage.NONE;
    private long reserved;

    UsageMeter(OptionalLong budget, String budgetSetting) {
        this.budget = budget;
        this.budgetSetting = budgetSetting;
    }

    /**
     * @param text a prompt
     * @return an upper estimate of its tokens: one per three characters
     */
    static long estimateTokens(String text) {
        return (text.length() + 2) / 3;
    }

    /**
     * Reserves room for one call.
     *
     * @param taskId          the task that wants to call
     * @param promptTokens    the prompt's estimated tokens
     * @param maxOutputTokens the most tokens the answer may have
     * @return what was reserved, to hand to {@link #release}
     * @throws AgentException (permanent) when the call could cross the budget, saying what was spent
     */
    synchronized long reserve(String taskId, long promptTokens, int maxOutputTokens) {
        if (budget.isEmpty()) {
            return 0;
        }
        long limit = budget.getAsLong();
        long left = limit - total.totalTokens() - reserved;
        long needed = promptTokens + maxOutputTokens;
        if (left < needed) {
            throw AgentException.permanentFailure("token budget reached: the build has spent " + total.totalTokens()
                    + " of its " + limit + " tokens (" + total.describe() + ")"
                    + (reserved > 0 ? " and " + reserved + " more are reserved by calls in flight" : "")
                    + "; the next call of task '" + taskId + "' may use up to " + needed + " tokens (about "
                    + promptTokens + " prompt + " + maxOutputTokens + " answer), more than the " + Math.max(0, left)
                    + " left, so it was not started. Raise " + budgetSetting
                    + " (LlmSettings.maxTokensPerBuild) to go on");
        }
        reserved += needed;
        return needed;
    }

    /** @param reservation what {@link #reserve} returned */
    synchronized void release(long reservation) {
        reserved = Math.max(0, reserved - reservation);
    }

    /**
     * @param taskId the task that called
     * @param usage  what the call used
     */
    synchronized void record(String taskId, Usage usage) {
        total = total.plus(usage);
        byTask.merge(taskId, usage, Usage::plus);
    }

    /**
     * Counts the usage a resumed build's earlier run recorded in facts ({@code <prefix><task id>} holding
     * {@link Usage#toJson()}), once per task this meter has not seen, so that the budget covers the whole build.
     *
     * @param facts  the facts a task sees
     * @param prefix the usage facts' prefix
     */
    synchronized void carryOver(Map<String, String> facts, String prefix) {
        for (Map.Entry<String, String> fact : facts.entrySet()) {
            String taskId = fact.getKey().startsWith(prefix) ? fact.getKey().substring(prefix.length()) : null;
            if (taskId == null || byTask.containsKey(taskId)) {
                continue;
            }
            try {
                com.fasterxml.jackson.databind.JsonNode json = Answers.mapper().readTree(fact.getValue());
                record(taskId, new Usage(json.path("inputTokens").asLong(), json.path("outputTokens").asLong(),
                        json.path("calls").asLong()));
                settled.add(taskId);
            } catch (java.io.IOException e) {
                // not a usage fact of this backend: leave it out
            }
        }
    }

    /**
     * Marks a task's usage as reported (with its result), and returns it.
     *
     * @param taskId a task that returned a result
     * @return what its calls used, over all its attempts
     */
    synchronized Usage settle(String taskId) {
        settled.add(taskId);
        return task(taskId);
    }

    /**
     * @return what the calls of tasks that returned no result used: tasks that failed for good, or whose last
     *         attempt timed out; a build counts it once its backend is done
     */
    synchronized Usage unsettled() {
        Usage sum = Usage.NONE;
        for (Map.Entry<String, Usage> entry : byTask.entrySet()) {
            if (!settled.contains(entry.getKey())) {
                sum = sum.plus(entry.getValue());
            }
        }
        return sum;
    }

    /** @return what the build used so far */
    synchronized Usage total() {
        return total;
    }

    /**
     * @param taskId a task
     * @return what its calls used so far, over all its attempts
     */
    synchronized Usage task(String taskId) {
        return byTask.getOrDefault(taskId, Usage.NONE);
    }
}
