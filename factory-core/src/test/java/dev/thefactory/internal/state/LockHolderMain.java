package dev.thefactory.internal.state;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Run in a child JVM by {@link BuildLockFileTest}: takes a build's lock, says so on standard output, and holds it until
 * the process is killed.
 */
public final class LockHolderMain {

    private LockHolderMain() {
    }

    /**
     * @param args the state directory and the build id
     * @throws InterruptedException never in practice: the parent kills this process
     */
    public static void main(String[] args) throws InterruptedException {
        BuildLockFile lock = BuildLockFile.acquire(Path.of(args[0]), args[1], Duration.ZERO);
        System.out.println("LOCKED " + ProcessHandle.current().pid() + " " + lock.path());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
