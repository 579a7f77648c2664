package dev.thefactory.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thefactory.llm.FakeOpenAi.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Scripted model answers for a small Java todo library: the server tells the tasks apart by their instructions and
 * writes the files the request's {@code files} DATA block asks for. Each answer is what a good model would say.
 */
class ScriptedProject implements Function<FakeOpenAi.Request, Reply> {

    static final String SPEC = """
            # Todo Keeper

            Keeps a list of tasks.

            ## Type: library

            ## Complexity: simple

            ## FEATURES
            ### Core
            - Add a task with a title
            - Mark a task as done

            ## TECH STACK
            - Language: Java 17
            """;

    static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>com.example</groupId>
              <artifactId>todo-keeper</artifactId>
              <version>1.0.0</version>
              <properties><maven.compiler.release>17</maven.compiler.release></properties>
              <dependencies>
                <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId>
                  <version>5.14.1</version><scope>test</scope></dependency>
              </dependencies>
            </project>
            """;

    static final String TASK = """
            package com.example.todo;

            /** A task of the list. */
            public final class Task {
                private final String title;
                private boolean done;

                public Task(String title) {
                    if (title == null || title.isBlank()) {
                        throw new IllegalArgumentException("title must not be blank");
                    }
                    this.title = title;
                }

                public String title() {
                    return title;
                }

                public boolean done() {
                    return done;
                }

                void markDone() {
                    done = true;
                }
            }
            """;

    static final String LIST = """
            package com.example.todo;

            import java.util.ArrayList;
            import java.util.List;

            /** The list of tasks. */
            public final class TodoList {
                private final List<Task> tasks = new ArrayList<>();

                public Task add(String title) {
                    Task task = new Task(title);
                    tasks.add(task);
                    return task;
                }

                public void markDone(int index) {
                    tasks.get(index).markDone();
                }

                public List<Task> tasks() {
                    return List.copyOf(tasks);
                }
            }
            """;

    static final String TEST = """
            package com.example.todo;

            import static org.junit.jupiter.api.Assertions.assertEquals;
            import static org.junit.jupiter.api.Assertions.assertTrue;

            import org.junit.jupiter.api.Test;

            public class TodoListTest {
                @Test
                public void addsATask() {
                    TodoList list = new TodoList();
                    list.add("milk");
                    assertEquals("milk", list.tasks().get(0).title());
                }

                @Test
                public void marksATaskDone() {
                    TodoList list = new TodoList();
                    list.add("milk");
                    list.markDone(0);
                    assertTrue(list.tasks().get(0).done());
                }
            }
            """;

    static final String README = "# Todo Keeper\n\nKeeps a list of tasks. Build with `mvn verify`.\n";

    static final Map<String, String> CONTENTS = new LinkedHashMap<>();

    static {
        CONTENTS.put("pom.xml", POM);
        CONTENTS.put("src/main/java/com/example/todo/Task.java", TASK);
        CONTENTS.put("src/main/java/com/example/todo/TodoList.java", LIST);
        CONTENTS.put("src/test/java/com/example/todo/TodoListTest.java", TEST);
        CONTENTS.put("README.md", README);
    }

    static final String ANALYSIS = """
            {"summary": "A small library that keeps a list of tasks.", "language": "Java 17",
             "basePackage": "com.example.todo",
             "entities": [{"name": "Task", "description": "a thing to do", "fields": ["title: text", "done: boolean"]}],
             "operations": ["add a task", "mark a task done"]}""";

    static final String DESIGN = """
            {"components": [{"key": "model", "purpose": "the task", "requirements": ["core-1"]},
                            {"key": "service", "purpose": "the list", "requirements": ["core-1", "core-2"]}],
             "notes": []}""";

    String plan() {
        return """
            {"files": [
              {"path": "pom.xml", "kind": "build", "purpose": "Maven build", "requirements": ["tech-stack-1"]},
              {"path": "src/main/java/com/example/todo/Task.java", "kind": "main", "component": "model",
               "purpose": "the task", "requirements": ["core-1"],
               "api": "public final class Task { public Task(String title); public String title(); public boolean done(); }"},
              {"path": "src/main/java/com/example/todo/TodoList.java", "kind": "main", "component": "service",
               "purpose": "the list", "requirements": ["core-1", "core-2", "tech-stack-1"],
               "api": "public final class TodoList { public Task add(String title); public void markDone(int index); public java.util.List<Task> tasks(); }"},
              {"path": "src/test/java/com/example/todo/TodoListTest.java", "kind": "test", "component": "service",
               "purpose": "tests", "requirements": ["core-1", "core-2"],
               "tests": ["com.example.todo.TodoListTest#addsATask", "com.example.todo.TodoListTest#marksATaskDone"]},
              {"path": "README.md", "kind": "docs", "purpose": "readme", "requirements": []}
            ]}""";
    }

    @Override
    public Reply apply(FakeOpenAi.Request request) {
        String system = request.system();
        String user = request.user();
        if (system.contains("Task: analyze the specification")) {
            return Reply.content(ANALYSIS);
        }
        if (system.contains("Task: design the project's components")) {
            return Reply.content(DESIGN);
        }
        if (system.contains("Task: design how each feature")) {
            ObjectNode answer = FakeOpenAi.MAPPER.createObjectNode();
            ArrayNode features = answer.putArray("features");
            for (JsonNode feature : block(user, "features")) {
                features.addObject().put("requirementId", feature.path("id").asText())
                        .put("approach", "a method of TodoList");
            }
            return Reply.content(answer.toString());
        }
        if (system.contains("Task: plan every file")) {
            return Reply.content(plan());
        }
        if (system.contains("Task: write")) {
            ObjectNode answer = FakeOpenAi.MAPPER.createObjectNode();
            ArrayNode files = answer.putArray("files");
            for (JsonNode file : block(user, "files")) {
                String path = file.path("path").asText();
                files.addObject().put("path", path).put("content", content(path));
            }
            answer.putArray("claims");
            return Reply.content(answer.toString());
        }
        return Reply.error(400, "{\"error\":\"unscripted request\"}");
    }

    /** @param path a planned path @return its content */
    String content(String path) {
        return CONTENTS.getOrDefault(path, "unplanned " + path + "\n");
    }

    static JsonNode block(String user, String name) {
        String start = "<<<DATA name=\"" + name + "\">\n";
        int from = user.indexOf(start);
        if (from < 0) {
            return FakeOpenAi.MAPPER.createArrayNode();
        }
        int to = user.indexOf("\n<<<END DATA>>>", from);
        try {
            return FakeOpenAi.MAPPER.readTree(user.substring(from + start.length(), to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> paths() {
        return List.copyOf(CONTENTS.keySet());
    }
}
