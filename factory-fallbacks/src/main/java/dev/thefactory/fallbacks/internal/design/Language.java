package dev.thefactory.fallbacks.internal.design;

import dev.thefactory.fallbacks.internal.text.Codes;
import dev.thefactory.fallbacks.internal.text.Naming;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The main language of a generated project, read from the spec's tech stack. Java is the default and the only
 * language whose output the simple backend compiles and tests; the others get a modest, unchecked skeleton.
 * Immutable and thread-safe.
 */
public enum Language {
    /** Java 17 with Maven: the full generator. */
    JAVA("Java 17"),
    /** Python 3 with the standard library only. */
    PYTHON("Python 3"),
    /** JavaScript on Node.js with the built-in test runner. */
    JAVASCRIPT("JavaScript (Node.js)"),
    /** Go with the standard library only. */
    GO("Go");

    private static final Set<String> KEYS = Set.of("language", "languages", "lang", "backend", "runtime",
            "platform");
    private static final Set<String> JAVA_WORDS = Set.of("java", "kotlin", "scala", "groovy", "jvm", "maven",
            "gradle", "spring");
    private static final Set<String> PYTHON_WORDS = Set.of("python", "python3", "django", "flask", "fastapi");
    private static final Set<String> JAVASCRIPT_WORDS = Set.of("javascript", "typescript", "node", "nodejs", "js",
            "ts", "express", "deno");
    private static final Set<String> GO_WORDS = Set.of("go", "golang");

    private final String label;

    Language(String label) {
        this.label = label;
    }

    /** @return a human-readable name */
    public String label() {
        return label;
    }

    /** @return the lower-case code used in facts */
    public String code() {
        return Codes.of(this);
    }

    /** @param code a code from {@link #code()} @return the language, if the code names one */
    public static Optional<Language> fromCode(String code) {
        return Codes.parse(Language.class, code);
    }

    /**
     * Picks the main language: the first tech-stack entry keyed {@code Language:} (or {@code Backend:},
     * {@code Runtime:}, ...) decides; without such an entry, the first entry whose first word names a language.
     * Anything unrecognised is Java.
     *
     * @param techStack the spec's tech stack entries
     * @return the language
     */
    public static Language detect(List<String> techStack) {
        for (String entry : techStack) {
            int colon = entry.indexOf(':');
            if (colon > 0 && KEYS.contains(entry.substring(0, colon).strip().toLowerCase(Locale.ROOT))) {
                Optional<Language> named = firstNamed(Naming.words(entry.substring(colon + 1)));
                if (named.isPresent()) {
                    return named.get();
                }
            }
        }
        for (String entry : techStack) {
            if (entry.indexOf(':') < 0) {
                List<String> words = Naming.words(entry);
                if (!words.isEmpty()) {
                    Optional<Language> named = of(words.get(0));
                    if (named.isPresent()) {
                        return named.get();
                    }
                }
            }
        }
        return JAVA;
    }

    /**
     * @param techStack the spec's tech stack entries
     * @return the language named under a {@code Language:} key that the simple backend does not support, if any
     *         (such as Rust), so that the fallback to Java can be reported
     */
    public static Optional<String> unsupported(List<String> techStack) {
        for (String entry : techStack) {
            int colon = entry.indexOf(':');
            if (colon > 0 && KEYS.contains(entry.substring(0, colon).strip().toLowerCase(Locale.ROOT))) {
                String value = entry.substring(colon + 1).strip();
                if (!value.isEmpty() && firstNamed(Naming.words(value)).isEmpty()) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Language> firstNamed(List<String> words) {
        for (String word : words) {
            Optional<Language> language = of(word);
            if (language.isPresent()) {
                return language;
            }
        }
        return Optional.empty();
    }

    private static Optional<Language> of(String word) {
        if (JAVA_WORDS.contains(word)) {
            return Optional.of(JAVA);
        }
        if (PYTHON_WORDS.contains(word)) {
            return Optional.of(PYTHON);
        }
        if (JAVASCRIPT_WORDS.contains(word)) {
            return Optional.of(JAVASCRIPT);
        }
        if (GO_WORDS.contains(word)) {
            return Optional.of(GO);
        }
        return Optional.empty();
    }
}
