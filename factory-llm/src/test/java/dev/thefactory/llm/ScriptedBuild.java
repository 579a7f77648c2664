package dev.thefactory.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thefactory.llm.FakeOpenAi.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Scripted model answers for a whole project kept as test resources under
 * {@code dev/thefactory/llm/scripted/<name>/}: {@code analysis.json}, {@code design.json}, {@code plan.json} (the
 * answers of {@code analyze}, {@code design/architecture} and {@code structure}) and {@code files/<path>} for every
 * planned file: real, compiling Java code and JUnit 5 tests. The server tells the tasks apart by their instructions,
 * answers every feature design it is asked for, and writes exactly the files a writing request's {@code files} DATA
 * block asks for, claiming each requirement those files serve as implemented. Each answer is what a good model would
 * say. Thread-safe (immutable).
 */
public final class ScriptedBuild implements Function<FakeOpenAi.Request, Reply> {

    private static final String ROOT = "/dev/thefactory/llm/scripted/";

    private final String name;
    private final String analysis;
    private final String design;
    private final String plan;
    private final Map<String, String> files;
    private final List<String> tests;

    private ScriptedBuild(String name) {
        this(name, resource(ROOT + name + "/plan.json"));
    }

    private ScriptedBuild(String name, String plan) {
        this.name = name;
        this.analysis = resource(ROOT + name + "/analysis.json");
        this.design = resource(ROOT + name + "/design.json");
        this.plan = plan;
        Map<String, String> contents = new LinkedHashMap<>();
        Set<String> planned = new LinkedHashSet<>();
        for (JsonNode file : json(plan).path("files")) {
            String path = file.path("path").asText();
            contents.put(path, resource(ROOT + name + "/files/" + path));
            file.path("tests").forEach(t -> planned.add(t.asText()));
        }
        this.files = Collections.unmodifiableMap(contents);
        this.tests = List.copyOf(planned);
    }

    /** @return the answers that build {@code examples/specs/example_todo_app.md}: a JDK-only web application */
    public static ScriptedBuild todoApp() {
        return new ScriptedBuild("todo-app");
    }

    /** @return the answers that build {@link #markdownSpec()}: a Markdown-to-HTML command-line tool */
    public static ScriptedBuild markdownToHtml() {
        return new ScriptedBuild("markdown-to-html");
    }

    /** @return the Markdown-to-HTML spec, which the built-in simple backend cannot implement */
    public static String markdownSpec() {
        return resource("/dev/thefactory/llm/specs/markdown_to_html.md");
    }

    /**
     * @param from a text of the file plan
     * @param to   what to put in its place
     * @return these answers with that change to the plan (and so to the claims' evidence)
     * @throws IllegalArgumentException when the plan does not hold {@code from}
     */
    public ScriptedBuild withPlanChanged(String from, String to) {
        if (!plan.contains(from)) {
            throw new IllegalArgumentException("the plan of " + name + " does not hold '" + from + "'");
        }
        return new ScriptedBuild(name, plan.replace(from, to));
    }

    /** @return the project's name (its resource directory) */
    public String name() {
        return name;
    }

    /** @return the answer of {@code analyze} */
    public String analysis() {
        return analysis;
    }

    /** @return every planned file's content by path, in plan order */
    public Map<String, String> files() {
        return files;
    }

    /** @return every planned test, {@code fully.qualified.Class#method} */
    public List<String> tests() {
        return tests;
    }

    @Override
    public Reply apply(FakeOpenAi.Request request) {
        String system = request.system();
        String user = request.user();
        if (system.contains("Task: analyze the specification")) {
            return Reply.content(analysis);
        }
        if (system.contains("Task: design the project's components")) {
            return Reply.content(design);
        }
        if (system.contains("Task: design how each feature")) {
            ObjectNode answer = FakeOpenAi.MAPPER.createObjectNode();
            ArrayNode features = answer.putArray("features");
            for (JsonNode feature : ScriptedProject.block(user, "features")) {
                features.addObject().put("requirementId", feature.path("id").asText())
                        .put("approach", "as the components of the design say, tested by a unit test");
            }
            return Reply.content(answer.toString());
        }
        if (system.contains("Task: plan every file")) {
            return Reply.content(plan);
        }
        if (system.contains("Task: write")) {
            ObjectNode answer = FakeOpenAi.MAPPER.createObjectNode();
            ArrayNode written = answer.putArray("files");
            Set<String> served = new LinkedHashSet<>();
            for (JsonNode file : ScriptedProject.block(user, "files")) {
                String path = file.path("path").asText();
                written.addObject().put("path", path).put("content", files.getOrDefault(path,
                        "unplanned " + path + "\n"));
                file.path("requirements").forEach(r -> served.add(r.asText()));
            }
            ArrayNode claims = answer.putArray("claims");
            served.forEach(id -> claims.addObject().put("requirementId", id).put("status", "IMPLEMENTED"));
            return Reply.content(answer.toString());
        }
        return Reply.error(400, "{\"error\":\"unscripted request\"}");
    }

    /** @return the writing requests' files, for messages */
    @Override
    public String toString() {
        return "ScriptedBuild[" + name + ", " + new ArrayList<>(files.keySet()) + "]";
    }

    private static JsonNode json(String text) {
        try {
            return FakeOpenAi.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = ScriptedBuild.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
