package dev.thefactory.internal.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.thefactory.spi.OutputValidator;
import dev.thefactory.spi.ValidationOutcome;
import dev.thefactory.spi.ValidationOutcome.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructuredFileValidatorsTest {

    private static final String SECRET = "TOP-SECRET-7f3a9c";

    @TempDir
    Path root;

    private ValidationOutcome check(OutputValidator validator, String path, String content) {
        TreeSnapshot.write(root.resolve(path), content);
        assertThat(validator.supports(path)).as("%s supports %s", validator.id(), path).isTrue();
        return validator.validate(root, path);
    }

    @Test
    void jsonPassesAWellFormedDocument() {
        assertThat(check(new JsonOutputValidator(), "a/config.json", "{\n  \"name\": \"x\",\n  \"list\": [1, 2]\n}\n"))
                .isEqualTo(ValidationOutcome.passed());
    }

    @Test
    void jsonFailsMalformedInputNamingTheLine() {
        ValidationOutcome outcome = check(new JsonOutputValidator(), "config.json", "{\n  \"a\": 1\n  \"b\": 2\n}\n");
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.problems()).singleElement().asString().startsWith("config.json:3: ");
    }

    @Test
    void jsonFailsTrailingContentDuplicateKeysEmptyFilesAndDeepNesting() {
        JsonOutputValidator json = new JsonOutputValidator();
        assertThat(check(json, "trailing.json", "{} {}").problems()).singleElement().asString()
                .startsWith("trailing.json:1: ").contains("Trailing token");
        assertThat(check(json, "dup.json", "{\"a\": 1,\n \"a\": 2}").problems()).singleElement().asString()
                .startsWith("dup.json:2: ").contains("Duplicate field 'a'");
        assertThat(check(json, "empty.json", "").problems()).singleElement().asString()
                .isEqualTo("empty.json: holds no JSON value; write at least {} or []");
        String deep = "[".repeat(JsonOutputValidator.MAX_NESTING_DEPTH + 1) + "]".repeat(JsonOutputValidator.MAX_NESTING_DEPTH + 1);
        assertThat(check(json, "deep.json", deep).problems()).singleElement().asString().contains("nesting depth");
    }

    @Test
    void yamlPassesEveryDocumentOfAStream() {
        assertThat(check(new YamlOutputValidator(), "app.yml", "a: 1\nb: [x, y]\n---\nc: {d: e}\n").status())
                .isEqualTo(Status.PASSED);
        assertThat(check(new YamlOutputValidator(), "empty.yaml", "").status()).isEqualTo(Status.PASSED);
    }

    @Test
    void yamlFailsMalformedInputInAnyDocument() {
        ValidationOutcome outcome = check(new YamlOutputValidator(), "app.yaml", "a: 1\n---\nb: [1, 2\nc: 3\n");
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.problems()).singleElement().asString().startsWith("app.yaml:");
    }

    @Test
    void yamlFailsDuplicateKeys() {
        ValidationOutcome outcome = check(new YamlOutputValidator(), "dup.yaml", "a: 1\nb: 2\na: 3\n");
        assertThat(outcome.problems()).singleElement().asString().startsWith("dup.yaml:3: ").contains("Duplicate field 'a'");
    }

    @Test
    void yamlAliasBombIsBoundedAndTagsCreateNoObjects() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            bomb.append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        ValidationOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> check(new YamlOutputValidator(), "bomb.yaml", bomb.toString()));
        assertThat(outcome.status()).as("Jackson reads an alias as its anchor's name, never expanding it")
                .isEqualTo(Status.PASSED);
        ValidationOutcome tagged = check(new YamlOutputValidator(), "tag.yaml",
                "x: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n");
        assertThat(tagged.status()).isEqualTo(Status.PASSED);
    }

    @Test
    void xmlPassesAWellFormedDocument() {
        assertThat(check(new XmlOutputValidator(), "pom.xml",
                "<?xml version=\"1.0\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><a>&amp;</a></project>\n"))
                .isEqualTo(ValidationOutcome.passed());
    }

    @Test
    void xmlFailsMalformedInputNamingTheLine() {
        ValidationOutcome outcome = check(new XmlOutputValidator(), "a.xml", "<a>\n<b>\n</a>\n");
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.problems()).singleElement().asString().startsWith("a.xml:3: ");
    }

    @Test
    void xmlExternalEntityNeverReadsALocalFile() {
        Path secret = root.resolve("secret.txt");
        TreeSnapshot.write(secret, SECRET);
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>\n<x>&e;</x>\n";
        ValidationOutcome outcome = check(new XmlOutputValidator(), "xxe.xml", xxe);
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.problems()).singleElement().asString()
                .startsWith("xxe.xml:2: ")
                .contains("DOCTYPE declarations are not allowed")
                .doesNotContain(SECRET);
        String parameterEntity = "<!DOCTYPE x [<!ENTITY % p SYSTEM \"" + secret.toUri() + "\"> %p;]><x/>";
        ValidationOutcome second = check(new XmlOutputValidator(), "xxe2.xml", parameterEntity);
        assertThat(second.status()).isEqualTo(Status.FAILED);
        assertThat(String.join("\n", second.problems())).doesNotContain(SECRET);
    }

    @Test
    void xmlXIncludeIsNotExpanded() {
        Path secret = root.resolve("secret.txt");
        TreeSnapshot.write(secret, SECRET);
        String xinclude = "<x xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"" + secret.toUri()
                + "\" parse=\"text\"/></x>";
        ValidationOutcome outcome = check(new XmlOutputValidator(), "xi.xml", xinclude);
        assertThat(outcome.status()).isEqualTo(Status.PASSED);
        assertThat(outcome.problems()).isEmpty();
    }

    @Test
    void xmlExternalDtdIsNeverFetched() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(300);
            String dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE x SYSTEM \"http://127.0.0.1:" + server.getLocalPort()
                    + "/evil.dtd\">\n<x/>\n";
            ValidationOutcome outcome = check(new XmlOutputValidator(), "dtd.xml", dtd);
            assertThat(outcome.status()).isEqualTo(Status.FAILED);
            try (Socket connection = server.accept()) {
                throw new AssertionError("the validator connected to " + connection.getRemoteSocketAddress());
            } catch (SocketTimeoutException expected) {
                assertThat(expected).hasMessageContaining("timed out");
            }
        }
    }

    @Test
    void propertiesPassWellFormedEscapes() {
        assertThat(check(new PropertiesOutputValidator(), "app.properties",
                "# comment\nname=caf\\u00e9\npath=C:\\\\\\\\users\\\\\\\\u\nmulti=a \\\n  b\n").status())
                .isEqualTo(Status.PASSED);
    }

    @Test
    void propertiesFailAMalformedUnicodeEscapeNamingTheLine() {
        ValidationOutcome outcome = check(new PropertiesOutputValidator(), "app.properties",
                "a=1\nb=\\u00G1\nc=3\n");
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.problems()).singleElement().asString()
                .startsWith("app.properties:2: ")
                .contains("Malformed \\uxxxx encoding");
        assertThat(check(new PropertiesOutputValidator(), "short.properties", "x=\\u12").status())
                .isEqualTo(Status.FAILED);
    }

    @Test
    void eachValidatorSupportsItsOwnTypesOnly() {
        assertThat(new JsonOutputValidator().supports("a/b.JSON")).isTrue();
        assertThat(new JsonOutputValidator().supports("a.jsonl")).isFalse();
        assertThat(new YamlOutputValidator().supports("a.yml")).isTrue();
        assertThat(new YamlOutputValidator().supports("yaml")).isFalse();
        assertThat(new XmlOutputValidator().supports("x.xsd")).isTrue();
        assertThat(new XmlOutputValidator().supports("x.html")).isFalse();
        assertThat(new PropertiesOutputValidator().supports("x.properties")).isTrue();
        assertThat(new PropertiesOutputValidator().supports("x.props")).isFalse();
    }

    @Test
    void aLinkAtTheFileIsNotFollowed() throws IOException {
        Path secret = root.resolve("secret.json");
        TreeSnapshot.write(secret, "{\"" + SECRET + "\": 1}");
        java.nio.file.Files.createSymbolicLink(root.resolve("link.json"), secret);
        ValidationOutcome outcome = new JsonOutputValidator().validate(root, "link.json");
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.problems()).singleElement().asString().startsWith("link.json: cannot be read");
    }
}
