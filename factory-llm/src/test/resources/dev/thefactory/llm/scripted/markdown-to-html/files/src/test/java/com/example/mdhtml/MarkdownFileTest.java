package com.example.mdhtml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownFileTest {

    @TempDir
    Path dir;

    @Test
    void convertsAFileToAnHtmlPage() throws IOException {
        Path source = Files.writeString(dir.resolve("notes.md"), "# Notes\n\n- **milk**\n");

        Path written = new MarkdownFile(source).convert();

        String page = Files.readString(written, StandardCharsets.UTF_8);
        assertTrue(page.contains("<h1>Notes</h1>"), page);
        assertTrue(page.contains("<li><strong>milk</strong></li>"), page);
    }

    @Test
    void writesTheHtmlNextToTheInput() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("docs"));
        Path source = Files.writeString(sub.resolve("guide.markdown"), "text");

        Path written = new MarkdownFile(source).convert();

        assertEquals(sub.resolve("guide.html"), written);
        assertTrue(Files.isRegularFile(written));
    }

    @Test
    void theCommandLineConvertsTheFileItIsGiven() throws IOException {
        Path source = Files.writeString(dir.resolve("a.md"), "*hi*");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(new String[] {source.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.readString(dir.resolve("a.html")).contains("<p><em>hi</em></p>"));
    }

    @Test
    void theCommandLineNamesAMissingFile() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(new String[] {dir.resolve("none.md").toString()}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such file"));
    }
}
