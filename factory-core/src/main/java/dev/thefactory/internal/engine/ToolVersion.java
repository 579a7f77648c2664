package dev.thefactory.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of The Factory, as Maven wrote it into {@code factory-version.properties} at build time. Thread-safe.
 */
final class ToolVersion {

    private static final String RESOURCE = "factory-version.properties";
    private static final String VERSION = load();

    private ToolVersion() {
    }

    /** @return the version, e.g. {@code 0.1.0-SNAPSHOT} */
    static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ToolVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing next to " + ToolVersion.class.getName()
                        + "; the factory-core jar is incomplete, rebuild it with Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (version.isBlank() || version.contains("${")) {
                throw new IllegalStateException(RESOURCE + " holds no version ('" + version + "'); the factory-core "
                        + "jar was built without Maven resource filtering, rebuild it with Maven");
            }
            return version.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE + " from the factory-core jar", e);
        }
    }
}
