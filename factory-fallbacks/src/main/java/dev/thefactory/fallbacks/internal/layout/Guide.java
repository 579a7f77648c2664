package dev.thefactory.fallbacks.internal.layout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the documentation of a generated project says about its language: how to build, test and run it, what its
 * directories hold, and an example session. Immutable and thread-safe.
 *
 * @param language  the language's name
 * @param build     shell lines that build the project; may be empty
 * @param test      shell lines that run its tests
 * @param run       shell lines that run it
 * @param layout    directory or file to what it holds, in order
 * @param example   an example session or snippet (fenced as {@code exampleLanguage})
 * @param exampleLanguage the fence language of the example, such as {@code shell} or {@code java}
 * @param checked   whether the simple backend compiled and tested this kind of output
 * @param storage   how the project keeps its items, one Markdown list item each (without the bullet)
 * @param sections  further README sections in Markdown, each starting with its {@code ##} heading: the input
 *                  format, example requests; may be empty
 */
public record Guide(String language, List<String> build, List<String> test, List<String> run,
        Map<String, String> layout, String example, String exampleLanguage, boolean checked, List<String> storage,
        List<String> sections) {

    /** Copies the collections. */
    public Guide {
        Objects.requireNonNull(language, "language");
        build = List.copyOf(build);
        test = List.copyOf(test);
        run = List.copyOf(run);
        layout = Collections.unmodifiableMap(new LinkedHashMap<>(layout));
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(exampleLanguage, "exampleLanguage");
        storage = List.copyOf(storage);
        sections = List.copyOf(sections);
    }
}
