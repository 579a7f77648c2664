package dev.thefactory.internal.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.UnsafePathException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile paths against {@link StagingArea#write}: each is refused and nothing changes anywhere in the temp dir. */
class StagingAreaTraversalTest {

    private static final byte[] PAYLOAD = "pwned".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;
    private Path outside;
    private StagingArea staging;

    @BeforeEach
    void setUp() throws IOException {
        outside = Files.createDirectory(tmp.resolve("outside"));
        TreeSnapshot.write(outside.resolve("secret.txt"), "secret");
        staging = StagingArea.open(tmp.resolve("out"), "b1", OutputQuotas.defaults());
    }

    static Stream<String> corpus() {
        return SafePathsTest.unsafe().map(arguments -> (String) arguments.get()[0]);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("corpus")
    void hostilePathsAreRefusedAndNothingIsWritten(String path) {
        assertRefused(path);
    }

    @Test
    void aSymlinkedDirectoryPointingOutsideIsNotFollowed() throws IOException {
        Files.createSymbolicLink(staging.root().resolve("link"), outside);
        assertRefused("link/x.txt", "'link' is a symbolic link");
        assertRefused("link/secret.txt", "'link' is a symbolic link");
        assertRefused("link/deeper/x.txt", "'link' is a symbolic link");
    }

    @Test
    void aSymlinkedDirectoryDeeperInsideIsNotFollowed() throws IOException {
        staging.write("a/ok.txt", PAYLOAD);
        Files.createSymbolicLink(staging.root().resolve("a").resolve("b"), outside);
        assertRefused("a/b/c.txt", "'a/b' is a symbolic link");
    }

    @Test
    void aSymlinkToADirectoryInsideTheRootIsRefusedToo() throws IOException {
        staging.write("real/ok.txt", PAYLOAD);
        Files.createSymbolicLink(staging.root().resolve("alias"), staging.root().resolve("real"));
        assertRefused("alias/x.txt", "'alias' is a symbolic link");
    }

    @Test
    void aSymlinkAtTheFinalNameIsNotFollowed() throws IOException {
        Files.createSymbolicLink(staging.root().resolve("f.txt"), outside.resolve("secret.txt"));
        assertRefused("f.txt", "the file name is a symbolic link");
        assertThat(TreeSnapshot.read(outside.resolve("secret.txt"))).isEqualTo("secret");
    }

    @Test
    void aDanglingSymlinkAtTheFinalNameIsNotFollowed() throws IOException {
        Files.createSymbolicLink(staging.root().resolve("new.txt"), outside.resolve("created-through-link.txt"));
        assertRefused("new.txt", "the file name is a symbolic link");
        assertThat(outside.resolve("created-through-link.txt")).doesNotExist();
    }

    @Test
    void aSiblingDirectorySharingTheRootsNamePrefixIsOutside() throws IOException {
        Path root = staging.root();
        Path sibling = Files.createDirectory(root.resolveSibling(root.getFileName() + "-evil"));
        assertThat(sibling.toString()).startsWith(root.toString());
        Files.createSymbolicLink(root.resolve("x"), sibling);
        assertRefused("x/payload.txt", "symbolic link");
        assertThat(SafePaths.isWithin(root, sibling.resolve("payload.txt"))).isFalse();
        try (Stream<Path> files = Files.list(sibling)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aTemporaryFileNameIsReserved() {
        assertRefused(StagingArea.TEMP_PREFIX + "x.tmp", "reserved");
    }

    private void assertRefused(String path) {
        Map<String, String> before = TreeSnapshot.of(tmp);
        assertThatThrownBy(() -> staging.write(path, PAYLOAD)).isInstanceOf(UnsafePathException.class);
        assertThat(TreeSnapshot.of(tmp)).isEqualTo(before);
        assertThat(staging.files()).doesNotContainKey(path);
    }

    private void assertRefused(String path, String reason) {
        Map<String, String> before = TreeSnapshot.of(tmp);
        assertThatThrownBy(() -> staging.write(path, PAYLOAD))
                .isInstanceOf(UnsafePathException.class)
                .hasMessageContaining(reason);
        assertThat(TreeSnapshot.of(tmp)).isEqualTo(before);
        assertThat(staging.files()).doesNotContainKey(path);
    }
}
