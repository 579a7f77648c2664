package dev.thefactory.tests.kit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A running {@link ChildLockHolder}: sends it commands and reads its answers. Closing ends it. */
final class Child implements AutoCloseable {

    private static final long ANSWER_SECONDS = 60;

    private final Process process;
    private final Path errors;
    private final BufferedReader answers;
    private final Writer commands;

    private Child(Process process, Path errors) {
        this.process = process;
        this.errors = errors;
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /**
     * Starts a JVM on this one's class path that opens the storage and waits for commands.
     *
     * @param other   how to open the storage
     * @param buildId the build it locks
     * @return the running child
     * @throws IOException when it cannot be started
     */
    static Child start(CheckpointRepositoryContract.OtherProcess other, String buildId) throws IOException {
        Path errors = Files.createTempFile("factory-lock-child-", ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChildLockHolder.class.getName(),
                other.opener().getName(), other.storage(), buildId)
                .redirectError(errors.toFile())
                .start();
        return new Child(process, errors);
    }

    /**
     * Sends one command and waits for its answer.
     *
     * @param command the command
     * @return the child's answer line
     * @throws Exception when the child ends or does not answer in time (its standard error is named)
     */
    String command(String command) throws Exception {
        commands.write(command + "\n");
        commands.flush();
        String answer = CompletableFuture.supplyAsync(() -> {
            try {
                return answers.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(ANSWER_SECONDS, TimeUnit.SECONDS);
        if (answer == null) {
            throw new IllegalStateException("the child JVM ended without answering '" + command + "'; its standard "
                    + "error: " + Files.readString(errors));
        }
        return answer;
    }

    /**
     * Kills the child at once (no shutdown hook runs) and waits for it to end.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child JVM " + process.pid() + " did not end after being killed");
        }
    }

    /**
     * Ends the child: closing its input ends it normally; one that does not end within 30 s is killed.
     *
     * @throws IOException when its standard error file cannot be removed
     */
    @Override
    public void close() throws IOException {
        try {
            commands.close();
        } catch (IOException e) {
            process.destroyForcibly(); // its input is gone: it can no longer be told to end
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(errors);
    }
}
