package dev.thefactory.temporal;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where builds run on Temporal: a Temporal service at {@code HOST:PORT} ({@link #connect(String)}), or Temporal's
 * in-process test server started in this JVM ({@link #inProcess()}), which needs no server and keeps nothing when the
 * JVM ends — for trying it out and for tests. Closing a target closes its connection (and stops an in-process
 * server).
 *
 * <p>Thread-safe; its {@link #client()} is shared by every build and worker that use it.
 *
 * <pre>{@code
 * try (TemporalTarget target = TemporalTarget.connect("temporal.example.org:7233")) {
 *     BuildResult result = TemporalFactory.builder().client(target.client()).build().run(factory);
 * }
 * }</pre>
 */
public final class TemporalTarget implements AutoCloseable {

    /** The name of the in-process target, as the command line spells it. */
    public static final String IN_PROCESS = "in-process";

    /** How long {@link #connect(String)} waits for the service to answer. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.\\-]+:[0-9]{1,5}|\\[[0-9A-Fa-f:.]+\\]:[0-9]{1,5}");

    private final String name;
    private final WorkflowClient client;
    private final AutoCloseable resource;

    private TemporalTarget(String name, WorkflowClient client, AutoCloseable resource) {
        this.name = name;
        this.client = client;
        this.resource = resource;
    }

    /**
     * Parses a target as the command line gives it.
     *
     * @param target {@code HOST:PORT} or {@value #IN_PROCESS}
     * @return the connected target
     * @throws IllegalArgumentException      when it is neither
     * @throws TemporalUnavailableException when the service does not answer
     */
    public static TemporalTarget of(String target) {
        Objects.requireNonNull(target, "target");
        return IN_PROCESS.equals(target) ? inProcess() : connect(target);
    }

    /**
     * Checks the form of a target without connecting.
     *
     * @param target a target
     * @throws IllegalArgumentException when it is neither {@code HOST:PORT} (port 1-65535) nor {@value #IN_PROCESS}
     */
    public static void check(String target) {
        Objects.requireNonNull(target, "target");
        if (IN_PROCESS.equals(target)) {
            return;
        }
        if (!HOST_PORT.matcher(target).matches()) {
            throw new IllegalArgumentException("target must be HOST:PORT (such as localhost:7233) or " + IN_PROCESS
                    + " but was '" + target + "'");
        }
        int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("target's port must be 1-65535 but was " + port + " in '" + target
                    + "'");
        }
    }

    /**
     * Connects to a Temporal service and checks that it answers.
     *
     * @param hostPort the service's frontend, {@code HOST:PORT}
     * @return the connected target, in the {@code default} namespace
     * @throws IllegalArgumentException      when {@code hostPort} is not {@code HOST:PORT}
     * @throws TemporalUnavailableException when the service does not answer within {@link #CONNECT_TIMEOUT}
     */
    public static TemporalTarget connect(String hostPort) {
        check(hostPort);
        if (IN_PROCESS.equals(hostPort)) {
            throw new IllegalArgumentException("target must be HOST:PORT here but was '" + hostPort
                    + "'; use TemporalTarget.inProcess() for the in-process server");
        }
        WorkflowServiceStubs stubs;
        try {
            stubs = WorkflowServiceStubs.newConnectedServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                    .setTarget(hostPort).build(), CONNECT_TIMEOUT);
        } catch (RuntimeException e) {
            throw new TemporalUnavailableException("Could not reach the Temporal service at " + hostPort + " within "
                    + CONNECT_TIMEOUT.toSeconds() + " s: " + e.getMessage(), e, hostPort);
        }
        WorkflowClient client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
                .setDataConverter(FactoryDataConverter.create()).build());
        return new TemporalTarget(hostPort, client, () -> {
            stubs.shutdown();
            stubs.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        });
    }

    /**
     * Starts Temporal's in-process test server in this JVM (real time: no time skipping).
     *
     * @return the target; closing it stops the server and loses its histories
     * @throws TemporalUnavailableException when the server cannot start
     */
    public static TemporalTarget inProcess() {
        TestWorkflowEnvironment environment;
        try {
            environment = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                    .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                            .setDataConverter(FactoryDataConverter.create()).build())
                    .setUseTimeskipping(false).build());
        } catch (RuntimeException | LinkageError e) {
            throw new TemporalUnavailableException("Could not start Temporal's in-process test server: " + e, e,
                    IN_PROCESS);
        }
        return new TemporalTarget(IN_PROCESS, environment.getWorkflowClient(), environment::close);
    }

    /** @return the client of this target's service */
    public WorkflowClient client() {
        return client;
    }

    /** @return {@code HOST:PORT}, or {@value #IN_PROCESS} */
    public String name() {
        return name;
    }

    /** @return whether this is the in-process test server */
    public boolean isInProcess() {
        return IN_PROCESS.equals(name);
    }

    @Override
    public void close() {
        try {
            resource.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close the Temporal target " + name + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return "TemporalTarget[" + name + "]";
    }
}
