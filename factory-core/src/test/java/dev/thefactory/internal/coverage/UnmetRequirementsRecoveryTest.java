package dev.thefactory.internal.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.Evidence;
import dev.thefactory.api.RequirementOutcome;
import dev.thefactory.api.RequirementSection;
import dev.thefactory.api.RequirementStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recovery advice of an unmet policy fits the spec: a non-Java language gets more than "rephrase". */
class UnmetRequirementsRecoveryTest {

    private static RequirementOutcome language(String text, String reason) {
        return new RequirementOutcome("tech-stack-1", RequirementSection.TECH_STACK, text,
                RequirementStatus.NOT_IMPLEMENTED, "simple", Evidence.NONE, List.of(), reason);
    }

    @Test
    void aPythonSpecWhoseToolchainIsTooOldIsToldToInstallItOrAskForJava() {
        List<String> options = UnmetRequirements.recoveryOptions(true, List.of(language("Language: Python 3.12",
                "The generated tests were not run: Python 3.11.7 is installed; the project requires 3.12 or later, "
                        + "so its tests were not run (install Python 3.12 or later).")));
        assertThat(options.get(0)).isEqualTo("install Python 3.12 or later where The Factory runs, so the generated "
                + "tests of tech-stack-1 \"Language: Python 3.12\" can run");
        assertThat(options.get(1)).startsWith("ask for Java (Language: Java 17): the built-in backend implements "
                + "features only in Java output");
        assertThat(options).last().asString().startsWith("rephrase");
    }

    @Test
    void aJavaSpecKeepsTheGeneralAdvice() {
        List<String> options = UnmetRequirements.recoveryOptions(true, List.of(new RequirementOutcome("core-1",
                RequirementSection.CORE, "Add tasks", RequirementStatus.NOT_IMPLEMENTED, "simple", Evidence.NONE,
                List.of(), "not understood")));
        assertThat(options).isEqualTo(UnmetRequirements.recoveryOptions(true));
        assertThat(options).noneMatch(o -> o.startsWith("ask for Java") || o.startsWith("install"));
    }

    @Test
    void aSkeletonLanguageWhoseEntryIsImplementedIsStillToldToAskForJavaByItsFeatures() {
        RequirementOutcome feature = new RequirementOutcome("core-1", RequirementSection.CORE, "Add plants",
                RequirementStatus.NOT_IMPLEMENTED, "simple", Evidence.NONE, List.of(), "the simple backend "
                + UnmetRequirements.SKELETON_REASON + "Go (a generic store and its command), with no code or test "
                + "specific to this feature");
        List<String> options = UnmetRequirements.recoveryOptions(true, List.of(feature, feature));
        assertThat(options).filteredOn(o -> o.startsWith("ask for Java (Language: Java 17)")).hasSize(1);
    }
}
