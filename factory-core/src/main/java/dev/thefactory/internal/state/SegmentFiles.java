package dev.thefactory.internal.state;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names and lists the log segments ({@code segment-000001.log}, ...) of one build directory. */
final class SegmentFiles {

    private static final Pattern NAME = Pattern.compile("segment-(\\d{6,9})\\.log");

    private SegmentFiles() {
    }

    /**
     * One segment file.
     *
     * @param generation its number, from 1
     * @param path where it is
     */
    record Segment(int generation, Path path) {
    }

    /**
     * @param generation from 1
     * @return the file name of that generation
     */
    static String name(int generation) {
        return String.format("segment-%06d.log", generation);
    }

    /**
     * @param buildDirectory a build's directory
     * @return its segments, oldest generation first; empty when the directory does not exist
     * @throws IOException when the directory cannot be listed
     */
    static List<Segment> list(Path buildDirectory) throws IOException {
        List<Segment> segments = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(buildDirectory)) {
            for (Path entry : entries) {
                Matcher m = NAME.matcher(entry.getFileName().toString());
                if (m.matches() && Files.isRegularFile(entry)) {
                    segments.add(new Segment(Integer.parseInt(m.group(1)), entry));
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        }
        segments.sort(Comparator.comparingInt(Segment::generation));
        return segments;
    }
}
