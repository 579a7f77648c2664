package dev.thefactory.llm.internal;

import dev.thefactory.api.AgentRole;
import dev.thefactory.api.Phase;

/**
 * Watches the model calls of a backend: {@link #NONE} unless a Micrometer registry was handed over (then
 * {@link ObservedModelCalls}, the only class of this module that refers to Micrometer). Implementations are
 * thread-safe.
 */
public interface ModelCalls {

    /** Watches nothing. */
    ModelCalls NONE = (taskId, phase, role) -> Call.NONE;

    /**
     * @param taskId the task that makes the call
     * @param phase  its phase, or null when not known
     * @param role   its role, or null when not known
     * @return the call, to be ended exactly once
     */
    Call start(String taskId, Phase phase, AgentRole role);

    /** One model call under way. */
    interface Call {

        /** A call nobody watches. */
        Call NONE = new Call() {
            @Override
            public void answered(long inputTokens, long outputTokens, boolean accepted) {
            }

            @Override
            public void failed(Throwable failure) {
            }
        };

        /**
         * @param inputTokens  the prompt tokens the endpoint counted
         * @param outputTokens the answer tokens the endpoint counted
         * @param accepted     false when the answer was rejected (cut at the length limit, or empty)
         */
        void answered(long inputTokens, long outputTokens, boolean accepted);

        /**
         * @param failure why the call failed (no answer)
         */
        void failed(Throwable failure);
    }
}
