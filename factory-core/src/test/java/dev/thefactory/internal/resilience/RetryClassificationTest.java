package dev.thefactory.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thefactory.api.AgentException;
import dev.thefactory.api.FactoryException;
import dev.thefactory.api.OutputValidationException;
import dev.thefactory.api.Phase;
import dev.thefactory.api.SpecValidationException;
import dev.thefactory.api.UnsafePathException;
import dev.thefactory.api.event.RetryScheduled;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RetryClassificationTest {

    static Stream<Arguments> transientFailures() {
        return Stream.of(
                Arguments.of(new IOException("reset")),
                Arguments.of(new ConnectException("refused")),
                Arguments.of(new FileNotFoundException("gone for now")),
                Arguments.of(new UncheckedIOException(new IOException("reset"))),
                Arguments.of(new TimeoutException("slow")),
                Arguments.of(new AttemptTimeoutException("slow", Duration.ofSeconds(1), true, null)),
                Arguments.of(AgentException.transientFailure("rate limited")),
                Arguments.of(new ExecutionException(new IOException("wrapped"))),
                Arguments.of(new CompletionException(AgentException.transientFailure("wrapped"))));
    }

    static Stream<Arguments> permanentFailures() {
        return Stream.of(
                Arguments.of(AgentException.permanentFailure("cannot do it")),
                Arguments.of(new AgentException("bad input", new IOException("underlying io"), false)),
                Arguments.of(new SpecValidationException("spec.md",
                        List.of(SpecValidationException.Violation.of("name", "must not be blank")))),
                Arguments.of(new OutputValidationException(List.of("Main.java does not compile"),
                        FactoryException.ErrorContext.NONE)),
                Arguments.of(new UnsafePathException("../etc/passwd", "escapes the output root")),
                Arguments.of(new FactoryException("other", List.of())),
                Arguments.of(new IllegalStateException("bug")),
                Arguments.of(new NullPointerException("bug")),
                Arguments.of(new InterruptedException("stop")),
                Arguments.of(new StackOverflowError()),
                Arguments.of(new ExecutionException(new IllegalArgumentException("wrapped"))));
    }

    @ParameterizedTest
    @MethodSource("transientFailures")
    void transientFailuresAreClassifiedTransient(Throwable failure) {
        assertThat(ResiliencePolicies.isTransient(failure)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("permanentFailures")
    void permanentFailuresAreClassifiedPermanent(Throwable failure) {
        assertThat(ResiliencePolicies.isTransient(failure)).isFalse();
    }

    @Test
    void aTaskFailureIsJudgedByItsLastFailure() {
        TaskFailureException exhausted = new TaskFailureException("m", new IOException("down"), "t", "simple",
                Phase.GENERATE, 3, false);
        TaskFailureException permanent = new TaskFailureException("m", AgentException.permanentFailure("no"), "t",
                "simple", Phase.GENERATE, 1, false);

        assertThat(ResiliencePolicies.isTransient(exhausted)).isTrue();
        assertThat(ResiliencePolicies.isTransient(permanent)).isFalse();
    }

    @Test
    void nullIsNotTransient() {
        assertThat(ResiliencePolicies.isTransient(null)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("transientFailures")
    void transientFailuresAreRetriedUpToMaxAttempts(Throwable failure) {
        Harness harness = Harness.withRetry(Harness.exactRetry(4, 10, 100, 2.0));
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.GENERATE, "t", () -> {
            calls.incrementAndGet();
            throw sneaky(failure);
        })).isInstanceOfSatisfying(TaskFailureException.class, e -> {
            assertThat(e.attempts()).isEqualTo(4);
            assertThat(e.isTransient()).isTrue();
            assertThat(e.getCause()).isSameAs(unwrapped(failure));
        });

        assertThat(calls).hasValue(4);
        assertThat(harness.events(RetryScheduled.class)).hasSize(3);
    }

    @ParameterizedTest
    @MethodSource("permanentFailures")
    void permanentFailuresAreTriedOnce(Throwable failure) {
        Harness harness = Harness.withRetry(Harness.exactRetry(4, 10, 100, 2.0));
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> harness.policies.executeTask("simple", Phase.GENERATE, "t", () -> {
            calls.incrementAndGet();
            throw sneaky(failure);
        })).isInstanceOfSatisfying(TaskFailureException.class, e -> {
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.isTransient()).isFalse();
            assertThat(e.isCircuitOpen()).isFalse();
            assertThat(e.getCause()).isSameAs(unwrapped(failure));
            assertThat(e.getMessage()).contains("permanent failure that is never retried");
        });

        assertThat(calls).hasValue(1);
        assertThat(harness.events(RetryScheduled.class)).isEmpty();
        assertThat(harness.scheduler.retryDelaysMillis()).isEmpty();
    }

    private static Throwable unwrapped(Throwable failure) {
        Throwable current = failure;
        while (current instanceof ExecutionException || current instanceof CompletionException) {
            current = current.getCause();
        }
        return current;
    }

    /** Throws any throwable from a Callable, checked or not. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable failure) throws E {
        throw (E) failure;
    }
}
