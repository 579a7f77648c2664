package dev.thefactory.fallbacks.internal.java;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the static templates that ship next to these classes. Stateless and thread-safe. */
final class Resources {

    private Resources() {
    }

    /**
     * @param name the template's file name, such as {@code JsonCodecTest.java.txt}
     * @return its text
     * @throws IllegalStateException when the template is missing from the jar
     */
    static String text(String name) {
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("template " + name + " is missing from the simple backend's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + name, e);
        }
    }
}
