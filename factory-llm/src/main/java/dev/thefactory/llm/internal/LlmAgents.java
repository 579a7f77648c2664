package dev.thefactory.llm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.thefactory.api.AgentException;
import dev.thefactory.api.AgentRole;
import dev.thefactory.api.Requirement;
import dev.thefactory.spi.Agent;
import dev.thefactory.spi.AgentContext;
import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.ChildTask;
import dev.thefactory.spi.GeneratedFile;
import dev.thefactory.spi.RepairDiagnostic;
import dev.thefactory.spi.RepairRequest;
import dev.thefactory.spi.RequirementClaim;
import dev.thefactory.spi.StandardTasks;
import dev.thefactory.spi.TaskResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The agents of the {@code llm} backend, one per {@linkplain StandardTasks standard task}, and the developer and
 * tester children of {@code generate/code} and {@code generate/tests} (one per component of the plan, grouped to fit
 * {@link AgentContext#maxChildren()}), and the repair tasks of {@code VALIDATE_OUTPUT} ({@code repair/<round>}). Every agent makes its model calls through the {@link ModelCallGate}, parses and
 * validates the answer before using it, and publishes what it decided as facts ({@value #ANALYSIS}, {@value #DESIGN},
 * {@value #FEATURE_PREFIX}{@code <key>}, {@value #PLAN}) and its token usage as {@value #USAGE_PREFIX}{@code <task>}.
 * Thread-safe: it holds no mutable state of its own.
 */
final class LlmAgents {

    static final String ANALYSIS = "llm.analysis";
    static final String DESIGN = "llm.design";
    static final String FEATURE_PREFIX = "llm.feature.";
    static final String PLAN = "llm.plan";
    static final String USAGE_PREFIX = "llm.usage.";
    static final String PARAM_COMPONENTS = "components";

    private final ModelCallGate gate;
    private final Prompts prompts;

    LlmAgents(ModelCallGate gate, Prompts prompts) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
    }

    /**
     * @param task a task of the plan, or a child this backend asked for
     * @return its agent
     * @throws AgentException (permanent) for a task this backend does not know
     */
    Agent agent(AgentTask task) {
        String id = task.id();
        if (id.equals(StandardTasks.ANALYZE)) {
            return this::analyze;
        }
        if (id.equals(StandardTasks.DESIGN_ARCHITECTURE)) {
            return this::designArchitecture;
        }
        if (id.startsWith(StandardTasks.DESIGN_FEATURE_PREFIX)) {
            return this::designFeatures;
        }
        if (id.equals(StandardTasks.STRUCTURE)) {
            return this::structure;
        }
        if (id.equals(StandardTasks.GENERATE_BUILD)) {
            return (t, c) -> write(t, c, "builder", "build-files", Schemas.Kind.BUILD, null);
        }
        if (id.equals(StandardTasks.GENERATE_CODE)) {
            return (t, c) -> fanOut(t, c, Schemas.Kind.MAIN, AgentRole.DEVELOPER);
        }
        if (id.equals(StandardTasks.GENERATE_TESTS)) {
            return (t, c) -> fanOut(t, c, Schemas.Kind.TEST, AgentRole.TESTER);
        }
        if (id.equals(StandardTasks.GENERATE_DOCS)) {
            return (t, c) -> write(t, c, "documenter", "docs", Schemas.Kind.DOCS, null);
        }
        if (id.startsWith(StandardTasks.GENERATE_CODE + "/")) {
            return (t, c) -> write(t, c, "developer", "code", Schemas.Kind.MAIN, components(t));
        }
        if (id.startsWith(StandardTasks.GENERATE_TESTS + "/")) {
            return (t, c) -> write(t, c, "tester", "tests", Schemas.Kind.TEST, components(t));
        }
        if (id.startsWith(StandardTasks.REPAIR + "/")) {
            return this::repair;
        }
        throw AgentException.permanentFailure("the llm backend has no agent for task '" + id + "'; it performs the "
                + "standard tasks of dev.thefactory.spi.StandardTasks and the children it asks for");
    }

    private TaskResult analyze(AgentTask task, AgentContext context) throws InterruptedException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("spec", SpecData.spec(context.spec()));
        data.put("requirements", SpecData.requirements(context.spec()));
        Schemas.Analysis analysis = ask(task, context, "architect", "analyze", data, Schemas.Analysis.class);
        return withUsage(task, Map.of(ANALYSIS, Answers.toJson(analysis)), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    private TaskResult designArchitecture(AgentTask task, AgentContext context) throws InterruptedException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("spec", SpecData.spec(context.spec()));
        data.put("requirements", SpecData.requirements(context.spec()));
        data.put("analysis", fact(task, context, ANALYSIS));
        Schemas.Design design = ask(task, context, "architect", "design-architecture", data, Schemas.Design.class);
        Set<String> keys = new LinkedHashSet<>();
        for (Schemas.Component component : design.components()) {
            if (!keys.add(component.key())) {
                throw Answers.rejected(task.id(), "two components have the key '" + component.key() + "'");
            }
        }
        return withUsage(task, Map.of(DESIGN, Answers.toJson(design)), List.of(), List.of(), List.of(),
                unknownIds(context, design.components().stream().flatMap(c -> c.requirements().stream()).toList()),
                List.of());
    }

    private TaskResult designFeatures(AgentTask task, AgentContext context) throws InterruptedException {
        String wanted = task.parameter(StandardTasks.PARAM_FEATURES);
        if (wanted == null) {
            throw AgentException.permanentFailure("task '" + task.id() + "' has no parameter '"
                    + StandardTasks.PARAM_FEATURES + "'");
        }
        List<Map<String, String>> features = new ArrayList<>();
        List<Requirement> all = Requirement.of(context.spec());
        for (String line : wanted.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Requirement match = all.stream().filter(Requirement::isFeature)
                    .filter(r -> r.text().strip().equals(line.strip())).findFirst().orElse(null);
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("id", match == null ? "" : match.id());
            entry.put("text", line.strip());
            features.add(entry);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("spec", SpecData.spec(context.spec()));
        data.put("analysis", fact(task, context, ANALYSIS));
        data.put("features", features);
        Schemas.FeatureDesigns designs = ask(task, context, "architect", "design-features", data,
                Schemas.FeatureDesigns.class);
        String key = task.id().substring(StandardTasks.DESIGN_FEATURE_PREFIX.length());
        return withUsage(task, Map.of(FEATURE_PREFIX + key, Answers.toJson(designs)), List.of(), List.of(),
                List.of(), unknownIds(context, designs.features().stream().map(Schemas.FeatureDesign::requirementId)
                        .toList()), List.of());
    }

    private TaskResult structure(AgentTask task, AgentContext context) throws InterruptedException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("spec", SpecData.spec(context.spec()));
        data.put("requirements", SpecData.requirements(context.spec()));
        data.put("analysis", fact(task, context, ANALYSIS));
        data.put("components", fact(task, context, DESIGN));
        data.put("featureDesigns", featureDesigns(context));
        Schemas.Plan plan = ask(task, context, "builder", "structure", data, Schemas.Plan.class);
        Set<String> paths = new LinkedHashSet<>();
        Set<String> tests = new LinkedHashSet<>();
        for (Schemas.PlannedFile file : plan.files()) {
            ProjectPaths.check(task.id(), file.path());
            if (!paths.add(file.path())) {
                throw Answers.rejected(task.id(), "the plan lists '" + file.path() + "' twice");
            }
            if ((file.kind() == Schemas.Kind.MAIN || file.kind() == Schemas.Kind.TEST) && file.component() == null) {
                throw Answers.rejected(task.id(), "the " + file.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + " file '" + file.path() + "' names no component");
            }
            for (String test : file.tests()) {
                if (!tests.add(test)) {
                    throw Answers.rejected(task.id(), "the plan lists the test '" + test + "' twice");
                }
            }
        }
        return withUsage(task, Map.of(PLAN, Answers.toJson(plan)), new ArrayList<>(paths), List.of(), List.of(),
                unknownIds(context, plan.files().stream().flatMap(f -> f.requirements().stream()).toList()),
                List.of());
    }

    /** generate/code and generate/tests: one child per component, grouped to fit the child cap. */
    private TaskResult fanOut(AgentTask task, AgentContext context, Schemas.Kind kind, AgentRole role)
            throws InterruptedException {
        Schemas.Plan plan = plan(task, context);
        List<String> components = new ArrayList<>();
        for (Schemas.PlannedFile file : plan.files()) {
            if (file.kind() == kind && !components.contains(file.component())) {
                components.add(file.component());
            }
        }
        List<RequirementClaim> claims = kind == Schemas.Kind.MAIN ? Claims.unplanned(context, plan) : List.of();
        int max = context.maxChildren();
        if (components.isEmpty()) {
            return withUsage(task, Map.of(), List.of(), List.of(), List.of(), List.of(), claims);
        }
        if (max == 0) {
            // no child may be spawned: write every component here, one call each
            List<GeneratedFile> files = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            List<RequirementClaim> all = new ArrayList<>(claims);
            String role1 = kind == Schemas.Kind.MAIN ? "developer" : "tester";
            String section = kind == Schemas.Kind.MAIN ? "code" : "tests";
            for (String component : components) {
                TaskResult part = write(task, context, role1, section, kind, List.of(component));
                files.addAll(part.files());
                all.addAll(part.claims());
                notes.addAll(part.notes());
            }
            notes.add("no child agent could be spawned (agent budget), so " + task.id() + " wrote all "
                    + components.size() + " components itself");
            return new TaskResult(files, usageFacts(task), List.of(), List.of(), notes, all);
        }
        int groups = Math.min(max, components.size());
        List<ChildTask> children = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            List<String> members = new ArrayList<>();
            for (int i = g; i < components.size(); i += groups) {
                members.add(components.get(i));
            }
            String key = members.size() == 1 ? members.get(0) : "group-" + (g + 1);
            children.add(new ChildTask(key, role, (kind == Schemas.Kind.MAIN ? "Write the code of " : "Write the tests "
                    + "of ") + "component(s) " + String.join(", ", members), Map.of(PARAM_COMPONENTS,
                    String.join(",", members))));
        }
        if (groups < components.size()) {
            notes.add(task.id() + " grouped " + components.size() + " components into " + groups
                    + " children to stay within its child cap");
        }
        return new TaskResult(List.of(), usageFacts(task), List.of(), children, notes, claims);
    }

    /** Writes the planned files of one kind (and, for children, of some components) with one model call. */
    private TaskResult write(AgentTask task, AgentContext context, String role, String section, Schemas.Kind kind,
            List<String> components) throws InterruptedException {
        Schemas.Plan plan = plan(task, context);
        List<Schemas.PlannedFile> wanted = plan.files().stream()
                .filter(f -> f.kind() == kind && (components == null || components.contains(f.component())))
                .toList();
        if (wanted.isEmpty()) {
            return withUsage(task, Map.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("spec", SpecData.spec(context.spec()));
        data.put("requirements", SpecData.requirements(context.spec()));
        data.put("analysis", fact(task, context, ANALYSIS));
        data.put("components", fact(task, context, DESIGN));
        data.put("featureDesigns", featureDesigns(context));
        data.put("plan", plan.files());
        data.put("files", wanted);
        Schemas.Files answer = ask(task, context, role, section, data, Schemas.Files.class);

        Map<String, Schemas.PlannedFile> byPath = new LinkedHashMap<>();
        wanted.forEach(f -> byPath.put(f.path(), f));
        Map<String, GeneratedFile> written = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Schemas.FileContent file : answer.files()) {
            ProjectPaths.check(task.id(), file.path());
            if (!byPath.containsKey(file.path())) {
                notes.add(task.id() + ": dropped '" + file.path() + "', which the plan does not give this task");
                continue;
            }
            if (file.content().isBlank()) {
                throw Answers.rejected(task.id(), "the file '" + file.path() + "' is empty");
            }
            if (written.put(file.path(), new GeneratedFile(file.path(), file.content())) != null) {
                throw Answers.rejected(task.id(), "the answer has the file '" + file.path() + "' twice");
            }
        }
        List<String> missing = byPath.keySet().stream().filter(p -> !written.containsKey(p)).toList();
        if (!missing.isEmpty()) {
            throw Answers.rejected(task.id(), "the answer lacks the planned file(s) " + String.join(", ", missing));
        }
        List<RequirementClaim> claims = Claims.of(context, plan, wanted, kind, answer.claims(), notes);
        return withUsage(task, Map.of(), List.of(), new ArrayList<>(written.values()), notes, List.of(), claims);
    }

    /**
     * A repair round: the failed files and the diagnostics go to the model as DATA; its answer must replace at least
     * one of those files (complete contents) and nothing else. Claims stay as the writing tasks made them; the core
     * verifies their evidence again after the round.
     */
    private TaskResult repair(AgentTask task, AgentContext context) throws InterruptedException {
        RepairRequest request = context.repair().orElseThrow(() -> AgentException.permanentFailure("task '"
                + task.id() + "' is a repair task but its context carries no repair request"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("spec", SpecData.spec(context.spec()));
        context.fact(PLAN).ifPresent(json -> data.put("plan", plan(task, context).files()));
        data.put("round", request.round());
        data.put("maxRounds", request.maxRounds());
        List<Map<String, Object>> diagnostics = new ArrayList<>();
        for (RepairDiagnostic diagnostic : request.diagnostics()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", diagnostic.kind().name());
            entry.put("file", diagnostic.file());
            entry.put("line", diagnostic.line());
            entry.put("test", diagnostic.test());
            entry.put("message", diagnostic.message());
            diagnostics.add(entry);
        }
        data.put("diagnostics", diagnostics);
        if (request.omittedDiagnostics() > 0) {
            data.put("omittedDiagnostics", request.omittedDiagnostics());
        }
        List<Map<String, String>> files = new ArrayList<>();
        Set<String> allowed = new LinkedHashSet<>();
        for (GeneratedFile file : request.files()) {
            files.add(Map.of("path", file.path(), "content", file.content()));
            allowed.add(file.path());
        }
        data.put("files", files);
        Schemas.Files answer = ask(task, context, "repairer", "repair", data, Schemas.Files.class);
        Map<String, GeneratedFile> written = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Schemas.FileContent file : answer.files()) {
            ProjectPaths.check(task.id(), file.path());
            if (!allowed.contains(file.path())) {
                notes.add(task.id() + ": dropped '" + file.path() + "', which is not one of the files to repair");
                continue;
            }
            if (file.content().isBlank()) {
                throw Answers.rejected(task.id(), "the file '" + file.path() + "' is empty");
            }
            if (written.put(file.path(), new GeneratedFile(file.path(), file.content())) != null) {
                throw Answers.rejected(task.id(), "the answer has the file '" + file.path() + "' twice");
            }
        }
        if (written.isEmpty()) {
            throw Answers.rejected(task.id(), "the answer replaces none of the files to repair ("
                    + String.join(", ", allowed) + ")");
        }
        return withUsage(task, Map.of(), List.of(), new ArrayList<>(written.values()), notes, List.of(), List.of());
    }

    private static List<String> unknownIds(AgentContext context, List<String> mentioned) {
        Set<String> known = Claims.ids(context);
        List<String> notes = new ArrayList<>();
        for (String id : new LinkedHashSet<>(mentioned)) {
            if (!known.contains(id)) {
                notes.add("the model named an unknown requirement id '" + Secrets.snippet(id, 40) + "'; ignored");
            }
        }
        return notes;
    }

    private static List<String> components(AgentTask task) {
        String value = task.parameter(PARAM_COMPONENTS);
        if (value == null || value.isBlank()) {
            throw AgentException.permanentFailure("task '" + task.id() + "' has no parameter '" + PARAM_COMPONENTS
                    + "'");
        }
        return List.of(value.split(","));
    }

    private <T> T ask(AgentTask task, AgentContext context, String role, String section, Map<String, Object> data,
            Class<T> type)
            throws InterruptedException {
        gate.meter().carryOver(context.facts(), USAGE_PREFIX);
        String answer = gate.call(task.id(), task.phase(), task.role(), prompts.system(role, section),
                Prompts.data(data), true);
        return Answers.parse(task.id(), answer, type);
    }

    private static Schemas.Plan plan(AgentTask task, AgentContext context) {
        String json = context.fact(PLAN).orElseThrow(() -> missingFact(task, PLAN));
        try {
            return Answers.mapper().readValue(json, Schemas.Plan.class);
        } catch (JsonProcessingException e) {
            throw AgentException.permanentFailure("task '" + task.id() + "': fact " + PLAN + " is not a file plan: "
                    + Secrets.snippet(e.getOriginalMessage(), 120));
        }
    }

    private static JsonNode fact(AgentTask task, AgentContext context, String key) {
        String json = context.fact(key).orElseThrow(() -> missingFact(task, key));
        try {
            return Answers.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw AgentException.permanentFailure("task '" + task.id() + "': fact " + key + " is not JSON: "
                    + Secrets.snippet(e.getOriginalMessage(), 120));
        }
    }

    private static Map<String, JsonNode> featureDesigns(AgentContext context) {
        Map<String, JsonNode> designs = new TreeMap<>();
        for (Map.Entry<String, String> fact : context.facts().entrySet()) {
            if (fact.getKey().startsWith(FEATURE_PREFIX)) {
                try {
                    designs.put(fact.getKey().substring(FEATURE_PREFIX.length()),
                            Answers.mapper().readTree(fact.getValue()));
                } catch (JsonProcessingException e) {
                    // a fact this backend did not write: leave it out
                }
            }
        }
        return designs;
    }

    private static AgentException missingFact(AgentTask task, String key) {
        return AgentException.permanentFailure("task '" + task.id() + "' needs fact '" + key + "', which an earlier "
                + "phase of the llm backend publishes; it is missing, so that phase did not run on this backend");
    }

    private Map<String, String> usageFacts(AgentTask task) {
        return Map.of(USAGE_PREFIX + task.id(), gate.meter().task(task.id()).toJson());
    }

    private TaskResult withUsage(AgentTask task, Map<String, String> facts, List<String> plannedFiles,
            List<GeneratedFile> files, List<String> notes, List<String> moreNotes, List<RequirementClaim> claims) {
        Map<String, String> all = new TreeMap<>(facts);
        all.putAll(usageFacts(task));
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.addAll(moreNotes);
        Usage usage = gate.meter().task(task.id());
        if (usage.calls() > 0) {
            allNotes.add("llm usage of " + task.id() + ": " + usage.describe() + " (build so far: "
                    + gate.meter().total().describe() + ")");
        }
        return new TaskResult(files, all, plannedFiles, List.of(), allNotes, claims);
    }
}
