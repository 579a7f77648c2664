package dev.thefactory.fallbacks.internal.design;

import dev.thefactory.api.ProjectType;
import dev.thefactory.fallbacks.internal.text.Codes;
import java.util.Optional;

/** How a generated project is used, decided by the project type. Immutable and thread-safe. */
public enum EntryPoint {
    /** A command-line main that parses arguments and runs commands (also read line by line from stdin). */
    CLI,
    /** A JSON HTTP service on the JDK's {@code com.sun.net.httpserver}. */
    HTTP,
    /** The HTTP service plus a plain HTML page at {@code /}. */
    WEB,
    /** A public API facade, no main. */
    LIBRARY,
    /** A batch main that reads CSV from stdin or a file, processes it, and writes CSV. */
    PIPELINE;

    /** @return the lower-case code used in facts */
    public String code() {
        return Codes.of(this);
    }

    /**
     * @param code a code from {@link #code()}
     * @return the entry point, if the code names one
     */
    public static Optional<EntryPoint> fromCode(String code) {
        return Codes.parse(EntryPoint.class, code);
    }

    /**
     * @param type the project type
     * @return the entry point fitting it: a CLI for {@code cli_tool}, {@code ai_system} and {@code custom}
     */
    public static EntryPoint of(ProjectType type) {
        return switch (type) {
            case WEB_APP -> WEB;
            case API_SERVICE -> HTTP;
            case LIBRARY -> LIBRARY;
            case DATA_PIPELINE -> PIPELINE;
            case CLI_TOOL, AI_SYSTEM, CUSTOM -> CLI;
        };
    }

    /** @return true for the HTTP variants */
    public boolean http() {
        return this == HTTP || this == WEB;
    }
}
