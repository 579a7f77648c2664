package dev.thefactory.tests.kit;

import dev.thefactory.api.StateLockedException;
import dev.thefactory.spi.BuildLock;
import dev.thefactory.spi.CheckpointRepository;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The child JVM of {@link CheckpointRepositoryContract}'s cross-process lock tests. It opens a repository with an
 * {@link CheckpointRepositoryContract.Opener} and follows commands read line by line from standard input, answering
 * each with one line on standard output:
 *
 * <ul>
 *   <li>{@code lock} answers {@code LOCKED <holder>}, {@code REFUSED <message>} or {@code NO-LOCK};</li>
 *   <li>{@code release} closes the held lock and answers {@code RELEASED};</li>
 *   <li>the end of input ends the process (without releasing, which the test may also do by killing it).</li>
 * </ul>
 *
 * <p>Not for direct use.
 */
public final class ChildLockHolder {

    private ChildLockHolder() {
    }

    /**
     * Runs the child.
     *
     * @param args the opener's class name, the storage it opens, and the build id to lock
     * @throws Exception when the opener cannot be created or standard input cannot be read
     */
    public static void main(String[] args) throws Exception {
        CheckpointRepositoryContract.Opener opener = Class.forName(args[0])
                .asSubclass(CheckpointRepositoryContract.Opener.class).getConstructor().newInstance();
        CheckpointRepository repository = opener.open(args[1]);
        String buildId = args[2];
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BuildLock held = null;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            switch (line.strip()) {
                case "lock" -> {
                    try {
                        Optional<BuildLock> lock = repository.lock(buildId);
                        if (lock.isPresent()) {
                            held = lock.get();
                            out.println("LOCKED " + held.holder());
                        } else {
                            out.println("NO-LOCK");
                        }
                    } catch (StateLockedException e) {
                        out.println("REFUSED " + e.getMessage().replace('\n', ' '));
                    }
                }
                case "release" -> {
                    if (held != null) {
                        held.close();
                        held = null;
                    }
                    out.println("RELEASED");
                }
                default -> out.println("UNKNOWN " + line);
            }
        }
        repository.close();
    }
}
