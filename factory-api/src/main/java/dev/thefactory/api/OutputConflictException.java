package dev.thefactory.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The project's output directory, {@code <outputDirectory>/<slug>/}, holds something other than exactly what an
 * earlier build of The Factory published there: files were added, changed or removed since, it has no
 * {@code .factory/metadata.json}, it is not a directory, or another build published there while this one ran.
 * Publishing would destroy those files, so nothing in that directory was touched.
 *
 * <p>Thrown before any work is done when the directory is found so at the start of a build (or a resume); thrown
 * at the end, with the validated project kept in the staging area, when it changed while the build ran. The fixes:
 * build with {@code Factory.Builder.overwrite(true)}, which moves the old tree aside to
 * {@code <outputDirectory>/.trash/<slug>-<buildId>/} and keeps it; choose another output directory; or move the
 * directory away yourself. CLI exit code 3.
 *
 * <p>Immutable and thread-safe.
 */
public class OutputConflictException extends FactoryException {

    private static final long serialVersionUID = 1L;

    /** How many differences the message names; {@link #differences()} has them all. */
    private static final int SHOWN = 5;

    private final String directory;
    private final List<String> differences;

    /**
     * @param directory   the project's output directory that was left alone
     * @param buildId     the build that wanted to publish there
     * @param differences what differs from what an earlier build published, one entry each, e.g.
     *                    {@code "added: MY_NOTES.txt"}; at least one
     * @param staged      where the validated project is kept, when the conflict was found at publish time; null
     *                    when found before any work
     * @throws NullPointerException     if an argument other than {@code staged} is null
     * @throws IllegalArgumentException if {@code differences} is empty
     */
    public OutputConflictException(Path directory, String buildId, List<String> differences, Path staged) {
        super(message(directory, differences, staged), null, ErrorContext.ofBuild(buildId),
                recovery(directory, buildId, staged));
        this.directory = directory.toString();
        this.differences = List.copyOf(differences);
    }

    private static String message(Path directory, List<String> differences, Path staged) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(differences, "differences");
        if (differences.isEmpty()) {
            throw new IllegalArgumentException("differences must name at least one difference but was empty");
        }
        List<String> shown = differences.subList(0, Math.min(SHOWN, differences.size()));
        String more = differences.size() > SHOWN ? " (and " + (differences.size() - SHOWN) + " more)" : "";
        return "The output directory " + directory + " holds files that no earlier build of The Factory published "
                + "there as they are now: " + String.join("; ", shown) + more + ". It was left untouched and "
                + (staged == null ? "the build stopped before doing any work"
                        : "nothing was published; the validated project is kept at " + staged)
                + "; see the recovery options to replace it (the old tree is kept) or to build elsewhere";
    }

    private static List<String> recovery(Path directory, String buildId, Path staged) {
        List<String> options = new ArrayList<>();
        Path trash = directory.resolveSibling(".trash");
        options.add("build with Factory.Builder.overwrite(true): the old tree is moved to "
                + (staged != null ? trash.resolve(directory.getFileName() + "-" + buildId)
                        : trash.resolve(directory.getFileName() + "-<id of that build>"))
                + " and kept");
        options.add("choose another output directory (Factory.Builder.outputDirectory)");
        options.add("move " + directory + " away yourself, then run again");
        if (staged != null) {
            options.add("resume build " + buildId + " after one of the above: its validated project is kept at "
                    + staged);
        }
        return options;
    }

    /** @return the project's output directory that was left alone */
    public Path directory() {
        return Path.of(directory);
    }

    /** @return every difference found, e.g. {@code "added: MY_NOTES.txt"}; never empty */
    public List<String> differences() {
        return differences;
    }
}
