package dev.thefactory.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.StateLockedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class BuildLockFileTest {

    @TempDir
    Path stateDir;

    /** A ticker whose time only moves when the code under test sleeps. */
    private static final class FakeTicker implements BuildLockFile.Ticker {
        long now;
        final List<Duration> sleeps = new ArrayList<>();
        Runnable onSleep = () -> { };

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            sleeps.add(duration);
            now += duration.toNanos();
            onSleep.run();
        }
    }

    @Test
    void aSecondHolderInTheSameProcessIsRefusedWithTheHolderAndRecoveryOptions() {
        try (BuildLockFile first = BuildLockFile.acquire(stateDir, "b-1", Duration.ZERO)) {
            assertThat(first.path()).isEqualTo(stateDir.toAbsolutePath().resolve("b-1").resolve("lock"));
            assertThatThrownBy(() -> BuildLockFile.acquire(stateDir, "b-1", Duration.ZERO))
                    .isInstanceOfSatisfying(StateLockedException.class, e -> {
                        assertThat(e.getMessage())
                                .contains(stateDir.toString())
                                .contains("b-1")
                                .contains("pid " + ProcessHandle.current().pid());
                        assertThat(e.buildId()).contains("b-1");
                        assertThat(e.stateDirectory()).isEqualTo(stateDir);
                        // the holder is this process: no "other process" to wait for, and no CLI flag
                        assertThat(e.recoveryOptions()).noneMatch(o -> o.contains("--state"))
                                .noneMatch(o -> o.contains("other process"))
                                .anyMatch(o -> o.startsWith("wait until the build of this process that holds it has "
                                        + "ended (its BuildHandle.result() completes"))
                                .anyMatch(o -> o.startsWith("use a checkpoint repository in another directory"));
                    });
        }
        try (BuildLockFile again = BuildLockFile.acquire(stateDir, "b-1", Duration.ZERO)) {
            assertThat(again.buildId()).isEqualTo("b-1");
        }
    }

    @Test
    void differentBuildsHaveIndependentLocks() {
        try (BuildLockFile a = BuildLockFile.acquire(stateDir, "a", Duration.ZERO);
                BuildLockFile b = BuildLockFile.acquire(stateDir, "b", Duration.ZERO)) {
            assertThat(a.path()).isNotEqualTo(b.path());
        }
    }

    @Test
    void theHolderIsWrittenIntoTheLockFileWhichStaysAfterClose() throws IOException {
        BuildLockFile lock = BuildLockFile.acquire(stateDir, "b-1", Duration.ZERO);
        String text = Files.readString(lock.path(), StandardCharsets.UTF_8);
        lock.close();
        lock.close(); // twice does nothing
        assertThat(text).isEqualTo(lock.holder()).startsWith("pid " + ProcessHandle.current().pid() + " on host ");
        assertThat(lock.path()).exists();
    }

    @Test
    void waitingPollsUntilTheHolderReleases() {
        BuildLockFile holder = BuildLockFile.acquire(stateDir, "b-1", Duration.ZERO);
        FakeTicker ticker = new FakeTicker();
        ticker.onSleep = () -> {
            if (ticker.sleeps.size() == 3) {
                holder.close();
            }
        };
        try (BuildLockFile lock = BuildLockFile.acquire(stateDir, "b-1", Duration.ofSeconds(10), ticker)) {
            assertThat(lock.buildId()).isEqualTo("b-1");
        }
        assertThat(ticker.sleeps).containsExactly(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(50));
    }

    @Test
    void givesUpWhenTheWaitHasElapsedWithoutSleepingForReal() {
        try (BuildLockFile holder = BuildLockFile.acquire(stateDir, "b-1", Duration.ZERO)) {
            FakeTicker ticker = new FakeTicker();
            assertThatThrownBy(() -> BuildLockFile.acquire(stateDir, "b-1", Duration.ofMillis(120), ticker))
                    .isInstanceOf(StateLockedException.class)
                    .hasMessageContaining("waited 120 ms");
            assertThat(ticker.sleeps).containsExactly(Duration.ofMillis(50), Duration.ofMillis(50),
                    Duration.ofMillis(20));
            assertThat(holder.path()).exists();
        }
    }

    @Test
    void anInterruptedWaitGivesUpAndKeepsTheInterrupt() {
        try (BuildLockFile holder = BuildLockFile.acquire(stateDir, "b-1", Duration.ZERO)) {
            BuildLockFile.Ticker interrupting = new BuildLockFile.Ticker() {
                @Override
                public long nanoTime() {
                    return 0;
                }

                @Override
                public void sleep(Duration duration) throws InterruptedException {
                    throw new InterruptedException("stop");
                }
            };
            assertThatThrownBy(() -> BuildLockFile.acquire(stateDir, "b-1", Duration.ofSeconds(5), interrupting))
                    .isInstanceOf(StateLockedException.class)
                    .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                            .isInstanceOf(InterruptedException.class));
            assertThat(Thread.interrupted()).as("interrupt kept and now cleared").isTrue();
            assertThat(holder.buildId()).isEqualTo("b-1");
        }
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> BuildLockFile.acquire(stateDir, "b", Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wait must be >= 0 but was PT-0.001S");
        assertThatThrownBy(() -> BuildLockFile.acquire(stateDir, "..", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'..'");
        assertThatThrownBy(() -> BuildLockFile.acquire(stateDir, "a/b", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a/b'");
        assertThatThrownBy(() -> BuildLockFile.acquire(null, "b", Duration.ZERO))
                .isInstanceOf(NullPointerException.class).hasMessage("stateDir");
        assertThatThrownBy(() -> BuildLockFile.acquire(stateDir, null, Duration.ZERO))
                .isInstanceOf(NullPointerException.class).hasMessage("buildId");
        assertThatThrownBy(() -> BuildLockFile.acquire(stateDir, "b", null))
                .isInstanceOf(NullPointerException.class).hasMessage("wait");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theLockOfAKilledProcessIsNoObstacle() throws Exception {
        Path log = stateDir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolderMain.class.getName(),
                stateDir.toString(), "b-1")
                .redirectError(log.toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(45, TimeUnit.SECONDS);
            assertThat(line).as("child output; its stderr is in %s", log).startsWith("LOCKED " + child.pid());

            assertThatThrownBy(() -> BuildLockFile.acquire(stateDir, "b-1", Duration.ZERO))
                    .isInstanceOfSatisfying(StateLockedException.class, e -> assertThat(e.holder())
                            .startsWith("pid " + child.pid() + " on host "));
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup, the lock file stays
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(child.isAlive()).isFalse();
        assertThat(stateDir.resolve("b-1").resolve("lock")).exists();
        try (BuildLockFile lock = BuildLockFile.acquire(stateDir, "b-1", Duration.ZERO)) {
            assertThat(lock.holder()).startsWith("pid " + ProcessHandle.current().pid());
        }
    }
}
