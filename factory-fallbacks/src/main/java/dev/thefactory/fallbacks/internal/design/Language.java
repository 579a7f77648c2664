package dev.thefactory.fallbacks.internal.design;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.Requirement;
import dev.thefactory.fallbacks.internal.text.Codes;
import java.util.ArrayList;
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

    private static final Set<String> JAVA_WORDS = Set.of("java", "jdk", "openjdk");
    private static final Set<String> PYTHON_WORDS = Set.of("python", "python3", "py", "cpython");
    private static final Set<String> JAVASCRIPT_WORDS = Set.of("javascript", "node", "nodejs", "js", "ecmascript");
    private static final Set<String> GO_WORDS = Set.of("go", "golang");
    /** Languages the simple backend cannot write: a request for one is claimed not implemented. */
    private static final Set<String> OTHER_WORDS = Set.of("kotlin", "scala", "groovy", "clojure", "typescript",
            "ts", "deno", "rust", "c", "c++", "cpp", "c#", "csharp", "dotnet", ".net", "f#", "fsharp", "ruby", "php",
            "swift", "dart", "elixir", "erlang", "haskell", "perl", "lua", "r", "julia", "zig", "ocaml",
            "objective-c", "cobol", "fortran", "vb", "visual basic");

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

    /**
     * @param code a code from {@link #code()}
     * @return the language, if the code names one
     */
    public static Optional<Language> fromCode(String code) {
        return Codes.parse(Language.class, code);
    }

    /**
     * What a spec asks for: the tech-stack entry that names the language (found as
     * {@link Requirement#language(ProjectSpec)} finds it, so that the claim matches the ledger's entry), the language
     * word it names, and the language the simple backend generates for it.
     *
     * @param requirement the language entry of the tech stack
     * @param named       the language word it names, lower case ({@code javascript}, {@code rust}), or its whole
     *                    value when no known language word is in it
     * @param generated   the language the simple backend writes it in, or empty when it cannot write that language
     *                    (the project is then generated in Java and the entry is claimed not implemented)
     */
    public record Request(Requirement requirement, String named, Optional<Language> generated) {
    }

    /**
     * @param spec the spec
     * @return the language the spec asks for, or empty when it names none (Java is then generated)
     */
    public static Optional<Request> requested(ProjectSpec spec) {
        Optional<Requirement> entry = Requirement.language(spec);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        String text = entry.get().text();
        int colon = text.indexOf(':');
        String value = (colon >= 0 ? text.substring(colon + 1) : text).strip();
        for (String token : tokens(value)) {
            String word = of(token).isPresent() || OTHER_WORDS.contains(token) ? token
                    : token.replaceAll("(?<=[a-z+#])[0-9]+$", "");
            Optional<Language> language = of(word);
            if (language.isPresent() || OTHER_WORDS.contains(word)) {
                return Optional.of(new Request(entry.get(), word, language));
            }
        }
        return Optional.of(new Request(entry.get(), value.replaceAll("[*_`]", ""), Optional.empty()));
    }

    /**
     * Splits a tech-stack value into lower-case language tokens: {@code "JavaScript (Node.js 20)"} gives
     * {@code javascript, node, js, 20}; {@code C#} and {@code C++} stay whole. Camel case does not split a word,
     * so JavaScript is never read as Java.
     *
     * @param value the text
     * @return its tokens, in order
     */
    static List<String> tokens(String value) {
        String lower = value.toLowerCase(Locale.ROOT).replace("node.js", "nodejs").replace("objective-c",
                "objective-c ").replace(".net", " dotnet ");
        List<String> out = new ArrayList<>();
        for (String token : lower.split("[^a-z0-9+#-]+")) {
            String t = token.replaceAll("^-+|-+$", "");
            if (!t.isEmpty()) {
                out.add(t.equals("objective-c") ? t : t.replace("-", ""));
            }
        }
        return out;
    }

    /**
     * Picks the language to generate: the one the spec's language entry names when the simple backend can write
     * it, Java otherwise (and when the spec names none).
     *
     * @param spec the spec
     * @return the language
     */
    public static Language detect(ProjectSpec spec) {
        return requested(spec).flatMap(Request::generated).orElse(JAVA);
    }

    /**
     * @param spec the spec
     * @return the language entry the simple backend cannot write (such as {@code Rust 1.80}), if the spec names
     *         one, so that the fallback to Java can be reported
     */
    public static Optional<String> unsupported(ProjectSpec spec) {
        return requested(spec).filter(r -> r.generated().isEmpty()).map(r -> {
            String text = r.requirement().text();
            int colon = text.indexOf(':');
            return (colon >= 0 ? text.substring(colon + 1) : text).strip();
        });
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
