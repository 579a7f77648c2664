package dev.thefactory.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.fallbacks.internal.design.Architecture;
import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.FeatureMapping;
import dev.thefactory.fallbacks.internal.domain.Field;
import dev.thefactory.fallbacks.internal.domain.FieldType;
import dev.thefactory.fallbacks.internal.domain.Operation;
import dev.thefactory.fallbacks.internal.java.JavaLayout;
import dev.thefactory.fallbacks.internal.layout.PlannedFile;
import dev.thefactory.fallbacks.internal.layout.ProjectInput;
import dev.thefactory.fallbacks.internal.layout.ProjectLayout;
import dev.thefactory.spi.RequirementClaim;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A field that holds a secret is stored only as a salted PBKDF2 hash and never returned: the generated project of
 * every type compiles, and its own generated tests (which create an item, read it back one by one and as a list, and
 * read the data files) pass.
 */
class SecretFieldTest {

    @TempDir
    Path dir;

    static final List<String> FEATURES = List.of("Add users with a username and a password (passwords stored hashed)",
            "List users", "Change user passwords", "Delete users");

    static ProjectInput input(ProjectType type) {
        ProjectSpec spec = ProjectSpec.builder("Team Directory", type).features(FEATURES, List.of()).build();
        Entity user = new Entity("User", "users", List.of(new Field("username", FieldType.STRING, true),
                new Field("password", FieldType.STRING, true, true), new Field("role", FieldType.STRING, false)),
                Set.of(Operation.CREATE, Operation.LIST, Operation.GET, Operation.UPDATE, Operation.DELETE), List.of(),
                List.of(), List.of(), List.of("password"), Set.of(), List.of());
        Domain domain = new Domain(List.of(user), List.of(
                new FeatureMapping("core", 0, FEATURES.get(0), "User", List.of(Operation.CREATE), "create users"),
                new FeatureMapping("core", 1, FEATURES.get(1), "User", List.of(Operation.LIST), "list users"),
                new FeatureMapping("core", 2, FEATURES.get(2), "User", List.of(Operation.UPDATE), "update users"),
                new FeatureMapping("core", 3, FEATURES.get(3), "User", List.of(Operation.DELETE), "delete users")),
                List.of());
        return new ProjectInput(spec, domain, Architecture.design(spec, domain), Map.of());
    }

    static Map<String, String> render(ProjectLayout layout) {
        Map<String, String> files = new TreeMap<>();
        for (PlannedFile file : layout.files()) {
            files.put(file.path(), file.content().get());
        }
        return files;
    }

    @ParameterizedTest
    @EnumSource(value = ProjectType.class, names = {"WEB_APP", "API_SERVICE", "CLI_TOOL", "LIBRARY", "DATA_PIPELINE"})
    void aSecretIsStoredHashedAndNeverReturned(ProjectType type) throws Exception {
        ProjectInput in = input(type);
        ProjectLayout layout = JavaLayout.of(in);
        Map<String, String> files = render(layout);
        String base = "src/main/java/com/example/teamdirectory/";
        String model = files.get(base + "model/User.java");
        assertThat(model).contains("Secrets.hash(\"password\"").contains("public static User fromStored(")
                .doesNotContain("out.put(\"password\", password)");
        assertThat(files.get(base + "model/Secrets.java")).contains("PBKDF2WithHmacSHA256")
                .contains("ITERATIONS = 600_000").contains("SecureRandom").contains("MessageDigest.isEqual");
        String tests = files.get("src/test/java/com/example/teamdirectory/RequirementsTest.java");
        assertThat(tests).contains("void userSecretsAreNeverReturnedNorStoredInPlainText()")
                .contains("assertFalse(stored.contains(\"Alpha password\"), stored);");

        for (FeatureMapping f : in.domain().features()) {
            RequirementClaim claim = layout.claim(f);
            if (type == ProjectType.DATA_PIPELINE && !f.operations().contains(Operation.CREATE)
                    && !f.operations().contains(Operation.LIST)) {
                assertThat(claim.status()).as("%s", f.text()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
                continue;
            }
            assertThat(claim.status()).as("%s", f.text()).isEqualTo(RequirementStatus.IMPLEMENTED);
            assertThat(claim.tests()).contains("com.example.teamdirectory.RequirementsTest#"
                    + "userSecretsAreNeverReturnedNorStoredInPlainText");
            assertThat(claim.files()).contains(base + "model/Secrets.java");
        }

        Path classes = GeneratedJava.compile(files, dir);
        GeneratedJava.TestRun run = GeneratedJava.runTests(files, dir, classes);
        assertThat(run.failures()).isEmpty();
        assertThat(run.failed()).isZero();
        assertThat(run.succeeded()).isEqualTo(run.found()).isGreaterThan(10);
        assertThat(run.passed()).contains("com.example.teamdirectory.RequirementsTest#"
                + "userSecretsAreNeverReturnedNorStoredInPlainText");
    }

    @ParameterizedTest
    @EnumSource(value = ProjectType.class, names = {"WEB_APP", "API_SERVICE"})
    void theServerNeverAnswersWithTheSecret(ProjectType type) throws Exception {
        Map<String, String> files = render(JavaLayout.of(input(type)));
        String page = files.getOrDefault("src/main/resources/static/index.html", "");
        if (type == ProjectType.WEB_APP) {
            assertThat(page).contains("<input type=\"text\" name=\"username\" required maxlength=\"200\">")
                    .contains("<input type=\"password\" name=\"password\" required maxlength=\"200\">")
                    .contains("<input type=\"text\" name=\"role\" maxlength=\"200\">");
        }
        assertThat(files.get("src/main/java/com/example/teamdirectory/http/Router.java"))
                .contains("User::fromStored").contains("toFields");
    }

    @org.junit.jupiter.api.Test
    void aSecretNumberIsHashedTextAndNothingSearchesByIt() throws Exception {
        List<String> features = List.of("Add cards with a holder and a PIN", "List cards with a PIN below a value");
        ProjectSpec spec = ProjectSpec.builder("Card Vault", ProjectType.CLI_TOOL).features(features, List.of())
                .build();
        Domain domain = new dev.thefactory.fallbacks.internal.domain.DomainBuilder().build(spec);
        assertThat(domain.primary().field("pin").orElseThrow().secret()).isTrue();
        // the domain never lets an entity filter, sort or compare by a secret
        assertThatThrownBy(() -> new Entity("Card", "cards", domain.primary().fields(),
                Set.of(Operation.CREATE, Operation.LIST, Operation.GET, Operation.FIND), List.of(), List.of(),
                List.of("pin"), List.of(), Set.of(), List.of())).hasMessageContaining("secret field 'pin'");
        ProjectInput in = new ProjectInput(spec, domain, Architecture.design(spec, domain), Map.of());
        ProjectLayout layout = JavaLayout.of(in);
        assertThat(layout.claim(domain.features().get(0)).status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        RequirementClaim find = layout.claim(domain.features().get(1));
        assertThat(find.status()).isNotEqualTo(RequirementStatus.IMPLEMENTED);
        Map<String, String> files = render(layout);
        assertThat(files.get("src/main/java/com/example/cardvault/model/Card.java")).contains("String pin");
        Path classes = GeneratedJava.compile(files, dir);
        GeneratedJava.TestRun run = GeneratedJava.runTests(files, dir, classes);
        assertThat(run.failures()).isEmpty();
        assertThat(run.passed()).contains("com.example.cardvault.RequirementsTest#"
                + "cardSecretsAreNeverReturnedNorStoredInPlainText");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = ';', value = {"Language: Python 3.12; src/team_directory/models.py",
        "Language: JavaScript (Node.js 20); src/models.js", "Language: Go 1.22; models.go"})
    void aSkeletonLeavesSecretsOutRatherThanKeepThemInPlainText(String stack, String models) {
        ProjectInput java = input(ProjectType.API_SERVICE);
        ProjectSpec spec = java.spec().toBuilder().techStack(List.of(stack)).build();
        ProjectInput in = new ProjectInput(spec, java.domain(), Architecture.design(spec, java.domain()), Map.of());
        ProjectLayout layout = layoutOf(in);
        Map<String, String> files = render(layout);
        assertThat(files.get(models)).contains("username").doesNotContain("password");
        assertThat(files.get("docs/architecture.md")).contains("leaves out the fields that hold secrets");
        for (FeatureMapping f : in.domain().features()) {
            assertThat(layout.claim(f).status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        }
    }

    private static ProjectLayout layoutOf(ProjectInput in) {
        return switch (in.architecture().language()) {
            case PYTHON -> dev.thefactory.fallbacks.internal.other.PythonLayout.of(in);
            case JAVASCRIPT -> dev.thefactory.fallbacks.internal.other.NodeLayout.of(in);
            case GO -> dev.thefactory.fallbacks.internal.other.GoLayout.of(in);
            case JAVA -> JavaLayout.of(in);
        };
    }

    @org.junit.jupiter.api.Test
    void aSecretIsNeverTheLabelShownForAnItem() throws Exception {
        List<String> features = List.of("Add API keys with a token and an owner", "List API keys");
        ProjectSpec spec = ProjectSpec.builder("Key Store", ProjectType.API_SERVICE).features(features, List.of())
                .build();
        Entity key = new Entity("ApiKey", "apiKeys", List.of(new Field("token", FieldType.STRING, true, true),
                new Field("owner", FieldType.STRING, true)), Set.of(Operation.CREATE, Operation.LIST, Operation.GET),
                List.of(), List.of(), List.of(), List.of(), Set.of(), List.of());
        Domain domain = new Domain(List.of(key), List.of(
                new FeatureMapping("core", 0, features.get(0), "ApiKey", List.of(Operation.CREATE), "create"),
                new FeatureMapping("core", 1, features.get(1), "ApiKey", List.of(Operation.LIST), "list")), List.of());
        ProjectInput in = new ProjectInput(spec, domain, Architecture.design(spec, domain), Map.of());
        Map<String, String> files = render(JavaLayout.of(in));
        assertThat(files.get("src/main/java/com/example/keystore/model/ApiKey.java"))
                .contains("record ApiKey(long id, String owner, String token)");
        Path classes = GeneratedJava.compile(files, dir);
        GeneratedJava.TestRun run = GeneratedJava.runTests(files, dir, classes);
        assertThat(run.failures()).isEmpty();
        assertThat(run.passed()).contains("com.example.keystore.RequirementsTest#core1_addApiKeysWithA",
                "com.example.keystore.RequirementsTest#apiKeySecretsAreNeverReturnedNorStoredInPlainText");
    }
}
