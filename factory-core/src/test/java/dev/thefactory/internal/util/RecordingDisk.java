package dev.thefactory.internal.util;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real disk that records every force and rename, and can fail chosen steps. Thread-safe. */
public final class RecordingDisk implements DurableFiles.Disk {

    /** Decides whether a step fails. */
    @FunctionalInterface
    public interface Failure {
        /**
         * @param step  "force", "forceDirectory" or "move"
         * @param from  the file, directory or rename source (null for a file force)
         * @param to    the rename target, else null
         * @param count how many steps of this kind ran before
         * @return the failure to throw, or null to run the step
         */
        IOException at(String step, Path from, Path to, int count);
    }

    private final Path base;
    private final List<String> steps = new ArrayList<>();
    private Failure failure = (step, from, to, count) -> null;

    /** @param base paths are recorded relative to it */
    public RecordingDisk(Path base) {
        Path real;
        try {
            real = base.toRealPath();
        } catch (IOException e) {
            real = base.toAbsolutePath().normalize();
        }
        this.base = real;
    }

    /** @param failure which steps fail @return this */
    public synchronized RecordingDisk failing(Failure failure) {
        this.failure = failure;
        return this;
    }

    /** @return a DurableFiles on this disk */
    public DurableFiles files() {
        return new DurableFiles(this);
    }

    /** @return every step so far, e.g. {@code "force file"}, {@code "force dir out"}, {@code "move a -> b"} */
    public synchronized List<String> steps() {
        return List.copyOf(steps);
    }

    /** @param prefix a step prefix @return how many steps start with it */
    public synchronized long count(String prefix) {
        return steps.stream().filter(s -> s.startsWith(prefix)).count();
    }

    /** Forgets the steps so far. */
    public synchronized void clear() {
        steps.clear();
    }

    @Override
    public void force(FileChannel channel, boolean metadata) throws IOException {
        check("force", null, null);
        channel.force(metadata);
        record("force file");
    }

    @Override
    public void forceDirectory(Path directory) throws IOException {
        check("forceDirectory", directory, null);
        DurableFiles.Disk.SYSTEM.forceDirectory(directory);
        record("force dir " + shown(directory));
    }

    @Override
    public void move(Path from, Path to) throws IOException {
        check("move", from, to);
        DurableFiles.Disk.SYSTEM.move(from, to);
        record("move " + shown(from) + " -> " + shown(to));
    }

    private synchronized void check(String step, Path from, Path to) throws IOException {
        int count = (int) steps.stream().filter(s -> s.startsWith(step.equals("forceDirectory") ? "force dir"
                : step.equals("force") ? "force file" : "move")).count();
        IOException e = failure.at(step, from, to, count);
        if (e != null) {
            throw e;
        }
    }

    private synchronized void record(String step) {
        steps.add(step);
    }

    private String shown(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        String shown = absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
        return shown.isEmpty() ? "." : shown.replace('\\', '/');
    }
}
