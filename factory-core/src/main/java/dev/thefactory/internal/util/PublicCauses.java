package dev.thefactory.internal.util;

import dev.thefactory.api.FactoryException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Rewrites the cause chain of an exception the library hands to its callers so that it holds no type of an
 * {@code internal} package: callers may catch, inspect and log every type in it, and the internals stay free to change.
 * An internal wrapper without a message of its own worth keeping (a task's failure after its retries, a phase's
 * failure) gives way to its cause; an internal time limit becomes a {@link TimeoutException}, an internal
 * {@link FactoryException} a plain one, each with the same message, context, recovery options and stack trace.
 * Stateless and thread-safe.
 */
public final class PublicCauses {

    private static final String INTERNAL = ".internal.";

    private PublicCauses() {
    }

    /**
     * @param cause a cause, possibly null
     * @return the same chain without internal types; {@code cause} itself when it has none
     */
    public static Throwable of(Throwable cause) {
        return convert(cause, new IdentityHashMap<>());
    }

    /**
     * @param type a throwable's class
     * @return whether it belongs to an internal package
     */
    public static boolean isInternal(Class<?> type) {
        return type.getName().contains(INTERNAL);
    }

    private static Throwable convert(Throwable t, Map<Throwable, Throwable> seen) {
        if (t == null) {
            return null;
        }
        if (seen.containsKey(t)) {
            return seen.get(t); // a cycle: end it where it began
        }
        seen.put(t, null);
        Throwable cause = convert(t.getCause(), seen);
        Throwable result;
        if (!isInternal(t.getClass())) {
            result = t;
            if (cause != null && cause != t.getCause()) {
                // its chain held an internal exception: hang the rewritten chain below it as a suppressed exception
                // (a cause cannot be set twice)
                t.addSuppressed(cause);
            }
        } else if (t instanceof TimeoutException) {
            result = withTrace(new TimeoutException(t.getMessage()), t);
            result.initCause(cause);
        } else if (t instanceof FactoryException fe) {
            result = withTrace(new FactoryException(fe.getMessage(), cause, fe.context(), fe.recoveryOptions()), t);
        } else if (cause != null) {
            result = cause;
        } else {
            result = withTrace(new FactoryException(t.getMessage(), null, FactoryException.ErrorContext.NONE,
                    java.util.List.of()), t);
        }
        seen.put(t, result);
        return result;
    }

    private static <T extends Throwable> T withTrace(T replacement, Throwable original) {
        replacement.setStackTrace(original.getStackTrace());
        return replacement;
    }
}
