package dev.thefactory.internal.output;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.internal.util.DurableFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two staging areas over one directory (workers of one build sharing a disk): opening one never deletes the
 * temporary file of a write the other still has in progress, in this process or in another; a temporary file whose
 * writer is gone is deleted. Writes are held in progress by a disk that waits inside its force (a latch, not a sleep).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StagingAreaSharedDirectoryTest {

    @TempDir
    Path tmp;

    /** The real disk, except that the first forced file waits until released. */
    private static final class HeldDisk implements DurableFiles.Disk {
        final CountDownLatch forcing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void force(FileChannel channel, boolean metadata) throws IOException {
            if (forcing.getCount() > 0) {
                forcing.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            DurableFiles.Disk.SYSTEM.force(channel, metadata);
        }

        @Override
        public void forceDirectory(Path directory) throws IOException {
            DurableFiles.Disk.SYSTEM.forceDirectory(directory);
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            DurableFiles.Disk.SYSTEM.move(from, to);
        }
    }

    private static List<String> temporaryNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(StagingArea.TEMP_PREFIX))
                    .sorted().toList();
        }
    }

    @Test
    void openingAStagingAreaKeepsTheTemporaryFileOfAWriteAnotherOneHasInProgress() throws Exception {
        HeldDisk disk = new HeldDisk();
        StagingArea writer = StagingArea.open(tmp, "b1", OutputQuotas.defaults(), new DurableFiles(disk));
        CompletableFuture<String> write = CompletableFuture.supplyAsync(() -> writer.write("a.txt",
                "hello".getBytes(UTF_8)));
        assertThat(disk.forcing.await(30, TimeUnit.SECONDS)).as("the write is in progress").isTrue();
        List<String> inFlight = temporaryNames(writer.root());
        assertThat(inFlight).as("its temporary file and its guard").hasSize(2)
                .anyMatch(n -> n.endsWith(".tmp")).anyMatch(n -> n.endsWith(".lock"));

        StagingArea other = StagingArea.open(tmp, "b1", OutputQuotas.defaults());

        assertThat(temporaryNames(writer.root())).as("the other opening deleted nothing in use").isEqualTo(inFlight);
        assertThat(other.files()).isEmpty();
        disk.release.countDown();
        assertThat(write.get(30, TimeUnit.SECONDS)).isNotBlank();
        assertThat(writer.root().resolve("a.txt")).hasContent("hello");
        assertThat(temporaryNames(writer.root())).as("the finished write removed its guard").isEmpty();
        assertThat(StagingArea.open(tmp, "b1", OutputQuotas.defaults()).files()).containsOnlyKeys("a.txt");
    }

    @Test
    void aTemporaryFileWhoseWriterIsGoneIsDeletedWithItsGuard() throws Exception {
        StagingArea first = StagingArea.open(tmp, "b1", OutputQuotas.defaults());
        Path guard = Files.writeString(first.root().resolve(StagingArea.TEMP_PREFIX + "0badc0de.lock"), "");
        Path temp = Files.writeString(first.root().resolve(StagingArea.TEMP_PREFIX + "0badc0de.tmp"), "torn");
        Path orphanGuard = Files.writeString(first.root().resolve(StagingArea.TEMP_PREFIX + "feed.lock"), "");

        StagingArea.open(tmp, "b1", OutputQuotas.defaults());

        assertThat(temp).as("no one holds its guard: its writer is gone").doesNotExist();
        assertThat(guard).doesNotExist();
        assertThat(orphanGuard).doesNotExist();
    }

    @Test
    void aWriteGuardedByAnotherLiveProcessIsKeptAndDeletedOnceThatProcessIsGone() throws Exception {
        StagingArea first = StagingArea.open(tmp, "b1", OutputQuotas.defaults());
        Path guard = Files.writeString(first.root().resolve(StagingArea.TEMP_PREFIX + "5ca1ab1e.lock"), "");
        Path temp = Files.writeString(first.root().resolve(StagingArea.TEMP_PREFIX + "5ca1ab1e.tmp"), "half");
        Path source = Files.writeString(tmp.resolve("HoldLock.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;

                public class HoldLock {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
                             var lock = channel.lock()) {
                            System.out.println("locked");
                            System.out.flush();
                            System.in.read();
                        }
                    }
                }
                """);
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                source.toString(), guard.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), UTF_8));
            assertThat(out.readLine()).as("the other process holds the guard").isEqualTo("locked");

            StagingArea.open(tmp, "b1", OutputQuotas.defaults());
            assertThat(temp).as("its writer is alive in another process").hasContent("half");
            assertThat(guard).exists();

            writer.getOutputStream().close();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            StagingArea.open(tmp, "b1", OutputQuotas.defaults());
            assertThat(temp).as("its writer is gone").doesNotExist();
            assertThat(guard).doesNotExist();
        } finally {
            writer.destroyForcibly();
        }
    }
}
