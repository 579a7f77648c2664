package dev.thefactory.internal.spec;

import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.LogManager;
import org.jboss.logging.JBossLogManagerProvider;
import org.jboss.logging.Log4j2LoggerProvider;
import org.jboss.logging.Logger;
import org.jboss.logging.LoggerProvider;
import org.jboss.logging.Slf4jLoggerProvider;

/**
 * Tells JBoss Logging, through which Hibernate Validator logs (its {@code HV000001} version line among others), where
 * to log: where JBoss Logging would otherwise fall back to {@code java.util.logging} — no JBoss LogManager, no Log4j 2,
 * no Logback — it logs through SLF4J, like the rest of The Factory. A JBoss LogManager or Log4j 2 in the application is
 * still used as JBoss Logging would use it, and the system property {@code org.jboss.logging.provider} still wins
 * (JBoss Logging reads it before it asks {@link java.util.ServiceLoader}, which finds this class through
 * {@code META-INF/services/org.jboss.logging.LoggerProvider}). No global setting is changed and no SLF4J provider is
 * bound: without one, SLF4J discards the lines.
 *
 * <p>Public only for {@link java.util.ServiceLoader}. Thread-safe: every call goes to the provider chosen when this
 * one was created.
 */
public final class JBossLoggingProvider implements LoggerProvider {

    private final LoggerProvider delegate;

    /** Chooses the provider JBoss Logging would choose, with SLF4J in place of {@code java.util.logging}. */
    public JBossLoggingProvider() {
        ClassLoader loader = JBossLoggingProvider.class.getClassLoader();
        this.delegate = choose(className -> present(className, loader));
    }

    /**
     * @param present whether a class of this name can be loaded
     * @return the JBoss LogManager's provider when it is the JDK's log manager, else Log4j 2's when its API is
     *         present, else SLF4J's
     */
    static LoggerProvider choose(Predicate<String> present) {
        if ("org.jboss.logmanager.LogManager".equals(LogManager.getLogManager().getClass().getName())) {
            return new JBossLogManagerProvider();
        }
        if (present.test("org.apache.logging.log4j.spi.AbstractLogger")) {
            return new Log4j2LoggerProvider();
        }
        return new Slf4jLoggerProvider();
    }

    private static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Returns the provider that does the logging.
     *
     * @return the chosen provider
     */
    LoggerProvider delegate() {
        return delegate;
    }

    @Override
    public Logger getLogger(String name) {
        return delegate.getLogger(name);
    }

    @Override
    public void clearMdc() {
        delegate.clearMdc();
    }

    @Override
    public Object putMdc(String key, Object value) {
        return delegate.putMdc(key, value);
    }

    @Override
    public Object getMdc(String key) {
        return delegate.getMdc(key);
    }

    @Override
    public void removeMdc(String key) {
        delegate.removeMdc(key);
    }

    @Override
    public Map<String, Object> getMdcMap() {
        return delegate.getMdcMap();
    }

    @Override
    public void clearNdc() {
        delegate.clearNdc();
    }

    @Override
    public String getNdc() {
        return delegate.getNdc();
    }

    @Override
    public int getNdcDepth() {
        return delegate.getNdcDepth();
    }

    @Override
    public String popNdc() {
        return delegate.popNdc();
    }

    @Override
    public String peekNdc() {
        return delegate.peekNdc();
    }

    @Override
    public void pushNdc(String message) {
        delegate.pushNdc(message);
    }

    @Override
    public void setNdcMaxDepth(int maxDepth) {
        delegate.setNdcMaxDepth(maxDepth);
    }
}
