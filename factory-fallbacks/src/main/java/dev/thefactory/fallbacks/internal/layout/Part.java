package dev.thefactory.fallbacks.internal.layout;

import dev.thefactory.spi.StandardTasks;

/** The four kinds of generated files, one per standard {@code GENERATE} task. Immutable and thread-safe. */
public enum Part {
    /** Build files and configuration: {@value StandardTasks#GENERATE_BUILD}. */
    BUILD(StandardTasks.GENERATE_BUILD),
    /** Production code: {@value StandardTasks#GENERATE_CODE}. */
    CODE(StandardTasks.GENERATE_CODE),
    /** Tests: {@value StandardTasks#GENERATE_TESTS}. */
    TESTS(StandardTasks.GENERATE_TESTS),
    /** Documentation: {@value StandardTasks#GENERATE_DOCS}. */
    DOCS(StandardTasks.GENERATE_DOCS);

    private final String taskId;

    Part(String taskId) {
        this.taskId = taskId;
    }

    /** @return the id of the standard task that generates this part */
    public String taskId() {
        return taskId;
    }
}
