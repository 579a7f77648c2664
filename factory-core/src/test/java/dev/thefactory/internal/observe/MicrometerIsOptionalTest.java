package dev.thefactory.internal.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.Factory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Micrometer is an optional dependency: the core refers to it only where a registry was handed over. */
class MicrometerIsOptionalTest {

    @TempDir
    Path tmp;

    @Test
    void onlyTheObservePackageAndTheBuildersOneMethodReferToMicrometer() throws IOException {
        Path classes = Path.of(Factory.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<String> referring = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                // class files name the classes they use in UTF-8 in their constant pool
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                if (bytes.contains("io/micrometer")) {
                    referring.add(classes.relativize(file).toString().replace('\\', '/'));
                }
            }
        }
        assertThat(referring).isNotEmpty().allSatisfy(name -> assertThat(name)
                .matches("dev/thefactory/internal/observe/[^/]+\\.class|dev/thefactory/Factory\\$Builder\\.class"));
    }

    @Test
    void aBuildRunsWithMicrometerAbsentFromTheClassPathAndNeverAsksForIt() throws Exception {
        HidingLoader loader = new HidingLoader(getClass().getClassLoader());
        assertThatThrownBy(() -> loader.loadClass("io.micrometer.observation.ObservationRegistry"))
                .isInstanceOf(ClassNotFoundException.class);
        loader.asked.clear();

        Class<?> runner = loader.loadClass(WithoutMicrometer.class.getName());
        assertThat(runner.getClassLoader()).isSameAs(loader);
        Method run = runner.getMethod("run", Path.class, ClassLoader.class);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        Object status;
        try {
            status = run.invoke(null, tmp.resolve("out"), loader);
        } finally {
            thread.setContextClassLoader(previous);
        }

        assertThat(status).isEqualTo("SUCCEEDED");
        assertThat(loader.defined).contains(Factory.class.getName(), Factory.Builder.class.getName());
        assertThat(loader.asked).isEmpty();
        assertThat(loader.defined).noneMatch(name -> name.startsWith(BuildObservations.class.getName()));
    }

    /**
     * Defines the classes of The Factory itself (so that what they refer to is resolved here) and hides Micrometer,
     * recording every request for it; everything else comes from the parent.
     */
    static final class HidingLoader extends ClassLoader {
        final List<String> asked = Collections.synchronizedList(new ArrayList<>());
        final List<String> defined = Collections.synchronizedList(new ArrayList<>());

        HidingLoader(ClassLoader parent) {
            super("without-micrometer", parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.micrometer.")) {
                asked.add(name);
                throw new ClassNotFoundException(name + " is hidden by the test");
            }
            if (!name.startsWith("dev.thefactory.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                        defined.add(name);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
