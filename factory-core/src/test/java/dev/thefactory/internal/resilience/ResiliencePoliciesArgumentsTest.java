package dev.thefactory.internal.resilience;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.CircuitBreakerSettings;
import dev.thefactory.api.FaultInjection;
import dev.thefactory.api.Phase;
import dev.thefactory.api.RetrySettings;
import dev.thefactory.api.TimeoutSettings;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ResiliencePoliciesArgumentsTest {

    private final Harness harness = Harness.withRetry(RetrySettings.defaults());
    private final Callable<String> ok = () -> "ok";

    @Test
    void theConstructorNamesTheNullArgument() {
        RecordingScheduler scheduler = harness.scheduler;
        assertThatThrownBy(() -> new ResiliencePolicies(null, CircuitBreakerSettings.defaults(),
                TimeoutSettings.defaults(), FaultInjection.none(), Clock.systemUTC(), scheduler, e -> { }, "b"))
                .isInstanceOf(NullPointerException.class).hasMessage("retry");
        assertThatThrownBy(() -> new ResiliencePolicies(RetrySettings.defaults(), CircuitBreakerSettings.defaults(),
                TimeoutSettings.defaults(), FaultInjection.none(), null, scheduler, e -> { }, "b"))
                .isInstanceOf(NullPointerException.class).hasMessage("clock");
        assertThatThrownBy(() -> new ResiliencePolicies(RetrySettings.defaults(), CircuitBreakerSettings.defaults(),
                TimeoutSettings.defaults(), FaultInjection.none(), Clock.systemUTC(), scheduler, e -> { }, null))
                .isInstanceOf(NullPointerException.class).hasMessage("buildId");
    }

    @Test
    void executeTaskRejectsNullAndBlankArguments() {
        assertThatThrownBy(() -> harness.policies.executeTask(null, Phase.GENERATE, "t", ok))
                .isInstanceOf(NullPointerException.class).hasMessage("backendId");
        assertThatThrownBy(() -> harness.policies.executeTask("simple", null, "t", ok))
                .isInstanceOf(NullPointerException.class).hasMessage("phase");
        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.GENERATE, null, ok))
                .isInstanceOf(NullPointerException.class).hasMessage("taskId");
        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.GENERATE, "t", null))
                .isInstanceOf(NullPointerException.class).hasMessage("attempt");
        assertThatThrownBy(() -> harness.policies.executeTask(" ", Phase.GENERATE, "t", ok))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("backendId must not be blank but was ' '");
        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.GENERATE, "", ok))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("taskId must not be blank but was ''");
        assertThatThrownBy(() -> harness.policies.circuitState(null))
                .isInstanceOf(NullPointerException.class).hasMessage("backendId");
    }

    @Test
    void taskFailureExceptionChecksItsArguments() {
        assertThatThrownBy(() -> new TaskFailureException("m", new RuntimeException(), "t", "b", Phase.GENERATE, -1,
                false)).isInstanceOf(IllegalArgumentException.class).hasMessage("attempts must be >= 0 but was -1");
        assertThatThrownBy(() -> new TaskFailureException("m", null, "t", "b", Phase.GENERATE, 1, false))
                .isInstanceOf(NullPointerException.class).hasMessage("cause");
    }
}
