package dev.thefactory.llm.internal;

/** Removes the API key from text that may reach a message, a log line or a file. Stateless. */
final class Secrets {

    /** What replaces the key. */
    static final String MASK = "[redacted]";

    private Secrets() {
    }

    /**
     * @param text   any text; may be null
     * @param apiKey the key; may be null
     * @return the text with every occurrence of the key replaced by {@link #MASK}
     */
    static String redact(String text, String apiKey) {
        if (text == null || apiKey == null || apiKey.isEmpty()) {
            return text;
        }
        return text.replace(apiKey, MASK);
    }

    /**
     * @param text a body or message
     * @param max  the most characters to keep
     * @return the text on one line, shortened to {@code max} characters with {@code ...}
     */
    static String snippet(String text, int max) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
    }
}
