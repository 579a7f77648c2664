package com.example.mdhtml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** A Markdown file on disk and the HTML file written next to it: same name, extension {@code .html}. */
public final class MarkdownFile {

    private final Path source;

    /** @param source the Markdown file */
    public MarkdownFile(Path source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** @return the HTML file's path: beside the source, with its extension replaced by {@code .html} */
    public Path target() {
        return source.resolveSibling(baseName() + ".html");
    }

    /**
     * Converts the file and writes the HTML page next to it, replacing an earlier one.
     *
     * @return the HTML file written
     * @throws IOException when the source cannot be read or the target written
     */
    public Path convert() throws IOException {
        String markdown = Files.readString(source, StandardCharsets.UTF_8);
        Path target = target();
        Files.writeString(target, new MarkdownConverter().toDocument(baseName(), markdown), StandardCharsets.UTF_8);
        return target;
    }

    private String baseName() {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
