package dev.thefactory.llm.internal;

import dev.thefactory.api.RequirementStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The shapes of the model's answers, one record per kind of task, with the Bean Validation constraints every answer
 * must meet before it is used. The JSON the prompts show the model ({@code SCHEMA} blocks) follows these records.
 */
final class Schemas {

    /** Component keys and child task keys. */
    static final String KEY = "[a-z0-9][a-z0-9._-]{0,40}";
    /** A generated test, {@code fully.qualified.Class#method}. */
    static final String TEST_NAME = "[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*#[A-Za-z_$][A-Za-z0-9_$]*";

    private Schemas() {
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** ANALYZE: the domain. */
    record Analysis(@NotBlank @Size(max = 4000) String summary,
                    @NotBlank @Size(max = 100) String language,
                    @Size(max = 200) @Pattern(regexp = "[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*") String basePackage,
                    @Size(max = 100) List<@NotNull @Valid Entity> entities,
                    @Size(max = 200) List<@NotBlank @Size(max = 1000) String> operations) {
        Analysis {
            entities = list(entities);
            operations = list(operations);
        }
    }

    /** An entity of the domain. */
    record Entity(@NotBlank @Size(max = 100) String name,
                  @Size(max = 2000) String description,
                  @Size(max = 100) List<@NotBlank @Size(max = 300) String> fields) {
        Entity {
            fields = list(fields);
        }
    }

    /** DESIGN (architecture): the components. */
    record Design(@NotEmpty @Size(max = 40) List<@NotNull @Valid Component> components,
                  @Size(max = 50) List<@NotBlank @Size(max = 2000) String> notes) {
        Design {
            components = list(components);
            notes = list(notes);
        }
    }

    /** A component of the design. */
    record Component(@NotBlank @Pattern(regexp = KEY) String key,
                     @NotBlank @Size(max = 2000) String purpose,
                     @Size(max = 500) List<@NotBlank @Size(max = 40) String> requirements) {
        Component {
            requirements = list(requirements);
        }
    }

    /** DESIGN (features): how each feature is built. */
    record FeatureDesigns(@NotEmpty @Size(max = 100) List<@NotNull @Valid FeatureDesign> features) {
        FeatureDesigns {
            features = list(features);
        }
    }

    /** The design of one feature. */
    record FeatureDesign(@NotBlank @Size(max = 40) String requirementId,
                         @NotBlank @Size(max = 8000) String approach) {
    }

    /** What a planned file is for, and so which {@code GENERATE} task writes it. */
    enum Kind {
        /** Build files and configuration: {@code generate/build}. */
        BUILD,
        /** Production code: {@code generate/code}. */
        MAIN,
        /** Tests: {@code generate/tests}. */
        TEST,
        /** Documentation: {@code generate/docs}. */
        DOCS
    }

    /** STRUCTURE: the file plan. */
    record Plan(@NotEmpty @Size(max = 300) List<@NotNull @Valid PlannedFile> files) {
        Plan {
            files = list(files);
        }
    }

    /**
     * One planned file. {@code api} is the public surface a code file declares (types and signatures): the contract
     * its developer implements exactly and the testers of other components code against, since they run at the
     * same time and never see each other's files.
     */
    record PlannedFile(@NotBlank @Size(max = 240) String path,
                       @NotNull Kind kind,
                       @Pattern(regexp = KEY) String component,
                       @Size(max = 2000) String purpose,
                       @Size(max = 8000) String api,
                       @Size(max = 500) List<@NotBlank @Size(max = 40) String> requirements,
                       @Size(max = 200) List<@NotBlank @Pattern(regexp = TEST_NAME) String> tests) {
        PlannedFile {
            requirements = list(requirements);
            tests = list(tests);
        }
    }

    /** GENERATE: files and what they implement. */
    record Files(@NotNull @Size(max = 200) List<@NotNull @Valid FileContent> files,
                 @Size(max = 500) List<@NotNull @Valid Claim> claims) {
        Files {
            files = list(files);
            claims = list(claims);
        }
    }

    /** One written file. */
    record FileContent(@NotBlank @Size(max = 240) String path, @NotNull @Size(max = 1_000_000) String content) {
    }

    /** The model's own account of one requirement. */
    record Claim(@NotBlank @Size(max = 40) String requirementId,
                 @NotNull RequirementStatus status,
                 @Size(max = 50) List<@NotBlank @Size(max = 1000) String> gaps,
                 @Size(max = 2000) String reason) {
        Claim {
            gaps = list(gaps);
        }
    }
}
