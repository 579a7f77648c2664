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

    /**
     * The name of the generated Java test that the web page offers every operation of its items it has controls for
     * (a button per status action and delete, the find, sort and edit forms) and that each control's call works.
     */
    public static final String PAGE_TEST = "thePageOffersTheOperationsOfItsItems";

    /** The gap of a web app's feature that only the JSON API offers. */
    public static final String JSON_ONLY_GAP = "JSON API only, not on the page";

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
        LANGUAGE, MAVEN, JUNIT, RUNNER, NO_FRAMEWORK, STORAGE, STACK, README, SECRETS, FEATURE_TESTS, SERVICE_TESTS,
        STORE, PAGE, VALIDATION, HTTP_ERRORS, RECORDS, LAYERS, ERRORS, JAR, NO_DEPENDENCIES, PYPROJECT, PACKAGE_JSON,
        SKIPPED_ROWS, NONE
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
        /**
         * the server answers invalid input with 400 and an unknown id with 404, each with a JSON error body (and the
         * rule's validation parts, if it has any, as {@link #VALIDATION} checks them)
         */
        HTTP_ERRORS,
        /** every class of the domain model is a Java record */
        RECORDS,
        /** the services depend on no class of the entry point (HTTP or command line), which holds the services */
        LAYERS,
        /** a pipeline run skips a malformed row, reports it with its line number, counts it and keeps the others */
        SKIPPED_ROWS
    }

    /** The status codes the generated HTTP server answers errors with: 400 for invalid input, 404 for an unknown id. */
    public static final List<Integer> HTTP_STATUSES = List.of(400, 404);

    private static final Pattern STATUS_CODE = Pattern.compile("(?<![\\d.])([45]\\d\\d)(?![\\d.])");

    /**
     * @param lower a requirement's text, lower case
     * @return the HTTP error status codes it names ("returns 400", "404 for an unknown id"; "bad request" is 400,
     *         "not found" 404 when it speaks of what is returned), in order; empty when it names none
     */
    public static List<Integer> httpStatuses(String lower) {
        List<Integer> codes = new ArrayList<>();
        Matcher m = STATUS_CODE.matcher(lower);
        while (m.find()) {
            if (!codes.contains(Integer.parseInt(m.group(1)))) {
                codes.add(Integer.parseInt(m.group(1)));
            }
        }
        boolean answers = has(lower, "return", "returns", "returned", "respond", "responds", "response", "status",
                "answer", "answers", "http");
        if (answers && has(lower, "bad request") && !codes.contains(400)) {
            codes.add(400);
        }
        if (answers && has(lower, "not found") && !codes.contains(404)) {
            codes.add(404);
        }
        return codes;
    }

    /**
     * @param lower a requirement's text, lower case
     * @return whether it asks for the domain model as Java records
     */
    static boolean asksRecords(String lower) {
        return has(lower, "record", "records") && has(lower, "model", "models", "domain", "entity", "entities", "dto",
                "dtos", "data classes", "java");
    }

    /**
     * @param lower a requirement's text, lower case
     * @return whether it asks to keep request handling apart from the business logic (layers)
     */
    static boolean asksLayers(String lower) {
        boolean apart = has(lower, "separate", "separated", "separation", "apart", "decoupled", "decouple", "layer",
                "layers", "layered", "isolate", "isolated");
        boolean what = has(lower, "business logic", "logic", "service", "services", "handling", "handler",
                "handlers", "controller", "controllers", "http", "cli", "presentation", "domain");
        return apart && what;
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
                case HTTP_ERRORS -> {
                    if (serves(in) && httpStatuses(r.text().toLowerCase(Locale.ROOT)).stream()
                            .anyMatch(HTTP_STATUSES::contains)) {
                        proven.add(new Proven(r, Proof.HTTP_ERRORS, statusRule(in, r)));
                    }
                }
                case RECORDS -> proven.add(new Proven(r, Proof.RECORDS, null));
                case LAYERS -> {
                    if (in.architecture().entryPoint() != EntryPoint.LIBRARY) {
                        proven.add(new Proven(r, Proof.LAYERS, null));
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
            if (asksStorage(text)) {
                return Kind.STORAGE;
            }
            if (asksNoFramework(r.text())) {
                return Kind.NO_FRAMEWORK;
            }
            return asksNoDependencies(text) ? Kind.NO_DEPENDENCIES : Kind.STACK;
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
        if (has(text, "package.json") || has(text, "npm") && has(text, "script", "scripts", "start", "test")) {
            return Kind.PACKAGE_JSON;
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
        if (!httpStatuses(text).isEmpty()) {
            return Kind.HTTP_ERRORS;
        }
        if (java && asksRecords(text)) {
            return Kind.RECORDS;
        }
        if (asksLayers(text)) {
            return Kind.LAYERS;
        }
        if (java && ValidationRule.isRule(r.text())) {
            return Kind.VALIDATION;
        }
        if (asksStorage(text) && has(text, "file", "files", "disk", "memory", "in-memory", "restart", "restarts")
                || has(text, DATABASES)) {
            return Kind.STORAGE;
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
                List<String> others = r.section() == RequirementSection.TECH_STACK
                        ? otherTools(r.text(), "maven", "mvn") : List.of();
                if (java && !others.isEmpty()) {
                    return RequirementClaim.partial(id, List.of("pom.xml"), List.of(cls + method(r)),
                            others.stream().map(o -> o + " (not used)").toList(), "the project is built with Maven "
                                    + "only");
                }
                return java ? RequirementClaim.implemented(id, List.of("pom.xml"), List.of(cls + method(r)))
                        : RequirementClaim.notImplemented(id, "the project is written in " + language.label()
                                + "; only Java projects get a Maven build");
            }
            case JUNIT -> {
                List<String> others = otherTools(r.text(), "junit", "jupiter", "junit5", "unit", "tests", "test",
                        "testing");
                if (java && !has(text, "junit 4", "junit4") && !others.isEmpty()) {
                    return RequirementClaim.partial(id, tests, layout.languageTests(), others.stream()
                            .map(o -> o + " (not used)").toList(), "the generated tests use JUnit 5 only");
                }
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
                return stack(in, r);
            }
            case STACK -> {
                return stack(in, r);
            }
            case STORAGE -> {
                return java ? storage(in, r, paths, tests) : stack(in, r);
            }
            case NO_FRAMEWORK -> {
                return noFramework(in, layout, r, paths, features);
            }
            case SECRETS -> {
                return secrets(in, r, paths, cls);
            }
            case README -> {
                List<String> gaps = readmeGaps(in, r.text());
                if (gaps.isEmpty()) {
                    return RequirementClaim.implemented(id, List.of("README.md"), List.of(readmeTest(in, r)));
                }
                String reason = gaps.contains(SESSION_GAP) ? "the README gives the commands that build and run the "
                        + "project and docs/usage.md an example session's input, but neither shows the output those "
                        + "commands print" : "the README's test checks only what the README holds: how to build, "
                        + "test and run the project, its implemented features" + (readmeReference(in).isEmpty() ? ""
                        : " and its " + readmeReference(in).toLowerCase(Locale.ROOT) + " section")
                        + "; the rest is not generated";
                return RequirementClaim.partial(id, List.of("README.md"), List.of(readmeTest(in, r)), gaps, reason);
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
                List<String> untested = features.stream().filter(c -> c.tests().isEmpty())
                        .map(RequirementClaim::requirementId).toList();
                List<String> partial = features.stream().filter(c -> c.status() == RequirementStatus.PARTIAL
                        && !c.tests().isEmpty()).map(RequirementClaim::requirementId).toList();
                List<String> gaps = new ArrayList<>();
                List<String> why = new ArrayList<>();
                if (!untested.isEmpty()) {
                    gaps.add("tests of " + String.join(", ", untested));
                    why.add((untested.size() == 1 ? "feature " : "features ") + String.join(", ", untested)
                            + (untested.size() == 1 ? " is" : " are") + " not implemented, so "
                            + (untested.size() == 1 ? "it has" : "they have") + " no test");
                }
                if (!partial.isEmpty()) {
                    gaps.add("tests of what " + String.join(", ", partial) + (partial.size() == 1 ? " leaves out"
                            : " leave out"));
                    why.add((partial.size() == 1 ? "feature " : "features ") + String.join(", ", partial)
                            + (partial.size() == 1 ? " is" : " are") + " partial: "
                            + (partial.size() == 1 ? "its passing test covers" : "their passing tests cover")
                            + " only what is built");
                }
                return RequirementClaim.partial(id, tests, evidence, gaps, String.join("; ", why));
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
            case HTTP_ERRORS -> {
                return httpErrors(in, r, paths, cls);
            }
            case RECORDS -> {
                return java ? RequirementClaim.implemented(id, matching(paths, ".java").stream()
                        .filter(p -> p.contains("/model/") && p.startsWith("src/main/")).toList(),
                        List.of(cls + method(r))) : RequirementClaim.notImplemented(id, "the project is written in "
                                + language.label() + "; only the Java output has records");
            }
            case LAYERS -> {
                if (!java) {
                    return RequirementClaim.notImplemented(id, "no generated " + language.label() + " test checks "
                            + "the skeleton's layers; only the Java output has one");
                }
                if (in.architecture().entryPoint() == EntryPoint.LIBRARY) {
                    return RequirementClaim.notImplemented(id, "the project is a library: its API facade calls the "
                            + "services directly, with no request handling to keep apart");
                }
                return RequirementClaim.implemented(id, paths.stream().filter(p -> p.startsWith("src/main/java/")
                        && (p.contains("/service/") || p.contains("/http/Router") || p.contains("/cli/Commands")
                        || p.contains("/pipeline/Pipeline"))).toList(), List.of(cls + method(r)));
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
                return switch (language) {
                    case JAVA -> RequirementClaim.implemented(id, List.of("pom.xml"), List.of(cls + method(r)));
                    case PYTHON -> RequirementClaim.implemented(id, List.of("pyproject.toml"),
                            List.of("tests.test_packaging.PackagingTest#test_no_runtime_dependencies"));
                    case JAVASCRIPT -> RequirementClaim.implemented(id, List.of("package.json"),
                            List.of("test/packaging.test.js#" + NODE_NO_DEPENDENCIES_TEST));
                    case GO -> RequirementClaim.implemented(id, List.of("go.mod"),
                            List.of("example.com/" + in.architecture().artifactId() + "#TestNoDependencies"));
                };
            }
            case PACKAGE_JSON -> {
                if (language != Language.JAVASCRIPT) {
                    return RequirementClaim.notImplemented(id, "the project is written in " + language.label()
                            + "; only JavaScript projects get a package.json");
                }
                List<String> scripts = new ArrayList<>();
                Matcher m = NPM_SCRIPT.matcher(text);
                while (m.find()) {
                    String script = m.group(1);
                    if (!List.of("start", "test", "install", "i", "and", "or", "scripts", "script").contains(script)
                            && !scripts.contains("npm run " + script)) {
                        scripts.add("npm run " + script);
                    }
                }
                List<String> evidence = List.of("test/packaging.test.js#" + NODE_SCRIPTS_TEST);
                return scripts.isEmpty() ? RequirementClaim.implemented(id, List.of("package.json"), evidence)
                        : RequirementClaim.partial(id, List.of("package.json"), evidence, scripts, "package.json has "
                                + "only the start and test scripts");
            }
            default -> {
                return RequirementClaim.notImplemented(id, NOT_ACTED_ON);
            }
        }
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
                "only the standard library", "only the jdk", "jdk only", "no external modules", "no external packages",
                "no third-party modules", "no third-party packages", "no third party modules", "no third party packages",
                "no modules", "no npm packages", "no pip packages", "no external crates")
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

    /** @return the word as the text spells it (case kept), found case-insensitively as a whole word */
    private static String spelled(String text, String lowerWord) {
        Matcher m = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(lowerWord) + "(?![A-Za-z0-9])",
                Pattern.CASE_INSENSITIVE).matcher(text);
        return m.find() ? m.group() : lowerWord;
    }

    /** Words that join the tools one tech-stack entry names: "JUnit 5 and Mockito", "Maven + Docker". */
    private static final Pattern TOOL_PARTS = Pattern.compile("\\s*(?:[,;+&/]|\\band\\b|\\bwith\\b|\\bplus\\b)\\s*",
            Pattern.CASE_INSENSITIVE);

    /**
     * @param text     a tech-stack entry ("Testing: JUnit 5 and Mockito")
     * @param honoured words of the tool the project uses
     * @return the other tools it names, as written ({@code Mockito}); a version or a bare word such as "tests" is
     *         none
     */
    static List<String> otherTools(String text, String... honoured) {
        int colon = text.indexOf(':');
        String value = colon >= 0 ? text.substring(colon + 1) : text;
        List<String> others = new ArrayList<>();
        for (String part : TOOL_PARTS.split(value)) {
            String p = part.strip().replaceAll("^[(\\[]+|[)\\].]+$", "").strip();
            String l = p.toLowerCase(Locale.ROOT);
            List<String> words = Naming.words(l).stream().filter(w -> !w.matches("v?\\d+(\\.\\d+)*")
                    && !List.of("a", "an", "the", "for", "as", "build", "tool", "framework", "runner", "library",
                    "only", "latest", "version").contains(w)).toList();
            if (!words.isEmpty() && !has(l, honoured)) {
                others.add(p);
            }
        }
        return others;
    }

    /** The title of the Node skeleton's test that package.json has npm start and npm test scripts. */
    public static final String NODE_SCRIPTS_TEST = "package.json has npm start and npm test scripts";

    /** The title of the Node skeleton's test that package.json declares no dependency. */
    public static final String NODE_NO_DEPENDENCIES_TEST = "package.json declares no dependency";

    /** A script an entry names: "npm start", "npm run lint". */
    private static final Pattern NPM_SCRIPT = Pattern.compile("\\bnpm\\s+(?:run\\s+)?([a-z][a-z:-]*)");

    /** The gap of a README that should show an example session's output. */
    static final String SESSION_GAP = "the output of an example session";

    /** Words that join the things a README is asked to hold: each part between them is one thing. */
    private static final Pattern README_PARTS = Pattern.compile("\\s*(?:[,;:]|\\band\\b|\\bwith\\b|\\bthat\\b|"
            + "\\bwhich\\b|\\bplus\\b|\\bincluding\\b|\\bincludes\\b|\\bcontaining\\b|\\bcontains\\b|"
            + "\\bas well as\\b|\\bcovering\\b|\\bcovers\\b|\\bdescribing\\b|\\bdescribes\\b|\\bexplaining\\b|"
            + "\\bexplains\\b|\\bdocumenting\\b|\\bdocuments\\b|\\blisting\\b|\\blists\\b|\\bshowing\\b|"
            + "\\bshows\\b|\\bfor\\b|\\bon\\b|\\bof\\b)\\s*", Pattern.CASE_INSENSITIVE);

    /** Words that say nothing about what a README holds. */
    private static final List<String> README_FILLER = List.of("a", "an", "the", "it", "its", "how", "to", "all",
        "every", "each", "short", "brief", "clear", "good", "basic", "simple", "full", "complete", "project", "app",
        "application", "tool", "service", "program", "code", "instructions", "instruction", "section", "sections",
        "explanation", "information", "info", "details", "expected", "use", "document", "documentation", "docs",
        "readme", "md", "file", "markdown", "this", "is", "be", "should", "must", "provided", "included", "one",
        "list", "in", "detail", "detailed");

    /**
     * @param in the project
     * @return the title of the generated README's reference section, empty when it has none (a skeleton, a library)
     */
    private static String readmeReference(ProjectInput in) {
        return in.architecture().language() == Language.JAVA ? referenceTitle(in.architecture().entryPoint()) : "";
    }

    /**
     * @param entry the entry point of a Java project
     * @return the title of its README's reference section, empty when it has none
     */
    public static String referenceTitle(EntryPoint entry) {
        return switch (entry) {
            case HTTP, WEB -> "API reference";
            case CLI -> "Commands";
            case PIPELINE -> "Input columns";
            case LIBRARY -> "";
        };
    }

    /**
     * What a README entry asks the README to hold beyond what the generated README holds and its test asserts: how
     * to build, test, install, set up and run the project and its features are asserted everywhere; every endpoint
     * with a curl example (or an API reference) for a Java HTTP project, every command for a Java command line and
     * the CSV input format of a Java pipeline or CSV import are generated and asserted too; an example session's
     * output, and anything else (screenshots, configuration, a license, ...), is a gap, quoted as written.
     *
     * @param in   the project
     * @param text the entry, as written
     * @return the gaps, empty when the README holds all it asks for
     */
    static List<String> readmeGaps(ProjectInput in, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int readme = lower.indexOf("readme");
        String tail = readme >= 0 ? text.substring(readme + "readme".length()) : text;
        String reference = readmeReference(in);
        EntryPoint entry = in.architecture().entryPoint();
        // the tools the README's build, test and run commands use: "build instructions (mvn package)"
        List<String> tools = switch (in.architecture().language()) {
            case JAVA -> List.of("mvn", "maven", "java", "jar", "package");
            case PYTHON -> List.of("pip", "python", "python3", "unittest", "pyproject");
            case JAVASCRIPT -> List.of("npm", "node");
            case GO -> List.of("go");
        };
        List<String> gaps = new ArrayList<>();
        for (String part : README_PARTS.split(tail)) {
            String p = part.strip().replaceAll("[.\"'`]+$", "").strip();
            if (p.chars().filter(ch -> ch == '(').count() < p.chars().filter(ch -> ch == ')').count()) {
                p = p.replaceAll("\\)+$", "").strip();
            }
            String l = p.toLowerCase(Locale.ROOT);
            List<String> words = Naming.words(l).stream().filter(w -> !README_FILLER.contains(w)).toList();
            if (words.isEmpty()) {
                continue;
            }
            if (has(l, "session", "sessions", "example output", "sample output", "transcript")) {
                if (!gaps.contains(SESSION_GAP)) {
                    gaps.add(SESSION_GAP);
                }
                continue;
            }
            boolean api = has(l, "curl", "endpoint", "endpoints", "api", "route", "routes", "http");
            boolean commands = has(l, "command", "commands", "cli", "option", "options", "flags", "subcommands");
            boolean columns = has(l, "column", "columns", "csv", "header", "headers", "input format", "file format",
                    "fields");
            if (api || commands || columns) {
                boolean generated = api ? reference.equals("API reference") : commands ? reference.equals("Commands")
                        || entry == EntryPoint.CLI && has(l, "run", "running", "usage") : readsCsv(in);
                if (!generated) {
                    gaps.add(p);
                }
                continue;
            }
            boolean basic = words.stream().allMatch(w -> List.of("build", "building", "builds", "run", "running",
                    "runs", "start", "starting", "started", "setup", "set", "up", "install", "installation",
                    "installing", "usage", "using", "uses", "getting", "quick", "quickstart", "test", "tests",
                    "testing", "feature", "features", "overview", "description", "describe", "what", "does", "do",
                    "explain", "explains", "package", "locally", "local", "steps", "step",
                    "guide").contains(w) || tools.contains(w)
                    || !reference.isEmpty() && List.of("example", "examples").contains(w));
            if (!basic) {
                gaps.add(p);
            }
        }
        return gaps;
    }

    /**
     * @param in the project
     * @return whether its README's reference lists a CSV input format (the columns and an example the README test
     *         feeds to it): a Java pipeline's input, or a Java HTTP or command-line project's CSV import
     */
    private static boolean readsCsv(ProjectInput in) {
        EntryPoint entry = in.architecture().entryPoint();
        return !readmeReference(in).isEmpty() && (entry == EntryPoint.PIPELINE || in.domain().entities().stream()
                .anyMatch(e -> e.has(AggregateKind.IMPORT)));
    }

    /** A storage entry asking for one file: "a single file", "one JSON file", "a flat file". */
    private static final Pattern ONE_FILE = Pattern.compile("\\b(?:a|one|single)\\s+(?:single\\s+)?(?:[a-z]+\\s+)?"
            + "file\\b");

    /** Database products a storage entry may name: the entry is judged by the product, whatever else it says. */
    private static final String[] DATABASES = {"sqlite", "sqlite3", "postgres", "postgresql", "mysql", "mariadb",
        "mongodb", "mongo", "redis", "h2", "hsqldb", "derby", "oracle", "sql server", "mssql", "dynamodb",
        "cassandra", "couchdb", "elasticsearch", "firestore", "leveldb", "rocksdb", "bolt", "boltdb", "badger"};

    /**
     * @param lower a tech-stack entry, lower case
     * @return whether it says where items are kept: a storage, database or persistence entry, or one naming a
     *         database product
     */
    static boolean asksStorage(String lower) {
        return has(lower, "storage", "store", "stores", "stored", "persistence", "persist", "persisted", "database",
                "databases", "db", "saved", "save", "in-memory") || has(lower, DATABASES);
    }

    /**
     * A tech-stack entry about where items are kept, for the Java output. A database product is judged by the
     * product: the generated project uses none. Files are the file store (JSON lines, one file per kind of item under
     * the data directory), proven by the storage test that a file store keeps items for the next start; what the entry
     * adds beyond that (one single file, a JSON document, CSV, a location) is a gap. Memory is the memory store.
     */
    private static RequirementClaim storage(ProjectInput in, Requirement r, List<String> paths, List<String> tests) {
        String lower = r.text().toLowerCase(Locale.ROOT);
        List<String> products = java.util.Arrays.stream(DATABASES).filter(d -> has(lower, d)).toList();
        boolean files = in.architecture().storage() == dev.thefactory.fallbacks.internal.design.Storage.FILE;
        if (!products.isEmpty()) {
            return RequirementClaim.notImplemented(r.id(), "the generated project uses no "
                    + spelled(r.text(), products.get(0)) + " database: it keeps its items " + (files
                    ? "in JSON-lines files under its data directory" : "in memory by default, or in JSON-lines "
                    + "files with storage=file") + ", with the JDK only");
        }
        List<String> storageFiles = paths.stream().filter(p -> p.contains("/repository/")
                && p.startsWith("src/main/java/")).toList();
        String storageTest = matching(tests, "/repository/StorageTest.java").stream()
                .map(p -> p.substring("src/test/java/".length(), p.length() - ".java".length()).replace('/', '.'))
                .findFirst().orElse(null);
        if (storageTest == null) {
            return RequirementClaim.notImplemented(r.id(), "no generated test shows where the items are kept");
        }
        if (has(lower, "memory", "in-memory", "in memory")) {
            return files
                    ? RequirementClaim.notImplemented(r.id(), "the generated project keeps its items in files by "
                            + "default (storage=file in application.properties), since each command is a process of "
                            + "its own; storage=memory keeps them in memory")
                    : RequirementClaim.implemented(r.id(), storageFiles,
                            List.of(storageTest + "#aMemoryStoreStartsEmptyEachTime"));
        }
        if (!files) {
            return RequirementClaim.notImplemented(r.id(), "the generated project keeps its items in memory by "
                    + "default; storage=file in application.properties keeps them in JSON-lines files under its data "
                    + "directory, but nothing in the spec's other sections asks for that");
        }
        List<String> gaps = new ArrayList<>();
        if (ONE_FILE.matcher(lower).find()) {
            gaps.add("a single file (the store writes one file per kind of item)");
        }
        if (has(lower, "json") && !has(lower, "json lines", "json-lines", "jsonl", "ndjson")) {
            gaps.add("a JSON document (each file holds one JSON object per line)");
        }
        if (has(lower, "csv", "xml", "yaml", "toml", "binary")) {
            gaps.add("the file format named (the store writes JSON lines)");
        }
        if (has(lower, "home", "appdata", "xdg", "directory", "folder", "path") || lower.contains("~")) {
            gaps.add("the location named (the data directory is ./data unless storage.directory says otherwise)");
        }
        List<String> proof = List.of(storageTest + "#aFileStoreKeepsItemsForTheNextStart");
        if (gaps.isEmpty()) {
            return RequirementClaim.implemented(r.id(), storageFiles, proof);
        }
        return RequirementClaim.partial(r.id(), storageFiles, proof, gaps, "the generated project keeps its items "
                + "in JSON-lines files, one per kind of item, under its data directory");
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
        if (asksStorage(lower)) {
            // "SQLite (sqlite3 from the standard library)" names a product; "standard library" only qualifies it
            return false;
        }
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

    private static RequirementClaim stack(ProjectInput in, Requirement r) {
        Language language = in.architecture().language();
        int colon = r.text().indexOf(':');
        String named = (colon >= 0 ? r.text().substring(colon + 1) : r.text()).strip();
        String lower = r.text().toLowerCase(Locale.ROOT);
        if (language != Language.JAVA && (asksStorage(lower) || has(lower, "file", "files", "json file"))) {
            List<String> products = java.util.Arrays.stream(DATABASES).filter(d -> has(lower, d)).toList();
            String used = !products.isEmpty() ? "; it uses no " + spelled(r.text(), products.get(0)) + " database"
                    : colon >= 0 ? "; it does not use " + named : "";
            return RequirementClaim.notImplemented(r.id(), "the generated " + language.label() + " project keeps "
                    + "its items in memory only, so they are lost when it exits" + used
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
        List<String> parts = new ArrayList<>();
        EntryPoint entry = in.architecture().entryPoint();
        if (language == Language.JAVA) {
            if (entry == EntryPoint.HTTP || entry == EntryPoint.WEB) {
                parts.add("the JDK HTTP server");
            }
            parts.add(in.architecture().storage() == dev.thefactory.fallbacks.internal.design.Storage.FILE
                    ? "JSON-lines files" : "an in-memory or JSON-lines file store");
        }
        String uses = "it generates " + language.label() + " with its standard library only"
                + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")")
                + (language == Language.JAVA ? ", Maven and JUnit 5" : "");
        // a value of a few words names a tool ("cron", "pnpm"); a longer one is a wish, not a product
        if (Naming.words(named).size() > 3) {
            return RequirementClaim.notImplemented(r.id(), "the simple backend does not act on this entry: " + uses);
        }
        return RequirementClaim.notImplemented(r.id(), "the simple backend does not use " + named + ": " + uses);
    }

    /** @return the tests of every generated service test class that every entity has */
    private static List<String> serviceTests(ProjectInput in) {
        String pkg = in.architecture().basePackage() + ".service.";
        return in.domain().entities().stream().flatMap(e -> Stream.of("createsAnItemWithTheGivenValuesAndAnId",
                "listsItemsOldestFirst", "rejectsTextLongerThanTheLimit", "rejectsAnUnknownField",
                "failsForAnUnknownId").map(m -> pkg + e.name() + "ServiceTest#" + m)).toList();
    }

    /** @return whether the project is a Java HTTP server (API service or web app) */
    private static boolean serves(ProjectInput in) {
        EntryPoint entry = in.architecture().entryPoint();
        return in.architecture().language() == Language.JAVA && (entry == EntryPoint.HTTP || entry == EntryPoint.WEB);
    }

    /** @return the validation parts of a status rule ("All input is validated and returns 400"), or null if none */
    private static ValidationRule statusRule(ProjectInput in, Requirement r) {
        if (!ValidationRule.isRule(r.text())) {
            return null;
        }
        ValidationRule rule = rule(in, r);
        return rule.checks().isEmpty() ? null : rule;
    }

    /**
     * A rule about the status codes of errors: 400 for invalid input and 404 for an unknown id, each with a JSON
     * error body, are what the generated server answers, and its test shows it; other codes are gaps.
     */
    private static RequirementClaim httpErrors(ProjectInput in, Requirement r, List<String> paths, String cls) {
        List<Integer> codes = httpStatuses(r.text().toLowerCase(Locale.ROOT));
        if (!serves(in)) {
            return RequirementClaim.notImplemented(r.id(), in.architecture().language() != Language.JAVA
                    ? "the " + in.architecture().language().label() + " skeleton starts no HTTP server, so it "
                            + "answers no status code"
                    : "the project is a " + in.architecture().entryPoint().code() + " project, not an HTTP server, "
                            + "so it answers no status code");
        }
        List<Integer> answered = codes.stream().filter(HTTP_STATUSES::contains).toList();
        List<String> gaps = new ArrayList<>(codes.stream().filter(c -> !HTTP_STATUSES.contains(c))
                .map(c -> c + " responses").toList());
        ValidationRule rule = statusRule(in, r);
        if (rule != null) {
            gaps.addAll(rule.differences());
        }
        if (answered.isEmpty()) {
            return RequirementClaim.notImplemented(r.id(), "the generated server answers errors with 400 (invalid "
                    + "input) and 404 (unknown id) only, never " + codes.stream().map(String::valueOf)
                    .reduce((x, y) -> x + " or " + y).orElse(""));
        }
        List<String> files = paths.stream().filter(p -> p.endsWith("/http/Router.java")
                || p.endsWith("/http/HttpReply.java") || p.endsWith("/model/Validation.java")).toList();
        List<String> tests = List.of(cls + method(r));
        if (gaps.isEmpty()) {
            return RequirementClaim.implemented(r.id(), files, tests);
        }
        return RequirementClaim.partial(r.id(), files, tests, gaps, "the generated server answers invalid input "
                + "with 400 and an unknown id with 404, each with a JSON error, and nothing else");
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
