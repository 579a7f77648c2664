package dev.thefactory.fallbacks.internal.layout;

import dev.thefactory.api.Requirement;
import dev.thefactory.api.RequirementSection;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.fallbacks.internal.design.EntryPoint;
import dev.thefactory.fallbacks.internal.design.Language;
import dev.thefactory.fallbacks.internal.domain.FeatureMapping;
import dev.thefactory.spi.RequirementClaim;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the simple backend claims about every requirement of a spec: each feature as its layout built and tested it,
 * the language entry as generated (or not), and the other entries of the tech stack, quality requirements,
 * architecture hints, technical preferences and output expectations only where a generated file shows it; the rest
 * is claimed not implemented with the reason. Stateless and thread-safe.
 */
public final class Ledger {

    /** The reason given for a requirement the simple backend does not act on. */
    public static final String NOT_ACTED_ON = "the simple backend does not act on this";

    private static final Pattern VERSION = Pattern.compile("\\b(?:java|jdk)\\s*(\\d+)", Pattern.CASE_INSENSITIVE);

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
        if (generated == Language.JAVA) {
            Matcher version = VERSION.matcher(request.requirement().text());
            if (version.find() && Integer.parseInt(version.group(1)) < 17) {
                return RequirementClaim.notImplemented(id, "the simple backend generates Java 17 code (records, "
                        + "switch expressions), which needs Java 17 or later, not Java " + version.group(1));
            }
        }
        List<String> tests = layout.languageTests();
        if (tests.isEmpty()) {
            return RequirementClaim.notImplemented(id, "no generated test runs with the " + generated.label()
                    + " test runner");
        }
        List<String> files = buildFiles(generated, paths);
        return RequirementClaim.implemented(id, files, tests);
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

    /** @return true when every number the text names is the generated text limit and every required field is */
    private static boolean validationHolds(ProjectInput in, String text) {
        Matcher number = Pattern.compile("\\d+").matcher(text);
        while (number.find()) {
            if (!number.group().equals("200")) {
                return false;
            }
        }
        Matcher required = Pattern.compile("([a-z]+) (?:is|are) required").matcher(text);
        while (required.find()) {
            String word = required.group(1);
            boolean found = in.domain().entities().stream().flatMap(e -> e.fields().stream())
                    .anyMatch(f -> f.required() && f.name().toLowerCase(Locale.ROOT).equals(word));
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static List<String> matching(List<String> paths, String suffix) {
        return paths.stream().filter(p -> p.endsWith(suffix)).toList();
    }

    private static RequirementClaim other(ProjectInput in, ProjectLayout layout, Requirement r, List<String> paths,
            List<RequirementClaim> features) {
        String id = r.id();
        String text = r.text().toLowerCase(Locale.ROOT);
        Language language = in.architecture().language();
        boolean java = language == Language.JAVA;
        List<String> tests = paths.stream().filter(p -> p.startsWith("src/test/java/") || p.startsWith("tests/")
                || p.startsWith("test/") || p.endsWith("_test.go")).toList();
        if (r.section() == RequirementSection.TECH_STACK) {
            if (has(text, "maven", "mvn")) {
                return java ? RequirementClaim.implemented(id, List.of("pom.xml"), List.of())
                        : RequirementClaim.notImplemented(id, "the project is written in " + language.label()
                                + "; only Java projects get a Maven build");
            }
            if (has(text, "junit", "junit 5", "junit5", "jupiter")) {
                if (java && !has(text, "junit 4", "junit4")) {
                    return RequirementClaim.implemented(id, tests, layout.languageTests());
                }
                return RequirementClaim.notImplemented(id, java ? "the generated tests use JUnit 5"
                        : "the project is written in " + language.label() + "; only Java projects get JUnit tests");
            }
            if (has(text, "unittest") && language == Language.PYTHON
                    || has(text, "node:test", "node --test") && language == Language.JAVASCRIPT
                    || has(text, "go test", "testing") && language == Language.GO) {
                return RequirementClaim.implemented(id, tests, layout.languageTests());
            }
            int colon = r.text().indexOf(':');
            String named = (colon >= 0 ? r.text().substring(colon + 1) : r.text()).strip();
            return RequirementClaim.notImplemented(id, "the simple backend does not use " + named
                    + ": it generates " + language.label() + " with its standard library only"
                    + (java ? " (JDK HTTP server, JSON-lines files), Maven and JUnit 5" : ""));
        }
        if (has(text, "readme")) {
            return RequirementClaim.implemented(id, List.of("README.md"), List.of());
        }
        if (java && has(text, "mvn package", "maven project", "maven build", "builds with maven")) {
            return RequirementClaim.implemented(id, List.of("pom.xml"), List.of());
        }
        if (has(text, "test", "tests", "tested") && has(text, "feature", "features", "requirement", "requirements")) {
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
        if (java && has(text, "unit test", "unit tests", "tests") && has(text, "service", "services", "every class")) {
            return RequirementClaim.implemented(id, matching(tests, "ServiceTest.java"), List.of());
        }
        if (java && has(text, "interface") && has(text, "store", "storage", "repository", "persistence",
                "database")) {
            List<String> files = new ArrayList<>(paths.stream().filter(p -> p.contains("/repository/")).toList());
            List<String> storageTests = matching(tests, "/repository/StorageTest.java").stream()
                    .map(p -> p.substring("src/test/java/".length(), p.length() - ".java".length()).replace('/', '.'))
                    .flatMap(c -> Stream.of(c + "#aFileStoreKeepsItemsForTheNextStart",
                            c + "#aMemoryStoreStartsEmptyEachTime"))
                    .toList();
            return RequirementClaim.implemented(id, files, storageTests);
        }
        if (in.architecture().entryPoint() == EntryPoint.WEB && java && has(text, "html")
                && !has(text, "react", "vue", "angular", "svelte", "typescript")) {
            return RequirementClaim.implemented(id, List.of("src/main/resources/static/index.html"), List.of());
        }
        if (java && has(text, "validated", "validation", "validate") && validationHolds(in, text)) {
            return RequirementClaim.implemented(id, matching(paths, "/model/Validation.java"), List.of());
        }
        return RequirementClaim.notImplemented(id, NOT_ACTED_ON);
    }
}
