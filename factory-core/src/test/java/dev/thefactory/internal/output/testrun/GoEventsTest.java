package dev.thefactory.internal.output.testrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.internal.output.TestOutcome;
import dev.thefactory.internal.output.TestOutcome.Status;
import org.junit.jupiter.api.Test;

/** {@code go test -json} events become outcomes without a Go toolchain; old and new build-error forms are quoted. */
class GoEventsTest {

    private static GoTests.Events feed(String... lines) {
        GoTests.Events events = new GoTests.Events();
        for (String line : lines) {
            events.accept(line);
        }
        return events;
    }

    @Test
    void topLevelTestsBecomeOutcomesAndSubtestsFailTheirTest() {
        GoTests.Events events = feed(
                "{\"Action\":\"run\",\"Package\":\"example.com/a\",\"Test\":\"TestOk\"}",
                "{\"Action\":\"pass\",\"Package\":\"example.com/a\",\"Test\":\"TestOk\",\"Elapsed\":0}",
                "{\"Action\":\"run\",\"Package\":\"example.com/a\",\"Test\":\"TestSub\"}",
                "{\"Action\":\"run\",\"Package\":\"example.com/a\",\"Test\":\"TestSub/inner\"}",
                "{\"Action\":\"output\",\"Package\":\"example.com/a\",\"Test\":\"TestSub/inner\","
                        + "\"Output\":\"    a_test.go:9: inner broke\\n\"}",
                "{\"Action\":\"fail\",\"Package\":\"example.com/a\",\"Test\":\"TestSub/inner\"}",
                "{\"Action\":\"fail\",\"Package\":\"example.com/a\",\"Test\":\"TestSub\"}",
                "{\"Action\":\"run\",\"Package\":\"example.com/a\",\"Test\":\"TestHangs\"}",
                "{\"Action\":\"fail\",\"Package\":\"example.com/a\"}");

        assertThat(events.outcomes()).containsExactly(
                new TestOutcome("example.com/a#TestOk", Status.PASSED, ""),
                new TestOutcome("example.com/a#TestSub", Status.FAILED, "a_test.go:9: inner broke"));
        assertThat(events.running()).isEqualTo("example.com/a#TestHangs");
        assertThat(events.packageProblems()).as("the package has a failed test of its own").isEmpty();
    }

    @Test
    void buildFailuresOnStandardErrorAreNamedWithTheirPackage() {
        GoTests.Events events = feed("# example.com/b [example.com/b.test]",
                "./main.go:3:15: undefined: undefinedCall",
                "FAIL\texample.com/b [build failed]");

        assertThat(events.outcomes()).isEmpty();
        assertThat(events.packageProblems()).singleElement().asString()
                .startsWith("example.com/b: go test failed without a failing test")
                .contains("./main.go:3:15: undefined: undefinedCall");
    }

    @Test
    void buildFailuresReportedAsEventsAreNamedWithTheirPackage() {
        GoTests.Events events = feed(
                "{\"ImportPath\":\"example.com/c [example.com/c.test]\",\"Action\":\"build-output\","
                        + "\"Output\":\"./main.go:3:15: undefined: undefinedCall\\n\"}",
                "{\"ImportPath\":\"example.com/c [example.com/c.test]\",\"Action\":\"build-fail\"}",
                "{\"Action\":\"start\",\"Package\":\"example.com/c\"}",
                "{\"Action\":\"output\",\"Package\":\"example.com/c\",\"Output\":\"FAIL\\texample.com/c [build failed]\\n\"}",
                "{\"Action\":\"fail\",\"Package\":\"example.com/c\",\"FailedBuild\":\"example.com/c [example.com/c.test]\"}");

        assertThat(events.packageProblems()).singleElement().asString()
                .startsWith("example.com/c: go test failed without a failing test")
                .contains("undefined: undefinedCall");
        assertThat(events.outcomes()).isEmpty();
    }
}
