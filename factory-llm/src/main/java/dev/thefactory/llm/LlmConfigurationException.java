package dev.thefactory.llm;

import dev.thefactory.api.FactoryException;
import java.util.List;
import java.util.Objects;

/**
 * A setting of the {@code llm} backend is invalid: it names the setting (an environment variable such as
 * {@code FACTORY_LLM_TIMEOUT}, or a builder option), the offending value (never for the API key) and the fix.
 * Immutable and thread-safe.
 */
public final class LlmConfigurationException extends FactoryException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    /**
     * @param setting  the environment variable or option that holds the bad value
     * @param message  what is wrong and how to fix it
     * @param recovery what a person can do about it
     */
    public LlmConfigurationException(String setting, String message, List<String> recovery) {
        super(message, recovery);
        this.setting = Objects.requireNonNull(setting, "setting");
    }

    /** @return the environment variable or option that holds the bad value, e.g. {@code FACTORY_LLM_TIMEOUT} */
    public String setting() {
        return setting;
    }
}
