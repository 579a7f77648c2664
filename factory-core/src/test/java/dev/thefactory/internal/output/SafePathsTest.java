package dev.thefactory.internal.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.UnsafePathException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SafePathsTest {

    static Stream<Arguments> unsafe() {
        return Stream.of(
                Arguments.of("../x", "'..'"),
                Arguments.of("..", "'..'"),
                Arguments.of("x/..", "'..'"),
                Arguments.of("a/../../x", "'..'"),
                Arguments.of("a/./../../x", "'..'"),
                Arguments.of("a/../b", "'..'"),
                Arguments.of("/abs", "absolute"),
                Arguments.of("//server/share", "absolute"),
                Arguments.of("C:\\x", "':'"),
                Arguments.of("C:x", "':'"),
                Arguments.of("c:/x", "':'"),
                Arguments.of("\\x", "backslash"),
                Arguments.of("\\\\server\\share", "backslash"),
                Arguments.of("a\\..\\b", "backslash"),
                Arguments.of("file.txt:stream", "':'"),
                Arguments.of("a\0b", "NUL"),
                Arguments.of("a\nb", "control character U+000A"),
                Arguments.of("a\u007fb", "control character U+007F"),
                Arguments.of("CON", "reserved"),
                Arguments.of("con.txt", "reserved"),
                Arguments.of("aux/x", "reserved"),
                Arguments.of("src/Nul.tar.gz", "reserved"),
                Arguments.of("lpt9", "reserved"),
                Arguments.of("COM1.log", "reserved"),
                Arguments.of("com\u00b9", "reserved"),
                Arguments.of("CON .txt", "reserved"),
                Arguments.of("conout$", "reserved"),
                Arguments.of("a/b./c", "ends with a dot or a space"),
                Arguments.of("a/b /c", "ends with a dot or a space"),
                Arguments.of("...", "ends with a dot or a space"),
                Arguments.of("", "empty"),
                Arguments.of(".", "root directory"),
                Arguments.of("./", "names a directory"),
                Arguments.of("a/", "names a directory"),
                Arguments.of("a|b", "'|'"),
                Arguments.of("what?.txt", "'?'"),
                Arguments.of("a*", "'*'"),
                Arguments.of("<x>", "'<'"),
                Arguments.of("x\ud800y", "unpaired"),
                Arguments.of("a/" + "b".repeat(256), "255 bytes"),
                Arguments.of("\u00e9".repeat(128), "255 bytes"),
                Arguments.of("a/".repeat(2100) + "x", "4096 bytes"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("unsafe")
    void normalizeRefusesUnsafePathsNamingTheReason(String path, String reason) {
        assertThatThrownBy(() -> SafePaths.normalize(path))
                .isInstanceOf(UnsafePathException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((UnsafePathException) e).path()).startsWith(path.substring(0, Math.min(path.length(), 80))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("unsafe")
    void resolveRefusesWhatNormalizeRefuses(String path, String reason, @TempDir Path root) {
        assertThatThrownBy(() -> SafePaths.resolve(root, path)).isInstanceOf(UnsafePathException.class);
    }

    @Test
    void normalizeKeepsSafePathsAndDropsDotAndEmptySegments() {
        assertThat(SafePaths.normalize("src/main/java/App.java")).isEqualTo("src/main/java/App.java");
        assertThat(SafePaths.normalize("a//b")).isEqualTo("a/b");
        assertThat(SafePaths.normalize("./a/./b")).isEqualTo("a/b");
        assertThat(SafePaths.normalize(".gitignore")).isEqualTo(".gitignore");
        assertThat(SafePaths.normalize("a/.hidden/x")).isEqualTo("a/.hidden/x");
        assertThat(SafePaths.normalize("console.txt")).isEqualTo("console.txt");
        assertThat(SafePaths.normalize("com0")).isEqualTo("com0");
        assertThat(SafePaths.normalize("CON1/x")).isEqualTo("CON1/x");
        assertThat(SafePaths.normalize("東京/readme.md")).isEqualTo("東京/readme.md");
        assertThat(SafePaths.normalize("a..b")).isEqualTo("a..b");
        assertThat(SafePaths.normalize("..a")).isEqualTo("..a");
        assertThat(SafePaths.normalize("emoji-\ud83d\ude00.txt")).isEqualTo("emoji-\ud83d\ude00.txt");
        String longest = "b".repeat(255);
        assertThat(SafePaths.normalize("a/" + longest)).isEqualTo("a/" + longest);
    }

    @Test
    void normalizeRejectsNull() {
        assertThatThrownBy(() -> SafePaths.normalize(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("relativePath");
    }

    @Test
    void resolveJoinsSegmentsUnderTheRoot(@TempDir Path root) {
        assertThat(SafePaths.resolve(root, "./a//b/c.txt")).isEqualTo(root.resolve("a").resolve("b").resolve("c.txt"));
        assertThat(Files.exists(root.resolve("a"))).as("resolve creates nothing").isFalse();
    }

    @Test
    void isWithinComparesPathsNotStrings(@TempDir Path tmp) throws IOException {
        Path out = Files.createDirectory(tmp.resolve("out")).toRealPath();
        Path evil = Files.createDirectories(tmp.resolve("out-evil").resolve("x")).toRealPath();
        assertThat(evil.toString()).startsWith(out.toString());
        assertThat(SafePaths.isWithin(out, evil)).isFalse();
        assertThat(SafePaths.isWithin(out, out.resolve("x"))).isTrue();
        assertThat(SafePaths.isWithin(out, out)).isTrue();
        assertThat(SafePaths.isWithin(out, out.resolve("x/../../out-evil"))).isFalse();
    }

    @Test
    void slugExamples() {
        assertThat(SafePaths.slug("Todo App (v2)!")).isEqualTo("todo-app-v2");
        assertThat(SafePaths.slug("../../etc")).isEqualTo("etc");
        assertThat(SafePaths.slug("../..")).isEqualTo("project");
        assertThat(SafePaths.slug("")).isEqualTo("project");
        assertThat(SafePaths.slug("東京")).isEqualTo("project");
        assertThat(SafePaths.slug("Crème Brûlée")).isEqualTo("creme-brulee");
        assertThat(SafePaths.slug("CON")).isEqualTo("con-project");
        assertThat(SafePaths.slug("lpt1")).isEqualTo("lpt1-project");
        assertThat(SafePaths.slug(".hidden")).isEqualTo("hidden");
        assertThat(SafePaths.slug("ＦＵＬＬ　ｗｉｄｔｈ")).isEqualTo("full-width");
        assertThat(SafePaths.slug("a".repeat(63) + " b")).isEqualTo("a".repeat(63));
        assertThat(SafePaths.slug("x".repeat(100))).hasSize(64);
    }

    @Test
    void isSlugAcceptsOnlySlugs() {
        assertThat(SafePaths.isSlug("todo-app")).isTrue();
        assertThat(SafePaths.isSlug("con")).isFalse();
        assertThat(SafePaths.isSlug("-x")).isFalse();
        assertThat(SafePaths.isSlug("x-")).isFalse();
        assertThat(SafePaths.isSlug("X")).isFalse();
        assertThat(SafePaths.isSlug("../x")).isFalse();
        assertThat(SafePaths.isSlug("a".repeat(65))).isFalse();
    }
}
