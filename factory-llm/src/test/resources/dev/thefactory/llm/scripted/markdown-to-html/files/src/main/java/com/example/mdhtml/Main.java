package com.example.mdhtml;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The command line: {@code md2html FILE.md} writes {@code FILE.html} next to it. */
public final class Main {

    private Main() {
    }

    /** @param args the Markdown file */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * @param args the command line
     * @param out  where the written file is reported
     * @param err  where problems are reported
     * @return 0 on success, 1 when the file could not be converted, 2 on a usage error
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: md2html FILE.md");
            return 2;
        }
        try {
            Path written = new MarkdownFile(Path.of(args[0])).convert();
            out.println("wrote " + written);
            return 0;
        } catch (NoSuchFileException e) {
            err.println("no such file: " + e.getFile());
            return 1;
        } catch (IOException e) {
            err.println("cannot convert " + args[0] + ": " + e.getMessage());
            return 1;
        }
    }
}
