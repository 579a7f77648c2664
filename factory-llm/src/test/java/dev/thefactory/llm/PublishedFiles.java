package dev.thefactory.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compares a published file with what the model wrote. */
final class PublishedFiles {

    /** The marker of the section the core appends to the generated README and usage docs from the verified ledger. */
    static final String VERIFIED_SECTION = "<!-- requirements as verified by The Factory -->";

    private PublishedFiles() {
    }

    /**
     * Asserts that a published file holds exactly what the model wrote, except that the README and the usage docs may
     * end with the section the core writes from the verified ledger (and nothing else is added).
     *
     * @param project  the published project
     * @param path     the file, relative to the project
     * @param expected what the model wrote
     * @throws IOException when the file cannot be read
     */
    static void assertAsGenerated(Path project, String path, String expected) throws IOException {
        String actual = Files.readString(project.resolve(path), StandardCharsets.UTF_8);
        if (!path.equals("README.md") && !path.equals("docs/usage.md")) {
            assertThat(actual).as(path).isEqualTo(expected);
            return;
        }
        assertThat(actual).as(path).startsWith(expected);
        String added = actual.substring(expected.length()).strip();
        if (!added.isEmpty()) {
            assertThat(added).as("what the core added to %s", path).startsWith(VERIFIED_SECTION)
                    .contains("## Requirements as verified").contains("REQUIREMENTS.md");
        }
    }
}
