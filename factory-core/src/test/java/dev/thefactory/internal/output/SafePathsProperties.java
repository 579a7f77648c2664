package dev.thefactory.internal.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.UnsafePathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SafePathsProperties {

    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
            "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
            "lpt9");

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withChars("abcCONLPT19.-/ \\:_\u00e9\u00b9").ofMaxLength(24),
                Arbitraries.of("CON", "con.txt", "Lpt9", "../..", "", " aux ", "-", "...", "COM\u00b9", "nul-"));
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(64),
                Arbitraries.strings().withChars("ab./\\:CON \0\n").ofMaxLength(16));
    }

    @Property(tries = 2000)
    void slugOfAnyNameIsASafeDirectoryName(@ForAll("names") String name) {
        String slug = SafePaths.slug(name);
        assertThat(slug).matches("[a-z0-9][a-z0-9-]{0,63}");
        assertThat(RESERVED).doesNotContain(slug.toLowerCase(Locale.ROOT));
        assertThat(SafePaths.isSlug(slug)).isTrue();
        assertThat(SafePaths.slug(slug)).as("idempotent").isEqualTo(slug);
        assertThat(SafePaths.normalize(slug)).isEqualTo(slug);
    }

    @Property(tries = 2000)
    void normalizedPathsAreIdempotentAndStayUnderTheRoot(@ForAll("paths") String path) {
        String normalized;
        try {
            normalized = SafePaths.normalize(path);
        } catch (UnsafePathException e) {
            assertThat(e.path()).isNotNull();
            return;
        }
        assertThat(SafePaths.normalize(normalized)).isEqualTo(normalized);
        assertThat(normalized).doesNotStartWith("/").doesNotContain("\\", ":", "\0", "//");
        assertThat(("/" + normalized + "/")).doesNotContain("/../", "/./");
        Path root = Path.of("/confined/root");
        assertThat(SafePaths.resolve(root, normalized).normalize().startsWith(root)).isTrue();
    }
}
