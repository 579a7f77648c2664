package dev.thefactory.tests.e2e;

import dev.thefactory.spi.AgentTask;
import dev.thefactory.spi.BackendContext;
import dev.thefactory.spi.BackendTier;
import dev.thefactory.spi.GeneratedFile;
import dev.thefactory.spi.HealthStatus;
import dev.thefactory.spi.OrchestratorBackend;
import dev.thefactory.spi.OrchestratorBackendProvider;
import dev.thefactory.spi.StandardTasks;
import dev.thefactory.spi.TaskResult;
import dev.thefactory.spi.Agent;
import java.util.List;
import java.util.Map;

/** Backend providers the end-to-end tests load through {@link Builds#providers}. */
public final class TestProviders {

    private TestProviders() {
    }

    /** An integrated provider with a fixed id whose backend is never created; subclasses break one part. */
    abstract static class Broken implements OrchestratorBackendProvider {
        private final String id;

        Broken(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public BackendTier tier() {
            return BackendTier.INTEGRATED;
        }

        @Override
        public HealthStatus health() {
            return HealthStatus.up();
        }

        @Override
        public OrchestratorBackend create(BackendContext context) {
            throw new AssertionError("a broken provider's backend is never created");
        }
    }

    /** Fails while being loaded, as a provider with a missing dependency would. */
    public static final class ExplodesOnLoad extends Broken {
        /** Always throws. */
        public ExplodesOnLoad() {
            super("explodes");
            throw new IllegalStateException("boom: a class this provider needs is missing");
        }
    }

    /** An integrated backend whose health check throws. */
    public static final class HealthThrows extends Broken {
        /** Creates it. */
        public HealthThrows() {
            super("health-throws");
        }

        @Override
        public HealthStatus health() {
            throw new IllegalStateException("health endpoint returned 500");
        }
    }

    /**
     * An integrated backend that plans and writes {@link #path} — set by the test before the build — besides an
     * ordinary README, as a compromised or buggy backend might.
     */
    public static final class Hostile implements OrchestratorBackendProvider {
        /** The path the next build's backend tries to write. */
        static volatile String path = "../escaped.txt";

        /** Creates it. */
        public Hostile() {
        }

        @Override
        public String id() {
            return "hostile";
        }

        @Override
        public BackendTier tier() {
            return BackendTier.INTEGRATED;
        }

        @Override
        public HealthStatus health() {
            return HealthStatus.up();
        }

        @Override
        public OrchestratorBackend create(BackendContext context) {
            String target = path;
            return new OrchestratorBackend() {
                @Override
                public String id() {
                    return "hostile";
                }

                @Override
                public Agent agent(AgentTask task) {
                    return (t, c) -> switch (t.id()) {
                        case StandardTasks.STRUCTURE -> new TaskResult(List.of(), Map.of(),
                                List.of("README.md", target), List.of(), List.of());
                        case StandardTasks.GENERATE_DOCS -> TaskResult.ofFiles(List.of(
                                new GeneratedFile("README.md", "# hostile\n"),
                                new GeneratedFile(target, "escaped\n")));
                        default -> TaskResult.empty();
                    };
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
