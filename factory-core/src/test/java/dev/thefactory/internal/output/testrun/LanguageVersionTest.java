package dev.thefactory.internal.output.testrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reads the versions projects declare and toolchains print, and compares them. */
class LanguageVersionTest {

    private static LanguageVersion v(String text) {
        return LanguageVersion.parse(text).orElseThrow();
    }

    @Test
    void versionsCompareNumberByNumberWithMissingNumbersAsZero() {
        assertThat(v("3.11.7").atLeast(v("3.12"))).isFalse();
        assertThat(v("3.12.0").atLeast(v("3.12"))).isTrue();
        assertThat(v("3.9").atLeast(v("3.12"))).isFalse();
        assertThat(v("3.10").atLeast(v("3.9"))).isTrue();
        assertThat(v("1.19.8").atLeast(v("1.22"))).isFalse();
        assertThat(v("1.22").atLeast(v("1.22.0"))).isTrue();
        assertThat(v("20.20.2").atLeast(v("18"))).isTrue();
        assertThat(v("18.0.0").atLeast(v("18.2"))).isFalse();
        assertThat(v("1.22rc1")).hasToString("1.22");
        assertThat(LanguageVersion.parse("latest")).isEmpty();
    }

    @Test
    void requiresPythonGivesItsLowerBound() {
        assertThat(LanguageVersion.requiredPython("[project]\nname = \"x\"\nrequires-python = \">=3.12\"\n"))
                .contains(v("3.12"));
        assertThat(LanguageVersion.requiredPython("requires-python = '~=3.11'")).contains(v("3.11"));
        assertThat(LanguageVersion.requiredPython("requires-python = \"<4, >=3.10.2\"")).contains(v("3.10.2"));
        assertThat(LanguageVersion.requiredPython("requires-python = \"==3.12.*\"")).contains(v("3.12"));
        assertThat(LanguageVersion.requiredPython("requires-python = \"<4\"")).isEmpty();
        assertThat(LanguageVersion.requiredPython("[project]\nname = \"x\"\n")).isEmpty();
    }

    @Test
    void theGoLineOfGoModIsTheRequiredGo() {
        assertThat(LanguageVersion.requiredGo("module example.com/x\n\ngo 1.22\n")).contains(v("1.22"));
        assertThat(LanguageVersion.requiredGo("module example.com/x\n\ngo 1.21.3 // pinned\n")).contains(v("1.21.3"));
        assertThat(LanguageVersion.requiredGo("module example.com/x\n// go 1.30\ntoolchain go1.22\n")).isEmpty();
    }

    @Test
    void enginesNodeGivesTheOldestVersionItAccepts() {
        assertThat(LanguageVersion.requiredNode("{\"engines\": {\"node\": \">=18\"}}")).contains(v("18"));
        assertThat(LanguageVersion.requiredNode("{\"engines\": {\"node\": \"^20.11.0\"}}")).contains(v("20.11.0"));
        assertThat(LanguageVersion.requiredNode("{\"engines\": {\"node\": \"18.x\"}}")).contains(v("18"));
        assertThat(LanguageVersion.requiredNode("{\"engines\": {\"node\": \"^22 || >=20.5\"}}")).contains(v("20.5"));
        assertThat(LanguageVersion.requiredNode("{\"engines\": {\"node\": \"*\"}}")).isEmpty();
        assertThat(LanguageVersion.requiredNode("{\"name\": \"x\"}")).isEmpty();
        assertThat(LanguageVersion.requiredNode("not json")).isEmpty();
    }

    @Test
    void installedVersionsAreReadFromWhatTheToolchainsPrint() {
        assertThat(LanguageVersion.installedPython("Python 3.11.7")).contains(v("3.11.7"));
        assertThat(LanguageVersion.installedGo("go version go1.19.8 linux/amd64")).contains(v("1.19.8"));
        assertThat(LanguageVersion.installedNode("v20.20.2\n")).contains(v("20.20.2"));
        assertThat(LanguageVersion.installedPython("command not found")).isEmpty();
    }

    @Test
    void anOlderToolchainIsTooOldWithTheReasonAndANewerOneIsNot() {
        assertThat(LanguageVersion.tooOld("Python", Optional.of(v("3.11.7")), Optional.of(v("3.12")), "Python 3.11.7"))
                .contains("Python 3.11.7 is installed; the project requires 3.12 or later, so its tests were not run "
                        + "(install Python 3.12 or later)");
        assertThat(LanguageVersion.tooOld("Go", Optional.of(v("1.22.1")), Optional.of(v("1.22")), "")).isEmpty();
        assertThat(LanguageVersion.tooOld("Go", Optional.of(v("1.19")), Optional.empty(), "")).isEmpty();
        assertThat(LanguageVersion.tooOld("Go", Optional.empty(), Optional.of(v("1.22")), "weird\noutput"))
                .get().asString().contains("did not tell its version (it printed \"weird | output\")")
                .endsWith("the project requires Go 1.22 or later");
    }
}
