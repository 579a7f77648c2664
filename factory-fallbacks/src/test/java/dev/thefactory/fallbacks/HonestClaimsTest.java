package dev.thefactory.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import dev.thefactory.api.RequirementStatus;
import dev.thefactory.spi.RequirementClaim;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules about secrets and "no framework" stack entries are claimed as the generated code and its tests show. */
class HonestClaimsTest {

    private static final List<String> ACCOUNTS = List.of(
            "Register users with a username, an email and a password (passwords stored hashed)", "List users",
            "Create API keys with a name and a secret key", "Delete users");

    private static ProjectSpec accounts(String stack, String... quality) {
        return Specs.todo(ProjectType.API_SERVICE).toBuilder().features(ACCOUNTS, List.of())
                .techStack(List.of(stack)).qualityRequirements(List.of(quality)).build();
    }

    @Test
    void aRuleThatSecretsAreNeverReturnedIsClaimedWithTheSecretTestsOfTheFieldsItNames() throws Exception {
        CoreDriver.Build build = CoreDriver.build(accounts("Language: Java 17",
                "Passwords and API keys are never returned by the API", "Passwords and tokens are never returned",
                "Tokens are never shown"));

        RequirementClaim both = build.claim("quality-1");
        assertThat(both.status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        assertThat(both.tests()).anyMatch(t -> t.endsWith("#userSecretsAreNeverReturnedNorStoredInPlainText"))
                .anyMatch(t -> t.endsWith("#apiKeySecretsAreNeverReturnedNorStoredInPlainText"));
        assertThat(both.tests()).allMatch(t -> build.files().values().stream()
                .anyMatch(f -> f.contains("void " + t.substring(t.indexOf('#') + 1) + "()")));
        RequirementClaim partly = build.claim("quality-2");
        assertThat(partly.status()).isEqualTo(RequirementStatus.PARTIAL);
        assertThat(partly.gaps()).containsExactly("tokens");
        assertThat(partly.tests()).singleElement().asString()
                .endsWith("#userSecretsAreNeverReturnedNorStoredInPlainText");
        RequirementClaim none = build.claim("quality-3");
        assertThat(none.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(none.reason()).contains("no token is a field of the generated domain");
    }

    @Test
    void aSkeletonDoesNotClaimASecretRuleSinceItLeavesSecretsOut() throws Exception {
        RequirementClaim claim = CoreDriver.build(accounts("Language: Python",
                "Passwords are never returned")).claim("quality-1");
        assertThat(claim.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(claim.reason()).contains("skeleton leaves secret fields out");
    }

    @Test
    void noFrameworkIsWhatTheJavaOutputUsesAndItsHttpTestsShowIt() throws Exception {
        CoreDriver.Build api = CoreDriver.build(Specs.todo(ProjectType.API_SERVICE).toBuilder()
                .techStack(List.of("Language: Java 17", "Framework: none (JDK HttpServer)", "Framework: Spring Boot"))
                .build());
        RequirementClaim none = api.claim("tech-stack-2");
        assertThat(none.status()).isEqualTo(RequirementStatus.IMPLEMENTED);
        assertThat(none.files()).contains("pom.xml").anyMatch(f -> f.endsWith("/http/ApiServer.java"));
        assertThat(none.tests()).isNotEmpty().allMatch(t -> t.contains(".RequirementsTest#"))
                .anyMatch(t -> t.endsWith("#core1_addTasksWithATitle"));
        assertThat(api.claim("tech-stack-3").status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(api.claim("tech-stack-3").reason()).contains("does not use Spring Boot");

        RequirementClaim cli = CoreDriver.build(Specs.todo(ProjectType.CLI_TOOL).toBuilder()
                .techStack(List.of("Language: Java 17", "Framework: none (JDK HttpServer)")).build())
                .claim("tech-stack-2");
        assertThat(cli.status()).isEqualTo(RequirementStatus.NOT_IMPLEMENTED);
        assertThat(cli.reason()).contains("starts no HTTP server").doesNotContain("does not use none");
    }
}
