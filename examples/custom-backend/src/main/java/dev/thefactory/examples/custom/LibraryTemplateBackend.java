package dev.thefactory.examples.custom;

import dev.thefactory.api.AgentException;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.api.Requirement;
import dev.thefactory.spi.Agent;
import dev.thefactory.spi.AgentContext;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.GeneratedFile;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.RequirementClaim;
import dev.thefactory.spi.StandardTasks;
import dev.thefactory.spi.TaskResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The {@code example-integrated} backend for one build: one agent per {@linkplain StandardTasks standard task}.
 *
 * <ul>
 *   <li>{@code analyze} refuses any project type but {@code library} (a permanent failure, so that the cascade
 *       moves on) and publishes the library's coordinates as facts;</li>
 *   <li>{@code design/architecture} publishes the feature table; each {@code design/feature/*} task checks that
 *       its features are in it and publishes their constants;</li>
 *   <li>{@code structure} plans the files; the four {@code generate/*} tasks write them: build files, code,
 *       tests, and documentation with {@code LICENSE} and {@code CONTRIBUTING.md}.</li>
 * </ul>
 *
 * <p>Later phases read what earlier ones decided from the facts, not from the spec, the way a backend whose phases
 * run in a remote service would. Thread-safe: it holds only immutable state.
 */
final class LibraryTemplateBackend implements OrchestratorBackend {

    private final BackendContext context;

    LibraryTemplateBackend(BackendContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public String id() {
        return ExampleIntegratedBackendProvider.ID;
    }

    @Override
    public Agent agent(AgentTask task) {
        String id = task.id();
        if (id.equals(StandardTasks.ANALYZE)) {
            return LibraryTemplateBackend::analyze;
        }
        if (id.equals(StandardTasks.DESIGN_ARCHITECTURE)) {
            return LibraryTemplateBackend::designArchitecture;
        }
        if (id.startsWith(StandardTasks.DESIGN_FEATURE_PREFIX)) {
            return LibraryTemplateBackend::designFeatures;
        }
        if (id.equals(StandardTasks.STRUCTURE)) {
            return LibraryTemplateBackend::structure;
        }
        if (id.equals(StandardTasks.GENERATE_BUILD)) {
            return generator(LibraryProject::build);
        }
        if (id.equals(StandardTasks.GENERATE_CODE)) {
            return (codeTask, context) -> {
                LibraryProject project = project(context);
                return TaskResult.ofFiles(project.code()).withClaims(claims(context.spec(), project));
            };
        }
        if (id.equals(StandardTasks.GENERATE_TESTS)) {
            return generator(LibraryProject::tests);
        }
        if (id.equals(StandardTasks.GENERATE_DOCS)) {
            return generator(LibraryProject::docs);
        }
        throw AgentException.permanentFailure(id() + " has no agent for task '" + id + "' (build "
                + context.buildId() + "); it performs only the standard tasks of dev.thefactory.spi.StandardTasks");
    }

    private static TaskResult analyze(AgentTask task, AgentContext context) {
        ProjectSpec spec = context.spec();
        if (spec.type() != ProjectType.LIBRARY) {
            throw AgentException.permanentFailure(ExampleIntegratedBackendProvider.ID
                    + " generates only 'library' projects but the spec's type is '"
                    + (spec.type() == null ? "(none)" : spec.type().id()) + "'; set '## Type: library' in the spec,"
                    + " or build with --mode auto or standalone so that the built-in backends take it");
        }
        return TaskResult.ofFacts(LibraryCoordinates.of(spec).toFacts());
    }

    private static TaskResult designArchitecture(AgentTask task, AgentContext context) {
        LibraryCoordinates coordinates = LibraryCoordinates.fromFacts(context.facts());
        FeatureTable table = FeatureTable.of(context.spec().features());
        List<String> notes = new ArrayList<>();
        for (String duplicate : table.duplicates()) {
            notes.add("feature '" + duplicate + "' repeats an earlier feature and was generated once");
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(FeatureTable.FACT, table.encode());
        facts.put("library.entryPoint", coordinates.packageName() + "." + coordinates.className());
        return new TaskResult(List.of(), facts, List.of(), List.of(), notes);
    }

    private static TaskResult designFeatures(AgentTask task, AgentContext context) {
        // Tasks of one phase run in parallel and see only the facts of earlier phases, so the table is derived from
        // the spec here, exactly as design/architecture derives it (the same function of the same features).
        FeatureTable table = FeatureTable.of(context.spec().features());
        String wanted = task.parameter(StandardTasks.PARAM_FEATURES);
        if (wanted == null) {
            throw AgentException.permanentFailure("task '" + task.id() + "' has no parameter '"
                    + StandardTasks.PARAM_FEATURES + "'; the planner must name the features it designs");
        }
        List<String> constants = new ArrayList<>();
        for (String feature : wanted.split("\n")) {
            if (feature.isBlank()) {
                continue;
            }
            String key = FeatureTable.normalize(feature);
            String constant = table.entries().stream().filter(e -> FeatureTable.normalize(e.text()).equals(key))
                    .map(FeatureTable.Entry::constant).findFirst()
                    .orElseThrow(() -> AgentException.permanentFailure("task '" + task.id() + "' names feature '"
                            + feature + "', which is not in the feature table of design/architecture"));
            constants.add(constant);
        }
        String key = task.id().substring(StandardTasks.DESIGN_FEATURE_PREFIX.length());
        return TaskResult.ofFacts(Map.of("library.design." + key, String.join(",", constants)));
    }

    private static TaskResult structure(AgentTask task, AgentContext context) {
        return new TaskResult(List.of(), Map.of(), project(context).plannedPaths(), List.of(), List.of());
    }

    /**
     * What this backend honestly claims about the spec's requirements: the generated library lists each feature's
     * text in its feature table but implements no feature's behaviour, so every feature is {@code NOT_IMPLEMENTED};
     * a Java language requirement is {@code IMPLEMENTED} by the generated Java sources and the JUnit tests that run
     * them (the core counts no claim without a passing test; any other language is not implemented);
     * every other requirement is {@code NOT_IMPLEMENTED} because the template does not read it.
     */
    static List<RequirementClaim> claims(ProjectSpec spec, LibraryProject project) {
        Requirement language = Requirement.language(spec).orElse(null);
        List<RequirementClaim> claims = new ArrayList<>();
        for (Requirement requirement : Requirement.of(spec)) {
            if (requirement.isFeature()) {
                claims.add(RequirementClaim.notImplemented(requirement.id(), ExampleIntegratedBackendProvider.ID
                        + " lists this feature's text in the library's feature table but does not implement its"
                        + " behaviour"));
            } else if (requirement.equals(language) && isJava(requirement.text())) {
                claims.add(RequirementClaim.implemented(requirement.id(),
                        List.of("pom.xml", project.code().get(0).path()), project.testNames()));
            } else if (requirement.equals(language)) {
                claims.add(RequirementClaim.notImplemented(requirement.id(), ExampleIntegratedBackendProvider.ID
                        + " generates Java libraries only"));
            } else {
                claims.add(RequirementClaim.notImplemented(requirement.id(), ExampleIntegratedBackendProvider.ID
                        + " generates a fixed library template and does not read this requirement"));
            }
        }
        return claims;
    }

    private static boolean isJava(String text) {
        String value = text.substring(text.indexOf(':') + 1).trim().toLowerCase(java.util.Locale.ROOT);
        return value.equals("java") || value.matches("java[ \\d.]*(\\(.*\\))?");
    }

    private static Agent generator(Function<LibraryProject, List<GeneratedFile>> files) {
        return (task, context) -> TaskResult.ofFiles(files.apply(project(context)));
    }

    private static LibraryProject project(AgentContext context) {
        LibraryCoordinates coordinates = LibraryCoordinates.fromFacts(context.facts());
        FeatureTable table = FeatureTable.decode(LibraryCoordinates.fact(context.facts(), FeatureTable.FACT));
        return new LibraryProject(coordinates, table, context.spec().name(), context.spec().description());
    }

    @Override
    public void close() {
        // Holds no resources: nothing to release.
    }
}
