package dev.thefactory.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.CheckpointRepositories;
import dev.thefactory.Factory;
import dev.thefactory.api.BuildResult;
import dev.thefactory.api.Complexity;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.tests.kit.ProjectSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Same spec and mode → byte-identical project files, whatever the spec. */
class DeterminismProperties {

    @Property(tries = 8)
    void twoBuildsOfTheSameSpecAreByteIdentical(@ForAll("specs") ProjectSpec spec, @ForAll("modes") Mode mode)
            throws IOException {
        Path tmp = Files.createTempDirectory("determinism");
        try {
            BuildResult first = build(spec, mode, tmp.resolve("a"));
            BuildResult second = build(spec, mode, tmp.resolve("b"));

            assertThat(second.buildId()).isNotEqualTo(first.buildId());
            assertThat(ProjectSnapshot.of(second.outputDirectory())).isNotEmpty()
                    .isEqualTo(ProjectSnapshot.of(first.outputDirectory()));
        } finally {
            delete(tmp);
        }
    }

    @Provide
    Arbitrary<Mode> modes() {
        return Arbitraries.of(Mode.STANDALONE, Mode.MINIMAL);
    }

    @Provide
    Arbitrary<ProjectSpec> specs() {
        Arbitrary<String> words = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(9);
        Arbitrary<String> feature = Combinators.combine(Arbitraries.of("Add", "List", "Delete", "Search", "Export",
                "Count", "Archive"), words, words).as((verb, a, b) -> verb + " " + a + " " + b);
        Arbitrary<String> name = Arbitraries.oneOf(words.list().ofMinSize(1).ofMaxSize(3).map(w -> String.join(" ", w)),
                Arbitraries.of("Über App", "class", "123 Go", "../../x", "a\"b<c>&d", "Caf\u00e9 \u2603"));
        return Combinators.combine(name, Arbitraries.of(ProjectType.values()), Arbitraries.of(Complexity.values()),
                feature.list().ofMinSize(0).ofMaxSize(6), feature.list().ofMaxSize(3))
                .as((n, type, complexity, core, extended) -> ProjectSpec.builder(n, type).complexity(complexity)
                        .description("Generated for a determinism property.").features(core, extended).build());
    }

    private static BuildResult build(ProjectSpec spec, Mode mode, Path out) {
        return Factory.builder().spec(spec).mode(mode).outputDirectory(out).requireFeatures(FeatureRequirement.NONE)
                .checkpoints(CheckpointRepositories.inMemory()).build().run();
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
