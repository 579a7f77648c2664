package dev.thefactory.internal.spec;

import dev.thefactory.Specs;
import dev.thefactory.api.SpecFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Run in a fresh child JVM by {@link ValidatorLoggingTest}: records everything that reaches {@code java.util.logging}
 * and standard error while a spec is validated for the first time in the JVM, then prints one line per finding on
 * standard output: {@code JUL <logger> <message>} for each record and {@code ERR <line>} for each line of standard
 * error (where the test class path's slf4j-simple writes).
 */
public final class ValidatorLoggingMain {

    private ValidatorLoggingMain() {
    }

    /**
     * Validates a spec and reports what was logged where.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        PrintStream out = System.out;
        List<String> jul = new ArrayList<>();
        Logger root = Logger.getLogger("");
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (jul) {
                    jul.add(record.getLoggerName() + " " + record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Specs.read("""
                    # Logging Demo

                    A spec validated to see where Hibernate Validator logs.

                    ## Type: cli_tool

                    ## FEATURES

                    - Print a greeting
                    """, SpecFormat.MARKDOWN);
        } finally {
            System.setErr(originalErr);
        }
        synchronized (jul) {
            jul.forEach(line -> out.println("JUL " + line.replace('\n', ' ')));
        }
        err.toString(StandardCharsets.UTF_8).lines().forEach(line -> out.println("ERR " + line));
        out.println("DONE");
    }
}
