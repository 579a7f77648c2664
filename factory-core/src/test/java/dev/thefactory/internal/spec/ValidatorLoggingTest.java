package dev.thefactory.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Log4j2LoggerProvider;
import org.jboss.logging.Slf4jLoggerProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hibernate Validator's {@code HV000001} version line goes through SLF4J, not {@code java.util.logging}, without the
 * library setting a system property: each case runs in a fresh JVM, because JBoss Logging chooses its provider once
 * per JVM and Hibernate Validator logs its version once.
 */
class ValidatorLoggingTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theVersionLineGoesThroughSlf4jNotJavaUtilLogging() throws Exception {
        List<String> lines = childJvm();

        assertThat(lines).contains("DONE");
        assertThat(lines).as("nothing of Hibernate Validator reaches java.util.logging")
                .noneMatch(l -> l.startsWith("JUL ") && l.contains("HV000001"));
        assertThat(lines).as("slf4j-simple (the test class path's SLF4J provider) printed it")
                .anyMatch(l -> l.startsWith("ERR ") && l.contains("HV000001") && l.contains("org.hibernate.validator"));
        assertThat(System.getProperty("org.jboss.logging.provider")).as("no system property set").isNull();
    }

    /** The control: with JBoss Logging told to use the JDK, the same child sees the line in java.util.logging. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theSystemPropertyStillWins() throws Exception {
        List<String> lines = childJvm("-Dorg.jboss.logging.provider=jdk");

        assertThat(lines).contains("DONE");
        assertThat(lines).anyMatch(l -> l.startsWith("JUL ") && l.contains("HV000001"));
    }

    @Test
    void log4j2IsKeptWhereJBossLoggingWouldChooseItAndSlf4jReplacesTheJdkFallback() {
        assertThat(JBossLoggingProvider.choose(name -> false)).isInstanceOf(Slf4jLoggerProvider.class);
        assertThat(JBossLoggingProvider.choose("org.apache.logging.log4j.spi.AbstractLogger"::equals))
                .isInstanceOf(Log4j2LoggerProvider.class);
        assertThat(new JBossLoggingProvider().delegate()).as("this class path has no Log4j 2")
                .isInstanceOf(Slf4jLoggerProvider.class);
    }

    private static List<String> childJvm(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the test class path's simplelogger.properties shows warnings only, and short names
        command.addAll(List.of("-Dorg.slf4j.simpleLogger.log.org.hibernate.validator=info",
                "-Dorg.slf4j.simpleLogger.showShortLogName=false"));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ValidatorLoggingMain.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
