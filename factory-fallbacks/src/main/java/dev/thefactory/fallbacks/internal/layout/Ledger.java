package dev.thefactory.fallbacks.internal.layout;

import dev.thefactory.api.ProjectType;
import dev.thefactory.api.Requirement;
import dev.thefactory.api.RequirementSection;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.fallbacks.internal.design.EntryPoint;
import dev.thefactory.fallbacks.internal.design.Language;
import dev.thefactory.fallbacks.internal.domain.AggregateKind;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.Field;
import dev.thefactory.fallbacks.internal.text.Naming;
import dev.thefactory.spi.RequirementClaim;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the simple backend claims about every requirement of a spec: each feature as its layout built and tested it,
 * the language entry as generated (or not), and the other entries of the tech stack, quality requirements,
 * architecture hints, technical preferences and output expectations only where a generated test that passes shows
 * it — the Java build file, README and validation rules by tests written for them ({@link #javaProofs}), the page,
 * the store and the services by the tests that exercise them; the rest is claimed not implemented with the reason.
 * Never implemented on files alone. Stateless and thread-safe.
 */
public final class Ledger {

    /** The reason given for a requirement the simple backend does not act on. */
    public static final String NOT_ACTED_ON = "the simple backend does not act on this";

    /** The simple name of the generated Java class that holds the requirement tests. */
    public static final String JAVA_TEST_CLASS = "RequirementsTest";

    /** The name of the generated Java test that the web page is HTML with a form holding every required field. */
    public static final String FORM_TEST = "thePageFormHasEveryRequiredField";

    /** The oldest Java release the simple backend's code needs, and what its build file declares by default. */
    public static final int JAVA_RELEASE = 17;

    /**
     * The feature version of the JDK that runs The Factory: the core runs the generated Java tests with this JDK, so
     * a generated build file declares a later release than {@link #JAVA_RELEASE} only up to this one.
     */
    public static final int RUNNING_JAVA = Runtime.version().feature();

    /** The oldest Python the generated Python code runs on: what its {@code pyproject.toml} declares by default. */
    public static final String PYTHON_MIN = "3.9";

    /** The oldest Go the generated Go code builds with ({@code any}): what its {@code go.mod} declares by default. */
    public static final String GO_MIN = "1.18";

    /** The oldest Node.js the generated JavaScript runs on ({@code node:test}): its {@code engines.node} default. */
    public static final String NODE_MIN = "18";

    private static final Pattern VERSION = Pattern.compile("\\b(?:java|jdk)\\s*`?(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern REQUESTED_VERSION = Pattern.compile("(?<![a-z0-9])(?:python3?|py|cpython|golang|go"
            + "|node\\.js|nodejs|node)[\\s-]*v?(\\d{1,4}(?:\\.\\d{1,4}){0,2})(?![\\d.]*\\d)", Pattern.CASE_INSENSITIVE);

    private Ledger() {
    }

    /**
     * @param in     the project
     * @param layout its layout
     * @return one claim per requirement of the spec, in the ledger's order
     */
    public static List<RequirementClaim> claims(ProjectInput in, ProjectLayout layout) {
        List<String> paths = layout.files().stream().map(PlannedFile::path).toList();
        List<RequirementClaim> featureClaims = new ArrayList<>();
        List<RequirementClaim> claims = new ArrayList<>();
        Optional<Language.Request> language = Language.requested(in.spec());
        for (Requirement r : Requirement.of(in.spec())) {
            RequirementClaim claim;
            if (r.isFeature()) {
                claim = in.domain().features().stream().filter(f -> f.requirementId().equals(r.id())).findFirst()
                        .map(layout::claim).orElse(RequirementClaim.notImplemented(r.id(),
                                "the simple backend did not understand this feature"));
                featureClaims.add(claim);
            } else if (language.isPresent() && language.get().requirement().id().equals(r.id())) {
                claim = language(in, layout, language.get(), paths);
            } else {
                claim = other(in, layout, r, paths, featureClaims);
            }
            claims.add(claim);
        }
        return List.copyOf(claims);
    }

    private static RequirementClaim language(ProjectInput in, ProjectLayout layout, Language.Request request,
            List<String> paths) {
        String id = request.requirement().id();
        Language generated = in.architecture().language();
        if (request.generated().isEmpty()) {
            return RequirementClaim.notImplemented(id, "the simple backend cannot write " + request.named()
                    + "; it generated " + generated.label() + " instead. Configure a backend that writes "
                    + request.named() + ", or ask for Java, Python, JavaScript (Node.js) or Go");
        }
        String problem = generated == Language.JAVA ? javaVersionProblem(request) : versionProblem(generated, request);
        if (problem != null) {
            return RequirementClaim.notImplemented(id, problem);
        }
        List<String> tests = new ArrayList<>();
        if (generated == Language.JAVA) {
            tests.add(in.architecture().basePackage() + "." + JAVA_TEST_CLASS + "#" + method(request.requirement()));
        }
        tests.addAll(layout.languageTests());
        if (layout.languageTests().isEmpty()) {
            return RequirementClaim.notImplemented(id, "no generated test runs with the " + generated.label()
                    + " test runner");
        }
        List<String> files = buildFiles(generated, paths);
        ProjectType type = in.spec().type();
        if (generated != Language.JAVA && (type == ProjectType.API_SERVICE || type == ProjectType.WEB_APP)) {
            return RequirementClaim.partial(id, files, tests, List.of("an HTTP server (the spec's type is "
                    + type.id() + ")"), "the project is written in " + generated.label() + ", but as a command-line "
                    + "program: the " + generated.label() + " skeleton starts no HTTP server, so the spec's type "
                    + type.id() + " is not honoured. Ask for Java to get an HTTP server");
        }
        return RequirementClaim.implemented(id, files, tests);
    }

    /** @return why the generated Java project does not declare the requested version, or null when it does */
    private static String javaVersionProblem(Language.Request request) {
        return javaVersionProblem(request, RUNNING_JAVA);
    }

    /**
     * @param request the language entry of the tech stack
     * @param running the feature version of the JDK that runs the generated tests
     * @return why the generated build file cannot declare the requested Java version, cause first, or null when it
     *         declares it (or none is named)
     */
    static String javaVersionProblem(Language.Request request, int running) {
        Matcher version = VERSION.matcher(request.requirement().text());
        if (!version.find()) {
            return null;
        }
        int wanted = Integer.parseInt(version.group(1));
        if (wanted < JAVA_RELEASE) {
            return "the simple backend generates Java " + JAVA_RELEASE + " code (records, switch expressions), which "
                    + "needs Java " + JAVA_RELEASE + " or later, not Java " + wanted;
        }
        if (wanted > running) {
            return "The Factory runs on Java " + running + ", which cannot run tests of a Java " + wanted
                    + " project, so the generated pom.xml declares Java " + JAVA_RELEASE + ". Run The Factory on JDK "
                    + wanted + " or later to get a Java " + wanted + " project";
        }
        return null;
    }

    /**
     * @param in the project
     * @return the Java release the generated build file declares: the one the language entry of the tech stack names
     *         when the JDK running the generated tests has it, otherwise {@link #JAVA_RELEASE}
     */
    public static int javaRelease(ProjectInput in) {
        return Language.requested(in.spec()).filter(r -> r.generated().equals(Optional.of(Language.JAVA)))
                .map(r -> javaRelease(r, RUNNING_JAVA)).orElse(JAVA_RELEASE);
    }

    /**
     * @param request the language entry of the tech stack
     * @param running the feature version of the JDK that runs the generated tests
     * @return the Java release the generated build file declares for it
     */
    static int javaRelease(Language.Request request, int running) {
        Matcher version = VERSION.matcher(request.requirement().text());
        if (!version.find() || javaVersionProblem(request, running) != null) {
            return JAVA_RELEASE;
        }
        return Math.max(JAVA_RELEASE, Integer.parseInt(version.group(1)));
    }

    /**
     * @param request the language entry of the tech stack
     * @return the version it names after a Python, Go or Node.js word ({@code Python 3.12} gives {@code 3.12},
     *         {@code JavaScript (Node.js 18)} gives {@code 18}), or empty when it names none
     */
    static Optional<String> requestedVersion(Language.Request request) {
        Matcher m = REQUESTED_VERSION.matcher(request.requirement().text());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * @param language a skeleton language
     * @param request  the language entry of the tech stack
     * @return why the skeleton cannot declare the requested version, or null when it can (or none is named)
     */
    private static String versionProblem(Language language, Language.Request request) {
        Optional<String> requested = requestedVersion(request);
        if (requested.isEmpty()) {
            return null;
        }
        int[] want = numbers(requested.get());
        if (language == Language.PYTHON && want[0] == 3 && !requested.get().contains(".")) {
            return null;
        }
        return switch (language) {
            case PYTHON -> want[0] != 3 || want[1] < numbers(PYTHON_MIN)[1] ? "the simple backend generates Python 3 "
                    + "code that needs Python " + PYTHON_MIN + " or later; it cannot target Python " + requested.get()
                    : null;
            case GO -> want[0] != 1 || want[1] < numbers(GO_MIN)[1] ? "the simple backend generates Go code that "
                    + "needs Go " + GO_MIN + " or later (it uses any); it cannot target Go " + requested.get() : null;
            case JAVASCRIPT -> want[0] < numbers(NODE_MIN)[0] ? "the simple backend generates JavaScript whose tests "
                    + "use node:test, which needs Node.js " + NODE_MIN + " or later; it cannot target Node.js "
                    + requested.get() : null;
            case JAVA -> javaVersionProblem(request);
        };
    }

    /**
     * @param in the project
     * @return the version a skeleton's build file declares: the one the language entry of the tech stack names when
     *         the skeleton can target it, otherwise the oldest its code needs ({@link #PYTHON_MIN}, {@link #GO_MIN},
     *         {@link #NODE_MIN}); for Java, {@link #javaRelease(ProjectInput)}
     */
    public static String declaredVersion(ProjectInput in) {
        Language language = in.architecture().language();
        String fallback = switch (language) {
            case PYTHON -> PYTHON_MIN;
            case GO -> GO_MIN;
            case JAVASCRIPT -> NODE_MIN;
            case JAVA -> Integer.toString(javaRelease(in));
        };
        if (language == Language.JAVA) {
            return fallback;
        }
        Optional<Language.Request> request = Language.requested(in.spec())
                .filter(r -> r.generated().equals(Optional.of(language)));
        if (request.isEmpty() || versionProblem(language, request.get()) != null) {
            return fallback;
        }
        String version = requestedVersion(request.get()).filter(v -> language == Language.JAVASCRIPT || v.contains("."))
                .orElse(fallback);
        int[] n = numbers(version);
        // go.mod accepts a patch version (1.21.3) only from Go 1.21 on
        return language == Language.GO && n[1] < 21 ? n[0] + "." + n[1] : version;
    }

    /** @return the first two numbers of a version, the second 0 when missing */
    private static int[] numbers(String version) {
        String[] parts = version.split("\\.");
        return new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0};
    }

    private static List<String> buildFiles(Language language, List<String> paths) {
        List<String> wanted = switch (language) {
            case JAVA -> List.of("pom.xml");
            case PYTHON -> List.of("pyproject.toml");
            case JAVASCRIPT -> List.of("package.json");
            case GO -> List.of("go.mod");
        };
        return wanted.stream().filter(paths::contains).toList();
    }

    private static boolean has(String text, String... words) {
        for (String word : words) {
            if (Pattern.compile("(?<![a-z0-9])" + Pattern.quote(word) + "(?![a-z0-9])").matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> matching(List<String> paths, String suffix) {
        return paths.stream().filter(p -> p.endsWith(suffix)).toList();
    }

    /** What a requirement other than a feature asks for, as far as the simple backend can tell. */
    private enum Kind {
        LANGUAGE, MAVEN, JUNIT, RUNNER, NO_FRAMEWORK, STACK, README, SECRETS, FEATURE_TESTS, SERVICE_TESTS, STORE, PAGE,
        VALIDATION, ERRORS, JAR, NO_DEPENDENCIES, PYPROJECT, MEMORY, SKIPPED_ROWS, NONE
    }

    /** What a generated Java test checks to prove a requirement other than a feature. */
    public enum Proof {
        /** the code is Java run on a Java runtime of the version the build file asks for */
        LANGUAGE,
        /** the build file is a Maven 4.0.0 POM that packages a jar with JUnit Jupiter tests */
        MAVEN,
        /** the README says how to build and run the project and lists each implemented feature */
        README,
        /** the public surface refuses what the rule forbids and accepts what it allows */
        VALIDATION,
        /** the command line, run in a JVM of its own with bad input, prints an error and exits with a non-zero code */
        ERRORS,
        /** the build file packages a jar whose manifest names the main class, and it has no runtime dependency */
        JAR,
        /** the build file declares no dependency other than test-scoped ones */
        NO_DEPENDENCIES,
        /** a pipeline run skips a malformed row, reports it with its line number, counts it and keeps the others */
        SKIPPED_ROWS
    }

    /**
     * A requirement other than a feature that a generated Java test proves: the test is
     * {@value #JAVA_TEST_CLASS}{@code #}{@link #method()}.
     *
     * @param requirement the requirement
     * @param proof       what the test checks
     * @param rule        for {@link Proof#VALIDATION}: the rule's enforced parts; null otherwise
     */
    public record Proven(Requirement requirement, Proof proof, ValidationRule rule) {

        /** @return the name of the test method, such as {@code techStack2_buildMaven} */
        public String method() {
            return Ledger.method(requirement);
        }
    }

    /**
     * @param r a requirement
     * @return the name of its generated test method: the section and number of its id, then the first words of its
     *         text in camel case ({@code core1_addTasksWithATitle}, {@code techStack2_buildMaven})
     */
    public static String method(Requirement r) {
        String id = r.id();
        String number = id.substring(id.lastIndexOf('-') + 1);
        List<String> words = Naming.words(r.text());
        String tail = Naming.camel(words.subList(0, Math.min(words.size(), 5)));
        String name = Naming.camel(Naming.words(r.section().idPrefix())) + number + (tail.isEmpty() ? "" : "_" + tail);
        return name.length() > 60 ? name.substring(0, 60) : name;
    }

    /**
     * @param in the project
     * @return the requirements other than features that the generated Java tests prove, in the ledger's order; empty
     *         when the project is not Java
     */
    public static List<Proven> javaProofs(ProjectInput in) {
        if (in.architecture().language() != Language.JAVA) {
            return List.of();
        }
        Optional<Language.Request> language = Language.requested(in.spec());
        List<Proven> proven = new ArrayList<>();
        for (Requirement r : Requirement.of(in.spec())) {
            if (r.isFeature()) {
                continue;
            }
            switch (kind(in, r, language)) {
                case LANGUAGE -> {
                    if (javaVersionProblem(language.get()) == null && language.get().generated().isPresent()) {
                        proven.add(new Proven(r, Proof.LANGUAGE, null));
                    }
                }
                case MAVEN -> proven.add(new Proven(r, Proof.MAVEN, null));
                case README -> proven.add(new Proven(r, Proof.README, null));
                case ERRORS -> {
                    if (in.architecture().entryPoint() == EntryPoint.CLI) {
                        proven.add(new Proven(r, Proof.ERRORS, null));
                    }
                }
                case JAR -> {
                    if (in.architecture().entryPoint() != EntryPoint.LIBRARY) {
                        proven.add(new Proven(r, Proof.JAR, null));
                    }
                }
                case NO_DEPENDENCIES -> proven.add(new Proven(r, Proof.NO_DEPENDENCIES, null));
                case SKIPPED_ROWS -> {
                    if (in.architecture().entryPoint() == EntryPoint.PIPELINE) {
                        proven.add(new Proven(r, Proof.SKIPPED_ROWS, null));
                    }
                }
                case VALIDATION -> {
                    ValidationRule rule = rule(in, r);
                    if (!rule.checks().isEmpty()) {
                        proven.add(new Proven(r, Proof.VALIDATION, rule));
                    }
                }
                default -> {
                    // proven by other tests (features, services, storage, the page's form) or not at all
                }
            }
        }
        return List.copyOf(proven);
    }

    /**
     * @param in the project
     * @return the requirements that ask for a README, which a generated test of the project's language reads
     */
    public static List<Requirement> readmeRequirements(ProjectInput in) {
        return Requirement.of(in.spec()).stream().filter(r -> !r.isFeature())
                .filter(r -> kind(in, r, Language.requested(in.spec())) == Kind.README).toList();
    }

    /**
     * @param in the project
     * @param r  a requirement that asks for a README
     * @return the name of the generated test that reads the README, in the project's language: a method of a
     *         Python {@code unittest} class, a {@code node:test} title, a Go test function, or a Java test method
     */
    public static String readmeTestName(ProjectInput in, Requirement r) {
        String method = method(r);
        return switch (in.architecture().language()) {
            case JAVA -> method;
            case PYTHON -> "test_" + Naming.snake(method);
            case JAVASCRIPT -> method;
            case GO -> "Test" + Naming.capitalize(method);
        };
    }

    private static String readmeTest(ProjectInput in, Requirement r) {
        String name = readmeTestName(in, r);
        return switch (in.architecture().language()) {
            case JAVA -> in.architecture().basePackage() + "." + JAVA_TEST_CLASS + "#" + name;
            case PYTHON -> "tests.test_readme.ReadmeTest#" + name;
            case JAVASCRIPT -> "test/readme.test.js#" + name;
            case GO -> "example.com/" + in.architecture().artifactId() + "#" + name;
        };
    }

    private static ValidationRule rule(ProjectInput in, Requirement r) {
        return ValidationRule.read(r.text(), in.domain(), in.architecture().entryPoint() == EntryPoint.PIPELINE);
    }

    private static Kind kind(ProjectInput in, Requirement r, Optional<Language.Request> language) {
        if (language.isPresent() && language.get().requirement().id().equals(r.id())) {
            return Kind.LANGUAGE;
        }
        String text = r.text().toLowerCase(Locale.ROOT);
        boolean java = in.architecture().language() == Language.JAVA;
        if (r.section() == RequirementSection.TECH_STACK) {
            if (has(text, "maven", "mvn")) {
                return Kind.MAVEN;
            }
            if (has(text, "junit", "junit 5", "junit5", "jupiter")) {
                return Kind.JUNIT;
            }
            if (has(text, "unittest", "node:test", "node --test", "go test", "testing")) {
                return Kind.RUNNER;
            }
            if (has(text, "in-memory", "in memory", "memory", "ram") && has(text, "storage", "store", "stored",
                    "persistence", "database", "db", "data", "repository")) {
                return Kind.MEMORY;
            }
            return asksNoFramework(r.text()) ? Kind.NO_FRAMEWORK : Kind.STACK;
        }
        if (has(text, "readme")) {
            return Kind.README;
        }
        if (isSecretRule(text)) {
            return Kind.SECRETS;
        }
        if (java && has(text, "mvn package", "maven project", "maven build", "builds with maven")) {
            return Kind.MAVEN;
        }
        if (has(text, "pyproject", "pyproject.toml", "pip install", "installs with pip", "installable with pip")) {
            return Kind.PYPROJECT;
        }
        if (asksSkippedRows(text)) {
            return Kind.SKIPPED_ROWS;
        }
        if (asksErrorExit(text)) {
            return Kind.ERRORS;
        }
        if (asksRunnableJar(text)) {
            return Kind.JAR;
        }
        if (asksNoDependencies(text)) {
            return Kind.NO_DEPENDENCIES;
        }
        if (has(text, "test", "tests", "tested") && has(text, "feature", "features", "requirement", "requirements")) {
            return Kind.FEATURE_TESTS;
        }
        if (java && has(text, "unit test", "unit tests", "tests") && has(text, "service", "services", "every class")) {
            return Kind.SERVICE_TESTS;
        }
        if (java && has(text, "interface") && has(text, "store", "storage", "repository", "persistence",
                "database")) {
            return Kind.STORE;
        }
        if (in.architecture().entryPoint() == EntryPoint.WEB && java && has(text, "html")
                && !has(text, "react", "vue", "angular", "svelte", "typescript")) {
            return Kind.PAGE;
        }
        if (java && ValidationRule.isRule(r.text())) {
            return Kind.VALIDATION;
        }
        return Kind.NONE;
    }

    private static RequirementClaim other(ProjectInput in, ProjectLayout layout, Requirement r, List<String> paths,
            List<RequirementClaim> features) {
        String id = r.id();
        String text = r.text().toLowerCase(Locale.ROOT);
        Language language = in.architecture().language();
        boolean java = language == Language.JAVA;
        String cls = in.architecture().basePackage() + "." + JAVA_TEST_CLASS + "#";
        List<String> tests = paths.stream().filter(p -> p.startsWith("src/test/java/") || p.startsWith("tests/")
                || p.startsWith("test/") || p.endsWith("_test.go")).toList();
        switch (kind(in, r, Optional.empty())) {
            case MAVEN -> {
                return java ? RequirementClaim.implemented(id, List.of("pom.xml"), List.of(cls + method(r)))
                        : RequirementClaim.notImplemented(id, "the project is written in " + language.label()
                                + "; only Java projects get a Maven build");
            }
            case JUNIT -> {
                if (java && !has(text, "junit 4", "junit4")) {
                    return RequirementClaim.implemented(id, tests, layout.languageTests());
                }
                return RequirementClaim.notImplemented(id, java ? "the generated tests use JUnit 5"
                        : "the project is written in " + language.label() + "; only Java projects get JUnit tests");
            }
            case RUNNER -> {
                if (has(text, "unittest") && language == Language.PYTHON
                        || has(text, "node:test", "node --test") && language == Language.JAVASCRIPT
                        || has(text, "go test", "testing") && language == Language.GO) {
                    return RequirementClaim.implemented(id, tests, layout.languageTests());
                }
                return stack(r, language);
            }
            case STACK -> {
                return stack(r, language);
            }
            case NO_FRAMEWORK -> {
                return noFramework(in, layout, r, paths, features);
            }
            case SECRETS -> {
                return secrets(in, r, paths, cls);
            }
            case README -> {
                return readme(in, r);
            }
            case MEMORY -> {
                if (!java) {
                    return layout.languageTests().isEmpty()
                            ? RequirementClaim.notImplemented(id, "no generated test runs with the " + language.label()
                                    + " test runner")
                            : RequirementClaim.implemented(id, buildFiles(language, paths), layout.languageTests());
                }
                if (in.architecture().storage() != dev.thefactory.fallbacks.internal.design.Storage.MEMORY) {
                    return RequirementClaim.notImplemented(id, "the project keeps its items in files by default, "
                            + "because the spec asks for them to outlive the process; `storage=memory` in "
                            + "application.properties keeps them in memory instead");
                }
                String repository = "src/main/java/" + in.architecture().packagePath() + "/repository/";
                List<String> storageTests = matching(tests, "/repository/StorageTest.java").stream()
                        .map(p -> p.substring("src/test/java/".length(), p.length() - ".java".length())
                                .replace('/', '.'))
                        .flatMap(c -> Stream.of(c + "#theSettingsChooseTheStore", c + "#aMemoryStoreStartsEmptyEachTime"))
                        .toList();
                return RequirementClaim.implemented(id, List.of(repository + "InMemoryRepository.java",
                        repository + "Storage.java"), storageTests);
            }
            case SKIPPED_ROWS -> {
                if (!java || in.architecture().entryPoint() != EntryPoint.PIPELINE) {
                    return RequirementClaim.notImplemented(id, java ? "the project is a "
                            + in.architecture().entryPoint().code() + " project, not a pipeline: its CSV import, if "
                            + "any, refuses a file with a malformed line instead of skipping it"
                            : "only the Java pipeline skips and counts malformed rows, with a test that shows it");
                }
                return RequirementClaim.implemented(id, List.of("src/main/java/" + in.architecture().packagePath()
                        + "/pipeline/Pipeline.java"), List.of(cls + method(r)));
            }
            case FEATURE_TESTS -> {
                List<String> missing = features.stream().filter(c -> c.status() != RequirementStatus.IMPLEMENTED)
                        .map(RequirementClaim::requirementId).toList();
                List<String> evidence = features.stream().flatMap(c -> c.tests().stream()).distinct().toList();
                if (missing.isEmpty() && !evidence.isEmpty()) {
                    return RequirementClaim.implemented(id, tests, evidence);
                }
                if (evidence.isEmpty()) {
                    return RequirementClaim.notImplemented(id, "no feature is implemented and tested");
                }
                return RequirementClaim.partial(id, tests, evidence, List.of("tests of " + String.join(", ", missing)),
                        "features " + String.join(", ", missing) + " are not fully implemented, so they have no "
                                + "passing test of their own");
            }
            case SERVICE_TESTS -> {
                return RequirementClaim.implemented(id, matching(tests, "ServiceTest.java"), serviceTests(in));
            }
            case STORE -> {
                List<String> files = new ArrayList<>(paths.stream().filter(p -> p.contains("/repository/")).toList());
                List<String> storageTests = matching(tests, "/repository/StorageTest.java").stream()
                        .map(p -> p.substring("src/test/java/".length(), p.length() - ".java".length())
                                .replace('/', '.'))
                        .flatMap(c -> Stream.of(c + "#aFileStoreKeepsItemsForTheNextStart",
                                c + "#aMemoryStoreStartsEmptyEachTime"))
                        .toList();
                return RequirementClaim.implemented(id, files, storageTests);
            }
            case PAGE -> {
                return RequirementClaim.implemented(id, List.of("src/main/resources/static/index.html"),
                        List.of(cls + FORM_TEST));
            }
            case VALIDATION -> {
                return validation(in, r, paths, cls);
            }
            case ERRORS -> {
                return errors(in, r, paths, cls);
            }
            case PYPROJECT -> {
                return language == Language.PYTHON
                        ? RequirementClaim.implemented(id, List.of("pyproject.toml"),
                                List.of("tests.test_packaging.PackagingTest#test_pyproject_installs_with_pip"))
                        : RequirementClaim.notImplemented(id, "the project is written in " + language.label()
                                + "; only Python projects get a pyproject.toml");
            }
            case JAR -> {
                if (!java) {
                    return RequirementClaim.notImplemented(id, "the project is written in " + language.label()
                            + ", which has no jar; only Java projects are packaged as a runnable jar");
                }
                if (in.architecture().entryPoint() == EntryPoint.LIBRARY) {
                    return RequirementClaim.notImplemented(id, "the project is a library: its jar has no main class to "
                            + "run");
                }
                return RequirementClaim.implemented(id, List.of("pom.xml", "src/main/java/"
                        + in.architecture().packagePath() + "/Main.java"), List.of(cls + method(r)));
            }
            case NO_DEPENDENCIES -> {
                return java ? RequirementClaim.implemented(id, List.of("pom.xml"), List.of(cls + method(r)))
                        : RequirementClaim.notImplemented(id, "the " + language.label() + " project uses its "
                                + "standard library only, but only the Java output has a generated test that checks "
                                + "its build file declares no dependency");
            }
            default -> {
                return RequirementClaim.notImplemented(id, NOT_ACTED_ON);
            }
        }
    }

    /** Words of a README requirement that ask for what every generated README has: how to build, test and run. */
    private static final Set<String> README_WORDS = Set.of("readme", "md", "file", "explains", "explain",
            "explaining", "describes", "describe", "describing", "documents", "document", "shows", "show", "showing",
            "tells", "how", "run", "running", "build", "building", "install", "installing", "installation", "use",
            "using", "usage", "test", "tests", "testing", "start", "starting", "set", "setup", "configure", "project",
            "application", "app", "tool", "service", "program", "library", "pipeline", "api", "server", "cli",
            "instructions", "documentation", "docs", "getting", "started", "quick", "quickstart", "clear", "short",
            "basic", "brief", "overview", "includes", "include", "contains", "section", "sections", "commands",
            "command", "steps", "step", "it", "them", "one", "simple");

    /** Function words of a README requirement. */
    private static final Set<String> README_FILLER = Set.of("a", "an", "the", "that", "which", "with", "and", "or",
            "of", "for", "on", "in", "to", "its", "their", "is", "are", "be", "should", "must", "has", "have", "by",
            "from", "as", "at", "what", "can", "will", "plus", "also", "including", "s", "this", "these", "where",
            "expected", "required", "accepted", "valid");

    /** Words of a README requirement about content the simple backend generates and tests only on request. */
    private static final Set<String> README_CONTENT = Set.of("csv", "input", "format", "formats", "column",
            "columns", "header", "headers", "curl", "example", "examples", "request", "requests", "endpoint",
            "endpoints", "every", "each", "all", "session", "sessions", "output", "sample", "transcript", "http",
            "call", "calls", "file", "files");

    /**
     * A README requirement is claimed for the content it names only when that content is generated and a generated
     * test checks it: how to build and run the project (every README), the CSV input format (the columns with their
     * types and an example the test feeds to the project), a {@code curl} request per endpoint (each of which the test
     * sends); an example session's output is not generated, and other content it names is a gap.
     */
    private static RequirementClaim readme(ProjectInput in, Requirement r) {
        String text = r.text().toLowerCase(Locale.ROOT);
        boolean java = in.architecture().language() == Language.JAVA;
        EntryPoint entry = in.architecture().entryPoint();
        List<String> gaps = new ArrayList<>();
        List<String> why = new ArrayList<>();
        if (has(text, "session", "sessions", "example output", "sample output", "transcript")) {
            gaps.add("the output of an example session");
            why.add("the README gives the commands that build and run the project and docs/usage.md an example "
                    + "session's input, but neither shows the output those commands print");
        }
        if (has(text, "input format", "csv format", "column", "columns", "header", "headers", "file format",
                "csv input", "input file", "input files") || has(text, "csv") && has(text, "input", "format")) {
            boolean reads = entry == EntryPoint.PIPELINE || in.domain().entities().stream()
                    .anyMatch(e -> e.has(AggregateKind.IMPORT));
            if (!java || !reads) {
                gaps.add("the CSV input format");
                why.add(!reads ? "the project reads no CSV input, so its README has no input format"
                        : "only the Java output's README explains the CSV input format");
            }
        }
        if (has(text, "curl", "example request", "example requests", "endpoint", "endpoints", "http request",
                "http requests", "example call", "example calls")) {
            if (!java || entry != EntryPoint.HTTP && entry != EntryPoint.WEB) {
                gaps.add("example curl requests");
                why.add(java ? "the project serves no HTTP endpoints" : "only the Java output serves HTTP "
                        + "endpoints and has example requests in its README");
            }
        }
        List<String> unknown = new ArrayList<>();
        Matcher word = Pattern.compile("[a-z0-9]+").matcher(text);
        while (word.find()) {
            String w = word.group();
            if (!README_WORDS.contains(w) && !README_CONTENT.contains(w) && !README_FILLER.contains(w)) {
                unknown.add(w);
            }
        }
        if (!unknown.isEmpty()) {
            gaps.add(String.join(" ", unknown));
            why.add("the generated README does not have '" + String.join(" ", unknown) + "'");
        }
        List<String> files = List.of("README.md");
        List<String> tests = List.of(readmeTest(in, r));
        if (gaps.isEmpty()) {
            return RequirementClaim.implemented(r.id(), files, tests);
        }
        return RequirementClaim.partial(r.id(), files, tests, gaps, String.join("; ", why));
    }

    /**
     * @param lower a requirement's text, lower case
     * @return whether it asks for an error message and a non-zero exit code on bad input
     */
    static boolean asksErrorExit(String lower) {
        return has(lower, "exit", "exits", "exit code", "exit status", "exit codes")
                && has(lower, "non-zero", "nonzero", "non zero", "error", "errors", "failure")
                && has(lower, "bad input", "invalid input", "invalid", "bad", "wrong", "malformed", "unknown");
    }

    /**
     * @param lower a requirement's text, lower case
     * @return whether it asks for malformed rows to be skipped (counted, reported) rather than stop the run
     */
    static boolean asksSkippedRows(String lower) {
        return has(lower, "malformed", "invalid", "bad", "broken", "corrupt", "corrupted", "unparsable", "unparseable")
                && has(lower, "row", "rows", "line", "lines", "record", "records")
                && has(lower, "skip", "skips", "skipped", "ignore", "ignores", "ignored", "counted", "count", "abort",
                        "aborts", "stop", "stops", "continue", "continues");
    }

    /**
     * @param lower a requirement's text, lower case
     * @return whether it asks for one jar that runs with {@code java -jar}
     */
    static boolean asksRunnableJar(String lower) {
        return has(lower, "jar") && has(lower, "runnable", "executable", "single", "fat", "uber", "java -jar");
    }

    /**
     * @param lower a requirement's text, lower case
     * @return whether it asks for no dependency beyond the language's standard library (the JDK)
     */
    static boolean asksNoDependencies(String lower) {
        return has(lower, "no dependencies", "no dependency", "no external dependencies", "zero dependencies",
                "without dependencies", "no third-party dependencies", "no runtime dependencies",
                "no third party dependencies", "no libraries", "no external libraries", "standard library only",
                "only the standard library", "only the jdk", "jdk only")
                && !has(lower, "framework", "frameworks");
    }

    /**
     * A rule that bad input gets an error and a non-zero exit code: claimed for a Java command line, whose generated
     * test runs the main class in a JVM of its own with an unknown command and with an action missing its values.
     */
    private static RequirementClaim errors(ProjectInput in, Requirement r, List<String> paths, String cls) {
        Language language = in.architecture().language();
        EntryPoint entry = in.architecture().entryPoint();
        if (language != Language.JAVA) {
            return RequirementClaim.notImplemented(r.id(), "no generated " + language.label() + " test runs the "
                    + "program with bad input; only the Java command line has one");
        }
        if (entry != EntryPoint.CLI) {
            return RequirementClaim.notImplemented(r.id(), "the project is a " + entry.code() + " project, not a "
                    + "command line, so it has no commands to exit with a code");
        }
        String main = "src/main/java/" + in.architecture().packagePath() + "/";
        return RequirementClaim.implemented(r.id(), List.of(main + "Main.java", main + "cli/Commands.java"),
                List.of(cls + method(r)));
    }

    /** Frameworks and servers that are not the standard library, which a "no framework" entry must not name. */
    private static final String[] FRAMEWORKS = {"spring", "spring boot", "quarkus", "micronaut", "javalin",
        "dropwizard", "vertx", "vert.x", "helidon", "jersey", "jetty", "tomcat", "undertow", "netty", "express",
        "fastify", "koa", "nest", "nestjs", "flask", "django", "fastapi", "gin", "echo", "fiber", "chi", "spark"};

    /**
     * @param text a tech-stack entry
     * @return whether it asks for no framework: the standard library, the JDK HTTP server, "none"
     */
    static boolean asksNoFramework(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        String value = colon >= 0 ? lower.substring(colon + 1) : lower;
        if (has(value, FRAMEWORKS)) {
            return false;
        }
        boolean topic = has(lower, "framework", "frameworks", "httpserver", "http server", "server", "standard library",
                "stdlib", "dependencies", "libraries", "web");
        return topic && has(value, "none", "no framework", "no frameworks", "without a framework", "standard library",
                "stdlib", "jdk", "plain java", "vanilla", "httpserver", "com.sun.net.httpserver", "no dependencies",
                "zero dependencies", "no external dependencies");
    }

    /**
     * A tech-stack entry that asks for no framework: the Java output is the JDK and its HTTP server (its tests are
     * compiled against the JDK and JUnit only, and its HTTP entry point's tests call the started server); a skeleton
     * uses its standard library only.
     */
    private static RequirementClaim noFramework(ProjectInput in, ProjectLayout layout, Requirement r,
            List<String> paths, List<RequirementClaim> features) {
        Language language = in.architecture().language();
        EntryPoint entry = in.architecture().entryPoint();
        String lower = r.text().toLowerCase(Locale.ROOT);
        boolean http = has(lower, "httpserver", "http server", "com.sun.net.httpserver");
        boolean jdk = has(lower, "jdk", "java", "com.sun.net.httpserver");
        List<String> evidence = features.stream().filter(c -> c.status() == RequirementStatus.IMPLEMENTED)
                .flatMap(c -> c.tests().stream()).distinct().toList();
        if (language != Language.JAVA) {
            if (http || jdk) {
                return RequirementClaim.notImplemented(r.id(), "the project is written in " + language.label()
                        + " and is a command-line program: it starts no HTTP server" + (jdk ? ", and the JDK's is "
                        + "Java's" : ""));
            }
            return layout.languageTests().isEmpty()
                    ? RequirementClaim.notImplemented(r.id(), "no generated test runs with the " + language.label()
                            + " test runner")
                    : RequirementClaim.implemented(r.id(), buildFiles(language, paths), layout.languageTests());
        }
        boolean serves = entry == EntryPoint.HTTP || entry == EntryPoint.WEB;
        if (http && !serves) {
            return RequirementClaim.notImplemented(r.id(), "the project is a " + entry.name().toLowerCase(Locale.ROOT)
                    + " project, which starts no HTTP server; it uses the JDK only, without a framework");
        }
        if (evidence.isEmpty()) {
            return RequirementClaim.notImplemented(r.id(), "no feature is implemented and tested, so no generated test "
                    + "shows the project working without a framework");
        }
        List<String> files = new ArrayList<>(paths.stream().filter(p -> p.equals("pom.xml")
                || serves && p.contains("/http/") && p.startsWith("src/main/java/")).toList());
        if (entry == EntryPoint.WEB && has(lower, "html", "frontend", "front end", "page", "ui", "web")) {
            // a frontend entry is proven by the page's test first: the page loads no script and has the form
            List<String> tests = new ArrayList<>();
            tests.add(in.architecture().basePackage() + "." + JAVA_TEST_CLASS + "#" + FORM_TEST);
            tests.addAll(evidence);
            files.add("src/main/resources/static/index.html");
            return RequirementClaim.implemented(r.id(), files, tests);
        }
        return RequirementClaim.implemented(r.id(), files, evidence);
    }

    /** Words that name a secret in a rule, each with the words of a field or entity name that hold it. */
    private static final List<List<String>> SECRET_NAMES = List.of(
            List.of("password", "password", "passphrase", "passcode", "passwd"),
            List.of("api key", "apikey", "api"),
            List.of("token", "token"),
            List.of("secret", "secret"),
            List.of("pin", "pin"),
            List.of("passphrase", "passphrase"));

    /**
     * @param lower a requirement's text, lower case
     * @return whether it says secrets are never returned, shown or kept in plain text
     */
    static boolean isSecretRule(String lower) {
        String text = lower.replace("api-key", "api key").replace("apikey", "api key");
        boolean names = SECRET_NAMES.stream().anyMatch(n -> has(text, n.get(0), n.get(0) + "s"));
        boolean never = has(text, "never", "not", "no");
        boolean how = has(text, "returned", "return", "exposed", "expose", "shown", "show", "leaked", "leak",
                "included", "response", "responses", "plain text", "plaintext", "hashed", "output", "printed");
        return names && never && how && !has(text, "logged", "log", "logs", "logging", "expire", "expires", "rotated");
    }

    /**
     * A rule that secrets are never returned: claimed with the generated secret tests when every secret it names is a
     * secret field of the domain (which the generated code never returns and keeps as salted hashes).
     */
    private static RequirementClaim secrets(ProjectInput in, Requirement r, List<String> paths, String cls) {
        Language language = in.architecture().language();
        if (language != Language.JAVA) {
            return RequirementClaim.notImplemented(r.id(), "the " + language.label() + " skeleton leaves secret fields "
                    + "out of the project altogether (it cannot keep them as salted hashes); only the Java output has "
                    + "them and a test that they are never returned");
        }
        String text = r.text().toLowerCase(Locale.ROOT).replace("api-key", "api key").replace("apikey", "api key");
        boolean pipeline = in.architecture().entryPoint() == EntryPoint.PIPELINE;
        List<Entity> tested = in.domain().entities().stream()
                .filter(e -> !pipeline || e.name().equals(in.domain().primary().name()))
                .filter(e -> e.fields().stream().anyMatch(Field::secret))
                .toList();
        List<String> covered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<Entity> proving = new ArrayList<>();
        for (List<String> secret : SECRET_NAMES) {
            String named = secret.get(0);
            if (!has(text, named, named + "s") || named.equals("secret") && !covered.isEmpty()
                    || named.equals("passphrase") && covered.contains("password")) {
                continue;
            }
            List<Entity> holders = tested.stream()
                    .filter(e -> holds(e, secret)).toList();
            if (holders.isEmpty()) {
                missing.add(named);
            } else {
                covered.add(named);
                holders.stream().filter(e -> !proving.contains(e)).forEach(proving::add);
            }
        }
        if (covered.isEmpty()) {
            return RequirementClaim.notImplemented(r.id(), "no " + String.join(" or ", missing) + " is a field of "
                    + "the generated " + (pipeline ? "pipeline's input" : "domain") + ", so no generated test checks "
                    + "that it is never returned");
        }
        List<String> files = new ArrayList<>();
        proving.forEach(e -> files.addAll(matching(paths, "/model/" + e.name() + ".java")));
        List<String> tests = proving.stream().map(e -> cls + secretTest(e)).toList();
        if (missing.isEmpty()) {
            return RequirementClaim.implemented(r.id(), files, tests);
        }
        return RequirementClaim.partial(r.id(), files, tests, missing.stream().map(m -> m + "s").toList(),
                "only " + String.join(" and ", covered) + " fields are in the generated domain; its tests show they "
                        + "are never returned nor stored in plain text");
    }

    /** @return whether an entity holds the secret: a secret field named for it, or any secret of an entity named so */
    private static boolean holds(Entity e, List<String> secret) {
        List<String> words = secret.subList(1, secret.size());
        List<String> entityWords = Naming.words(e.name());
        boolean entityNamed = secret.get(0).equals("api key") ? entityWords.contains("api")
                && entityWords.contains("key") : entityWords.stream().anyMatch(words::contains);
        return e.fields().stream().filter(Field::secret).anyMatch(f -> {
            List<String> fieldWords = Naming.words(f.name());
            boolean named = secret.get(0).equals("api key") ? fieldWords.contains("apikey")
                    || fieldWords.contains("api") && fieldWords.contains("key")
                    : fieldWords.stream().anyMatch(words::contains);
            return named || entityNamed;
        });
    }

    /**
     * @param e an entity with secret fields
     * @return the name of the generated Java test that its secrets are never returned nor stored in plain text
     */
    public static String secretTest(Entity e) {
        return Naming.decapitalize(e.name()) + "SecretsAreNeverReturnedNorStoredInPlainText";
    }

    /** Modules of each skeleton language's standard library that a tech-stack entry may name. */
    private static final java.util.Map<Language, List<String>> STANDARD_MODULES = java.util.Map.of(
            Language.PYTHON, List.of("argparse", "optparse", "getopt", "json", "sqlite3", "sqlite", "csv", "pathlib",
                    "logging", "dataclasses", "http.server", "urllib", "shelve", "pickle", "tomllib"),
            Language.GO, List.of("flag", "net/http", "encoding/json", "encoding/csv", "database/sql", "log/slog"),
            Language.JAVASCRIPT, List.of("node:http", "node:fs", "readline", "node:readline", "util.parseargs",
                    "parseargs"));

    private static RequirementClaim stack(Requirement r, Language language) {
        int colon = r.text().indexOf(':');
        String named = (colon >= 0 ? r.text().substring(colon + 1) : r.text()).strip();
        String lower = r.text().toLowerCase(Locale.ROOT);
        if (language != Language.JAVA && has(lower, "storage", "store", "persistence", "persist", "database", "db",
                "file", "files", "sqlite", "json file", "saved", "save")) {
            return RequirementClaim.notImplemented(r.id(), "the generated " + language.label() + " project keeps "
                    + "its items in memory only, so they are lost when it exits; it does not use " + named
                    + ". Only the Java output keeps items in files");
        }
        List<String> modules = STANDARD_MODULES.getOrDefault(language, List.of()).stream()
                .filter(m -> has(lower, m)).toList();
        if (!modules.isEmpty()) {
            boolean arguments = modules.stream().anyMatch(m -> List.of("argparse", "optparse", "getopt", "flag",
                    "util.parseargs", "parseargs").contains(m));
            return RequirementClaim.notImplemented(r.id(), "the generated " + language.label() + " code does not use "
                    + String.join(" or ", modules) + ", although " + (modules.size() > 1 ? "they are" : "it is")
                    + " part of the standard library" + (arguments ? ": it reads its command-line arguments itself"
                    : ": the simple backend's templates do not use it"));
        }
        return RequirementClaim.notImplemented(r.id(), "the simple backend does not use " + named
                + ": it generates " + language.label() + " with its standard library only"
                + (language == Language.JAVA ? " (JDK HTTP server, JSON-lines files), Maven and JUnit 5" : ""));
    }

    /** @return the tests of every generated service test class that every entity has */
    private static List<String> serviceTests(ProjectInput in) {
        String pkg = in.architecture().basePackage() + ".service.";
        return in.domain().entities().stream().flatMap(e -> Stream.of("createsAnItemWithTheGivenValuesAndAnId",
                "listsItemsOldestFirst", "rejectsTextLongerThanTheLimit", "rejectsAnUnknownField",
                "failsForAnUnknownId").map(m -> pkg + e.name() + "ServiceTest#" + m)).toList();
    }

    private static RequirementClaim validation(ProjectInput in, Requirement r, List<String> paths, String cls) {
        ValidationRule rule = rule(in, r);
        if (rule.checks().isEmpty()) {
            return RequirementClaim.notImplemented(r.id(), String.join("; ", rule.differences()));
        }
        List<String> files = new ArrayList<>(matching(paths, "/model/Validation.java"));
        rule.checks().stream().map(c -> c.entity().name()).distinct()
                .forEach(e -> files.addAll(matching(paths, "/model/" + e + ".java")));
        List<String> tests = List.of(cls + method(r));
        if (rule.differences().isEmpty()) {
            return RequirementClaim.implemented(r.id(), files, tests);
        }
        return RequirementClaim.partial(r.id(), files, tests, rule.differences(), "the generated code enforces "
                + "only part of this rule; its test exercises that part");
    }
}
