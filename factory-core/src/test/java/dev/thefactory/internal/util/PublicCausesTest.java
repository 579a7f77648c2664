package dev.thefactory.internal.util;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.AgentException;
import dev.thefactory.api.FactoryException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class PublicCausesTest {

    /** An internal wrapper, as the engine's task and phase failures are. */
    private static final class Wrapper extends Exception {
        private static final long serialVersionUID = 1L;

        Wrapper(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An internal time limit, as the attempt runner's is. */
    private static final class InternalTimeout extends TimeoutException {
        private static final long serialVersionUID = 1L;

        InternalTimeout(String message) {
            super(message);
        }
    }

    /** An internal FactoryException, as the circuit breaker's refusal is. */
    private static final class InternalFactoryException extends FactoryException {
        private static final long serialVersionUID = 1L;

        InternalFactoryException(String message) {
            super(message, null, ErrorContext.ofBuild("b-1"), List.of("continue on the next backend"));
        }
    }

    @Test
    void internalWrappersGiveWayToTheirPublicCause() {
        AgentException agent = AgentException.transientFailure("model output rejected");

        Throwable cause = PublicCauses.of(new Wrapper("task failed after 5 attempts", agent));

        assertThat(cause).isSameAs(agent);
        IOException io = new IOException("reset");
        assertThat(PublicCauses.of(new Wrapper("task failed", new Wrapper("attempt failed", io)))).isSameAs(io);
    }

    @Test
    void internalTimeoutsAndFactoryExceptionsBecomeTheirPublicTypesWithTheSameMessageAndTrace() {
        InternalTimeout timeout = new InternalTimeout("attempt 3 ran past its time limit of 60000 ms");
        timeout.initCause(new InterruptedException());

        Throwable cause = PublicCauses.of(new Wrapper("task failed", timeout));

        assertThat(cause.getClass()).isEqualTo(TimeoutException.class);
        assertThat(cause).hasMessage("attempt 3 ran past its time limit of 60000 ms")
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(cause.getStackTrace()).isEqualTo(timeout.getStackTrace());

        InternalFactoryException open = new InternalFactoryException("the circuit of backend 'simple' is open");
        Throwable circuit = PublicCauses.of(open);
        assertThat(circuit.getClass()).isEqualTo(FactoryException.class);
        assertThat(circuit).hasMessage(open.getMessage());
        assertThat(((FactoryException) circuit).recoveryOptions()).isEqualTo(open.recoveryOptions());
    }

    @Test
    void aChainWithoutInternalTypesIsReturnedAsItIsAndNullStaysNull() {
        IOException io = new IOException("disk full");
        assertThat(PublicCauses.of(io)).isSameAs(io);
        assertThat(PublicCauses.of(null)).isNull();
    }

    @Test
    void anInternalExceptionWithoutACauseKeepsItsMessageInAFactoryException() {
        Throwable cause = PublicCauses.of(new Wrapper("phase GENERATE failed", null));

        assertThat(cause.getClass()).isEqualTo(FactoryException.class);
        assertThat(cause).hasMessage("phase GENERATE failed");
        assertThat(((FactoryException) cause).recoveryOptions()).isEqualTo(List.of());
    }
}
