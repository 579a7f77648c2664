package dev.thefactory.internal.output;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs an in-process {@code javac} compile (from its file manager to its task's call) on a thread of its own that nothing interrupts, and waits for it with the
 * caller's interrupt put off until it is done.
 *
 * <p>Why: javac reads the platform classes of {@code --release} from {@code ct.sym} through a file system it caches
 * for the whole JVM. An interrupt of the thread running javac (a cancelled build) closes that file system's channel,
 * and every later compile in the JVM then fails with "release version 17 not supported". A compile takes seconds; the
 * caller sees its interrupt again as soon as the compile returns.
 *
 * <p>Stateless and thread-safe.
 */
public final class CompilerThread {

    private static final AtomicInteger NUMBER = new AtomicInteger();

    private CompilerThread() {
    }

    /**
     * @param compile the compile: everything that touches javac, its file manager included
     * @param <T>     what it returns
     * @return what it returned
     * @throws IOException      what it threw
     * @throws RuntimeException what it threw (a compiler crash)
     */
    public static <T> T call(Callable<T> compile) throws IOException {
        FutureTask<T> task = new FutureTask<>(compile);
        Thread thread = new Thread(task, "factory-javac-" + NUMBER.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // put off: the compile finishes first
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException("the Java compiler failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
