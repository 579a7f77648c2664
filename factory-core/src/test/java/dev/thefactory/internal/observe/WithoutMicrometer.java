package dev.thefactory.internal.observe;

import dev.thefactory.Factory;
import dev.thefactory.api.FeatureRequirement;
import dev.thefactory.api.Mode;
import dev.thefactory.api.SpecFormat;
import java.nio.file.Path;

/** Runs a build without a registry; loaded by {@link MicrometerIsOptionalTest} in a loader that hides Micrometer. */
public final class WithoutMicrometer {

    private WithoutMicrometer() {
    }

    /**
     * @param out    the output directory
     * @param loader where backends are looked for
     * @return the build's status
     */
    public static String run(Path out, ClassLoader loader) {
        return Factory.builder().spec(BuildObservationsTest.SPEC, SpecFormat.MARKDOWN).mode(Mode.STANDALONE)
                .outputDirectory(out).requireFeatures(FeatureRequirement.NONE).runGeneratedTests(false)
                .classLoader(loader).listener(event -> { }).build().run().status().name();
    }
}
