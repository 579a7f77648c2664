package dev.thefactory.internal.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.FactoryException;
import dev.thefactory.api.OutputValidationException;
import dev.thefactory.api.UnsafePathException;
import dev.thefactory.internal.util.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingAreaTest {

    @TempDir
    Path tmp;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void openCreatesTheOutputRootAndTheBuildsStagingDirectory() throws IOException {
        Path output = tmp.resolve("a").resolve("outputs");
        StagingArea staging = StagingArea.open(output, "build-1", OutputQuotas.defaults());
        assertThat(staging.root()).isEqualTo(output.toRealPath().resolve(".staging").resolve("build-1"));
        assertThat(staging.root()).isDirectory();
        assertThat(staging.files()).isEmpty();
    }

    @Test
    void openRefusesAnUnsafeBuildId() {
        for (String id : List.of("", "..", "../x", "a/b", ".hidden", "a b", "x".repeat(129))) {
            assertThatThrownBy(() -> StagingArea.open(tmp, id, OutputQuotas.defaults()))
                    .as(id)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("buildId must be")
                    .hasMessageContaining("'" + id + "'");
        }
        assertThat(tmp.resolve(".staging")).doesNotExist();
    }

    @Test
    void openRefusesALinkedStagingDirectory() throws IOException {
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Path output = Files.createDirectory(tmp.resolve("out"));
        Files.createSymbolicLink(output.resolve(".staging"), elsewhere);
        assertThatThrownBy(() -> StagingArea.open(output, "b1", OutputQuotas.defaults()))
                .isInstanceOf(UnsafePathException.class)
                .hasMessageContaining("symbolic link");
        assertThat(elsewhere.resolve("b1")).doesNotExist();
    }

    @Test
    void writeStoresTheBytesAndReturnsTheirSha256() throws IOException {
        StagingArea staging = StagingArea.open(tmp, "b1", OutputQuotas.defaults());
        String sha = staging.write("src/./main/abc.txt", bytes("abc"));
        assertThat(sha).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Files.readString(staging.root().resolve("src/main/abc.txt"))).isEqualTo("abc");
        assertThat(staging.files()).containsExactly(
                Map.entry("src/main/abc.txt", new StagingArea.FileInfo("src/main/abc.txt", 3, sha)));
        try (Stream<Path> siblings = Files.list(staging.root().resolve("src/main"))) {
            assertThat(siblings).as("no temporary file is left").containsExactly(staging.root().resolve("src/main/abc.txt"));
        }
    }

    @Test
    void rewritingAPathReplacesItsContent() throws IOException {
        StagingArea staging = StagingArea.open(tmp, "b1", OutputQuotas.defaults());
        staging.write("a.txt", bytes("first, longer"));
        String sha = staging.write("a.txt", bytes("second"));
        assertThat(Files.readString(staging.root().resolve("a.txt"))).isEqualTo("second");
        assertThat(staging.files().get("a.txt")).isEqualTo(new StagingArea.FileInfo("a.txt", 6, sha));
    }

    @Test
    void filesSortsByPathAndIsASnapshot() {
        StagingArea staging = StagingArea.open(tmp, "b1", OutputQuotas.defaults());
        staging.write("b.txt", bytes("b"));
        staging.write("a/z.txt", bytes("z"));
        var snapshot = staging.files();
        staging.write("a.txt", bytes("a"));
        assertThat(snapshot.keySet()).containsExactly("a/z.txt", "b.txt");
        assertThat(staging.files().keySet()).containsExactly("a.txt", "a/z.txt", "b.txt");
        assertThatThrownBy(() -> snapshot.clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void pathsDifferingOnlyInCaseAreRefused() {
        StagingArea staging = StagingArea.open(tmp, "b1", OutputQuotas.defaults());
        staging.write("src/README.md", bytes("x"));
        assertThatThrownBy(() -> staging.write("src/readme.md", bytes("y")))
                .isInstanceOf(UnsafePathException.class)
                .hasMessageContaining("differs only in case from the staged 'src/README.md'");
        assertThatThrownBy(() -> staging.write("SRC/other.md", bytes("y")))
                .isInstanceOf(UnsafePathException.class)
                .hasMessageContaining("'SRC' differs only in case from the staged 'src'");
        staging.write("src/README.md", bytes("same spelling is a rewrite"));
        staging.remove(List.of("src/README.md"));
        staging.write("SRC/readme.md", bytes("allowed once the other spelling is gone"));
        assertThat(staging.files()).containsOnlyKeys("SRC/readme.md");
    }

    @Test
    void aPathCannotBeBothAFileAndADirectory() {
        StagingArea staging = StagingArea.open(tmp, "b1", OutputQuotas.defaults());
        staging.write("a", bytes("file"));
        staging.write("b/c", bytes("file"));
        assertThatThrownBy(() -> staging.write("a/x", bytes("y")))
                .isInstanceOf(UnsafePathException.class)
                .hasMessageContaining("'a' is already a staged file");
        assertThatThrownBy(() -> staging.write("b", bytes("y")))
                .isInstanceOf(UnsafePathException.class)
                .hasMessageContaining("directory");
        assertThat(staging.files()).containsOnlyKeys("a", "b/c");
    }

    @Test
    void quotaOnFileCountCountsNewFilesOnly() {
        StagingArea staging = StagingArea.open(tmp, "b1", new OutputQuotas(2, 1_000, 100, 5));
        staging.write("a", bytes("1"));
        staging.write("b", bytes("2"));
        staging.write("a", bytes("rewrite does not count"));
        Map<String, String> before = TreeSnapshot.of(tmp);
        assertThatThrownBy(() -> staging.write("c", bytes("3")))
                .isInstanceOf(OutputValidationException.class)
                .hasMessageContaining("c: staging it would make 3 files, more than maxFiles 2")
                .satisfies(e -> assertThat(((OutputValidationException) e).buildId()).hasValue("b1"));
        assertThat(TreeSnapshot.of(tmp)).isEqualTo(before);
        assertThat(staging.files()).containsOnlyKeys("a", "b");
    }

    @Test
    void quotaOnFileSizeRefusesBeforeWriting() {
        StagingArea staging = StagingArea.open(tmp, "b1", new OutputQuotas(10, 1_000, 10, 5));
        staging.write("ok", new byte[10]);
        assertThatThrownBy(() -> staging.write("big", new byte[11]))
                .isInstanceOf(OutputValidationException.class)
                .hasMessageContaining("big: 11 bytes exceed maxFileBytes 10");
        assertThat(staging.root().resolve("big")).doesNotExist();
    }

    @Test
    void quotaOnTotalBytesAccountsForRewrites() {
        StagingArea staging = StagingArea.open(tmp, "b1", new OutputQuotas(10, 10, 10, 5));
        staging.write("a", new byte[8]);
        staging.write("a", new byte[9]);
        assertThatThrownBy(() -> staging.write("b", new byte[2]))
                .isInstanceOf(OutputValidationException.class)
                .hasMessageContaining("would make 11 bytes in all, more than maxTotalBytes 10");
        staging.write("b", new byte[1]);
        staging.write("a", new byte[2]);
        staging.write("c", new byte[7]);
        assertThat(staging.files().values().stream().mapToLong(StagingArea.FileInfo::size).sum()).isEqualTo(10);
    }

    @Test
    void quotaOnDepth() {
        StagingArea staging = StagingArea.open(tmp, "b1", new OutputQuotas(10, 100, 10, 3));
        staging.write("a/b/c", bytes("x"));
        assertThatThrownBy(() -> staging.write("a/b/c/d", bytes("x")))
                .isInstanceOf(OutputValidationException.class)
                .hasMessageContaining("a/b/c/d: 4 path segments exceed maxDepth 3");
        assertThat(staging.root().resolve("a/b/c")).isRegularFile();
    }

    @Test
    void concurrentWritersAreAllStagedWithMatchingHashes() throws Exception {
        StagingArea staging = StagingArea.open(tmp, "b1", OutputQuotas.defaults());
        int threads = 8;
        int perThread = 40;
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            jobs.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    staging.write("shared/dir" + (i % 4) + "/t" + thread + "-" + i + ".txt", bytes("t" + thread + "-" + i));
                }
                return null;
            });
        }
        runAll(jobs);
        var files = staging.files();
        assertThat(files).hasSize(threads * perThread);
        for (var info : files.values()) {
            byte[] onDisk = Files.readAllBytes(staging.root().resolve(info.path()));
            assertThat(Sha256.hex(onDisk)).isEqualTo(info.sha256());
            assertThat((long) onDisk.length).isEqualTo(info.size());
        }
    }

    @Test
    void concurrentWritesOfOnePathLeaveOneConsistentVersion() throws Exception {
        StagingArea staging = StagingArea.open(tmp, "b1", OutputQuotas.defaults());
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            String content = ("version " + t + " ").repeat(100 + t);
            jobs.add(() -> {
                for (int i = 0; i < 20; i++) {
                    staging.write("same.txt", bytes(content));
                }
                return null;
            });
        }
        runAll(jobs);
        byte[] onDisk = Files.readAllBytes(staging.root().resolve("same.txt"));
        assertThat(staging.files().get("same.txt").sha256()).isEqualTo(Sha256.hex(onDisk));
        assertThat(new String(onDisk, StandardCharsets.UTF_8)).matches("(version \\d )+");
        try (Stream<Path> entries = Files.list(staging.root())) {
            assertThat(entries).containsExactly(staging.root().resolve("same.txt"));
        }
    }

    @Test
    void concurrentWritersNeverExceedTheFileQuota() throws Exception {
        StagingArea staging = StagingArea.open(tmp, "b1", new OutputQuotas(100, 1_000_000, 1_000, 5));
        AtomicInteger refused = new AtomicInteger();
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            jobs.add(() -> {
                for (int i = 0; i < 50; i++) {
                    try {
                        staging.write("d" + thread + "/f" + i, bytes("x"));
                    } catch (OutputValidationException e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            });
        }
        runAll(jobs);
        assertThat(staging.files()).hasSize(100);
        assertThat(refused).hasValue(300);
        try (Stream<Path> all = Files.walk(staging.root())) {
            assertThat(all.filter(Files::isRegularFile).count()).isEqualTo(100);
        }
    }

    @Test
    void clearRemovesEverythingAndResetsTheQuotas() throws IOException {
        StagingArea staging = StagingArea.open(tmp, "b1", new OutputQuotas(2, 100, 10, 5));
        staging.write("a/b.txt", bytes("1"));
        staging.write("c.txt", bytes("2"));
        staging.clear();
        assertThat(staging.files()).isEmpty();
        assertThat(staging.root()).isEmptyDirectory();
        staging.write("d.txt", bytes("3"));
        staging.write("e.txt", bytes("4"));
        assertThat(staging.files()).containsOnlyKeys("d.txt", "e.txt");
    }

    @Test
    void clearDeletesALinkButNeverItsTarget() throws IOException {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        TreeSnapshot.write(outside.resolve("keep.txt"), "keep");
        StagingArea staging = StagingArea.open(tmp.resolve("out"), "b1", OutputQuotas.defaults());
        Files.createSymbolicLink(staging.root().resolve("link"), outside);
        staging.clear();
        assertThat(staging.root()).isEmptyDirectory();
        assertThat(TreeSnapshot.read(outside.resolve("keep.txt"))).isEqualTo("keep");
    }

    @Test
    void removeDeletesTheFilesAndTheDirectoriesLeftEmpty() {
        StagingArea staging = StagingArea.open(tmp, "b1", new OutputQuotas(3, 100, 10, 5));
        staging.write("a/b/one.txt", bytes("1"));
        staging.write("a/two.txt", bytes("2"));
        staging.write("three.txt", bytes("3"));
        staging.remove(List.of("a/b/one.txt", "./three.txt", "never-staged.txt"));
        assertThat(staging.files()).containsOnlyKeys("a/two.txt");
        assertThat(staging.root().resolve("a/b")).doesNotExist();
        assertThat(staging.root().resolve("a/two.txt")).isRegularFile();
        staging.write("x", bytes("1"));
        staging.write("y", bytes("2"));
        assertThat(staging.files()).hasSize(3);
    }

    @Test
    void removeChecksEveryPathBeforeDeletingAnything() {
        StagingArea staging = StagingArea.open(tmp, "b1", OutputQuotas.defaults());
        staging.write("a.txt", bytes("1"));
        assertThatThrownBy(() -> staging.remove(List.of("a.txt", "../outside")))
                .isInstanceOf(UnsafePathException.class);
        assertThat(staging.files()).containsOnlyKeys("a.txt");
        assertThat(staging.root().resolve("a.txt")).isRegularFile();
    }

    @Test
    void deleteRemovesTheStagingDirectoryAndRefusesFurtherWrites() {
        StagingArea staging = StagingArea.open(tmp, "b1", OutputQuotas.defaults());
        staging.write("a/b.txt", bytes("1"));
        staging.delete();
        assertThat(staging.root()).doesNotExist();
        assertThat(tmp.resolve(".staging")).as("empty .staging is removed too").doesNotExist();
        staging.delete();
        assertThatThrownBy(() -> staging.write("c.txt", bytes("1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was deleted");
    }

    @Test
    void deleteKeepsOtherBuildsStagingAreas() {
        StagingArea one = StagingArea.open(tmp, "b1", OutputQuotas.defaults());
        StagingArea two = StagingArea.open(tmp, "b2", OutputQuotas.defaults());
        two.write("x.txt", bytes("x"));
        one.delete();
        assertThat(two.root().resolve("x.txt")).isRegularFile();
    }

    @Test
    void deleteAfterTheRootWasMovedAwayByPublishing() {
        StagingArea staging = StagingArea.open(tmp, "b1", OutputQuotas.defaults());
        staging.write("a.txt", bytes("1"));
        Path published = Publisher.publish(staging.root(), tmp, "demo", "b1",
                Publisher.check(tmp, "demo", "b1", false), false).directory();
        staging.delete();
        assertThat(published.resolve("a.txt")).isRegularFile();
        assertThat(tmp.resolve(".staging")).doesNotExist();
    }

    @Test
    void reopeningKeepsStagedFilesCountsThemAndDropsInterruptedWrites() throws IOException {
        StagingArea first = StagingArea.open(tmp, "b1", new OutputQuotas(3, 100, 10, 5));
        String sha = first.write("a/b.txt", bytes("hello"));
        first.write("c.txt", bytes("c"));
        Path leftover = first.root().resolve("a").resolve(StagingArea.TEMP_PREFIX + "dead.tmp");
        Files.write(leftover, bytes("torn"));

        StagingArea resumed = StagingArea.open(tmp, "b1", new OutputQuotas(3, 100, 10, 5));
        assertThat(resumed.files()).containsOnlyKeys("a/b.txt", "c.txt");
        assertThat(resumed.files().get("a/b.txt").sha256()).isEqualTo(sha);
        assertThat(leftover).doesNotExist();
        resumed.write("d.txt", bytes("d"));
        assertThatThrownBy(() -> resumed.write("e.txt", bytes("e")))
                .isInstanceOf(OutputValidationException.class)
                .hasMessageContaining("maxFiles 3");
    }

    @Test
    void reopeningRefusesAStagingAreaHoldingALink() throws IOException {
        StagingArea first = StagingArea.open(tmp.resolve("out"), "b1", OutputQuotas.defaults());
        Files.createSymbolicLink(first.root().resolve("link"), tmp);
        assertThatThrownBy(() -> StagingArea.open(tmp.resolve("out"), "b1", OutputQuotas.defaults()))
                .isInstanceOf(UnsafePathException.class)
                .hasMessageContaining("symbolic link");
    }

    @Test
    void aFileSystemFailureIsAFactoryExceptionWithTheIoCause() throws IOException {
        StagingArea staging = StagingArea.open(tmp, "b1", OutputQuotas.defaults());
        staging.write("ok.txt", bytes("1"));
        Files.delete(staging.root().resolve("ok.txt"));
        Files.delete(staging.root());
        assertThatThrownBy(() -> staging.write("x/y.txt", bytes("1")))
                .isInstanceOf(FactoryException.class)
                .hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("x");
        assertThat(staging.files()).as("the failed write is not counted").containsOnlyKeys("ok.txt");
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> StagingArea.open(null, "b", OutputQuotas.defaults())).hasMessage("outputRoot");
        assertThatThrownBy(() -> StagingArea.open(tmp, null, OutputQuotas.defaults())).hasMessage("buildId");
        assertThatThrownBy(() -> StagingArea.open(tmp, "b", null)).hasMessage("quotas");
        StagingArea staging = StagingArea.open(tmp, "b1", OutputQuotas.defaults());
        assertThatThrownBy(() -> staging.write(null, new byte[0])).hasMessage("relativePath");
        assertThatThrownBy(() -> staging.write("a", null)).hasMessage("content");
        assertThatThrownBy(() -> staging.remove(null)).hasMessage("relativePaths");
    }

    private static void runAll(List<Callable<Void>> jobs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(jobs.size());
        try {
            List<Future<Void>> futures = pool.invokeAll(jobs);
            for (Future<Void> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
