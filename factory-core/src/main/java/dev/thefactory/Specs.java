package dev.thefactory;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.SpecFormat;
import dev.thefactory.api.SpecLimits;
import dev.thefactory.api.SpecValidationException;
import dev.thefactory.internal.spec.SpecJson;
import dev.thefactory.internal.spec.SpecLoader;
import dev.thefactory.internal.spec.SpecWriter;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads and writes project specifications without building them: for tools that validate, convert or generate
 * specs. {@link Factory.Builder#build()} reads specs the same way. See {@code docs/spec-format.md} for the formats.
 */
public final class Specs {

    private Specs() {
    }

    /**
     * Reads and validates a spec file with the default limits; the format comes from the extension, else from the
     * content.
     *
     * @param file the spec file
     * @return the validated spec
     * @throws SpecValidationException with every violation, when the file cannot be read or the spec is invalid
     */
    public static ProjectSpec read(Path file) {
        return read(file, SpecLimits.defaults());
    }

    /**
     * @param file   the spec file
     * @param limits the limits to read it under
     * @return the validated spec
     * @throws SpecValidationException with every violation, when the file cannot be read or the spec is invalid
     */
    public static ProjectSpec read(Path file, SpecLimits limits) {
        return new SpecLoader(Objects.requireNonNull(limits, "limits")).load(Objects.requireNonNull(file, "file"));
    }

    /**
     * @param content the spec's text
     * @param format  its format
     * @return the validated spec
     * @throws SpecValidationException with every violation, when the spec is invalid
     */
    public static ProjectSpec read(String content, SpecFormat format) {
        return new SpecLoader(SpecLimits.defaults()).load(Objects.requireNonNull(content, "content"),
                Objects.requireNonNull(format, "format"), "spec");
    }

    /**
     * Writes a spec in a format; what is written reads back as the same spec.
     *
     * @param spec   the spec
     * @param format the format
     * @return the text
     */
    public static String write(ProjectSpec spec, SpecFormat format) {
        Objects.requireNonNull(spec, "spec");
        return switch (Objects.requireNonNull(format, "format")) {
            case MARKDOWN -> SpecWriter.toMarkdown(spec);
            case YAML -> SpecWriter.toYaml(spec);
            case JSON -> SpecJson.toJson(spec);
        };
    }

    /**
     * The normalized JSON form that {@code factory validate --json} prints: every key always present, a stable key
     * order, two-space indents.
     *
     * @param spec the spec
     * @return the JSON text, ending with a newline
     */
    public static String toJson(ProjectSpec spec) {
        return SpecJson.toJson(Objects.requireNonNull(spec, "spec"));
    }
}
