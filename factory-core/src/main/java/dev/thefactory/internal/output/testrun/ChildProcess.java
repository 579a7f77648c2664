package dev.thefactory.internal.output.testrun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one test process: its standard output and error merged and kept only in part ({@link BoundedOutput}), an
 * empty standard input, a time limit after which the process and every process it started are killed, and, when
 * it ends, any process it left behind killed too (descendants are tracked while it runs, since an orphan is no
 * longer a descendant).
 *
 * <p>Thread-safe: each call has its own process and reader thread.
 */
final class ChildProcess {

    /** Bytes of output kept from the start. */
    static final int HEAD_BYTES = 16 * 1024;
    /** Bytes of output kept from the end. */
    static final int TAIL_BYTES = 48 * 1024;
    /** The longest line handed to a line listener; the rest of a longer line is dropped. */
    static final int MAX_LINE = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
    private static final long POLL_MILLIS = 100;

    private ChildProcess() {
    }

    /**
     * How a process ended.
     *
     * @param exitCode its exit code; meaningless when it timed out
     * @param timedOut whether it was killed at the time limit
     * @param output   the start and end of what it printed
     * @param elapsed  how long it ran
     */
    record Outcome(int exitCode, boolean timedOut, BoundedOutput output, Duration elapsed) {
    }

    /**
     * @param command     the program and its arguments
     * @param directory   its working directory
     * @param environment its whole environment
     * @param timeout     the time limit
     * @param lines       receives each line of output as it comes (on the reader thread); may be null
     * @return how it ended
     * @throws IOException          when it cannot be started
     * @throws InterruptedException when this thread is interrupted (the process tree is killed first)
     */
    static Outcome run(List<String> command, Path directory, Map<String, String> environment, Duration timeout,
            Consumer<String> lines) throws IOException, InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        BoundedOutput output = new BoundedOutput(HEAD_BYTES, TAIL_BYTES);
        Thread reader = new Thread(() -> drain(process.getInputStream(), output, lines), "factory-test-output-"
                + process.pid());
        reader.setDaemon(true);
        reader.start();
        Set<ProcessHandle> seen = new LinkedHashSet<>();
        long deadline = started + timeout.toNanos();
        boolean timedOut = false;
        try {
            while (!process.waitFor(Math.min(POLL_MILLIS, Math.max(1, TimeUnit.NANOSECONDS.toMillis(
                    deadline - System.nanoTime()))), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(seen::add);
                if (System.nanoTime() - deadline >= 0) {
                    timedOut = true;
                    break;
                }
            }
        } finally {
            if (timedOut || process.isAlive()) {
                process.descendants().forEach(seen::add);
                process.destroyForcibly();
            }
            killAll(seen);
        }
        if (timedOut && !process.waitFor(10, TimeUnit.SECONDS)) {
            LOG.warn("test process {} did not end 10 s after it was killed", process.pid());
        }
        reader.join(2_000);
        if (reader.isAlive()) {
            // A grandchild that escaped still holds the pipe; stop waiting for it.
            process.getInputStream().close();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new Outcome(timedOut ? -1 : process.exitValue(), timedOut, output, elapsed);
    }

    /** Kills the processes and waits a little for them to be gone, so none outlives the run. */
    private static void killAll(Set<ProcessHandle> processes) {
        List<ProcessHandle> killed = new ArrayList<>();
        for (ProcessHandle handle : processes) {
            if (handle.isAlive() && handle.destroyForcibly()) {
                killed.add(handle);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (ProcessHandle handle : killed) {
            try {
                handle.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("process {} started by a generated test did not end after it was killed", handle.pid());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void drain(InputStream in, BoundedOutput output, Consumer<String> lines) {
        byte[] buffer = new byte[8192];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (in) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                output.append(buffer, 0, read);
                if (lines == null) {
                    continue;
                }
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        deliver(lines, line);
                    } else if (line.size() < MAX_LINE) {
                        line.write(b);
                    }
                }
            }
            if (lines != null && line.size() > 0) {
                deliver(lines, line);
            }
        } catch (IOException e) {
            LOG.debug("stopped reading the output of a test process: {}", e.toString());
        }
    }

    private static void deliver(Consumer<String> lines, ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        try {
            lines.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
        } catch (RuntimeException e) {
            LOG.warn("could not handle a line of test output", e);
        }
    }
}
