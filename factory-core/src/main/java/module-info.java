/**
 * The engine: {@code dev.thefactory.Factory} and its companions. Only {@code dev.thefactory} is exported; the
 * {@code dev.thefactory.internal} packages are implementation.
 */
// micrometer-observation ships no module descriptor: it is an automatic module (docs/architecture-decisions.md).
// "module": a qualified export to a module of ours built after this one (e.g. an engine package exported to a
// durable-execution module) names a module javac cannot see yet
@SuppressWarnings({"requires-automatic", "module"})
module dev.thefactory.core {
    requires transitive dev.thefactory.api;
    requires java.compiler;
    requires java.xml;
    requires dev.failsafe.core;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    requires org.commonmark;
    requires org.commonmark.ext.gfm.tables;
    requires org.hibernate.validator;
    // Hibernate Validator logs through JBoss Logging; our provider routes it to SLF4J (internal.spec)
    requires org.jboss.logging;
    requires org.slf4j;
    // JUnitPlatformChild is copied into a child JVM that runs a generated project's tests
    requires org.junit.platform.launcher;
    // optional: used only when a registry is handed to Factory.Builder.observationRegistry. Not transitive: javac
    // needs every 'requires static transitive' module to compile a module that reads this one, and an application
    // without Micrometer must compile; one that calls observationRegistry requires micrometer.observation itself
    requires static micrometer.observation;

    exports dev.thefactory;
    // internal packages go only to modules of ours that need them, one 'exports <package> to <module>' each

    // Jackson writes and reads the checkpoint payloads, the build metadata and the test-run reports, records of these
    // packages
    opens dev.thefactory.internal.engine to com.fasterxml.jackson.databind;
    opens dev.thefactory.internal.state to com.fasterxml.jackson.databind;
    opens dev.thefactory.internal.output to com.fasterxml.jackson.databind;
    opens dev.thefactory.internal.output.testrun to com.fasterxml.jackson.databind;

    uses dev.thefactory.spi.OrchestratorBackendProvider;
    uses dev.thefactory.spi.PatternStore;
    uses dev.thefactory.spi.OutputValidator;

    provides dev.thefactory.spi.OrchestratorBackendProvider
            with dev.thefactory.internal.minimal.MinimalBackendProvider;
    provides org.jboss.logging.LoggerProvider with dev.thefactory.internal.spec.JBossLoggingProvider;
}
