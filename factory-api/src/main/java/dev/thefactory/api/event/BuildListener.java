package dev.thefactory.api.event;

/**
 * Receives the events of a build. Called from the build's threads, possibly concurrently: implementations must be
 * thread-safe. A listener that throws is logged at WARN and otherwise ignored; it never fails a build.
 */
@FunctionalInterface
public interface BuildListener {

    /** @param event the event; never null */
    void onEvent(BuildEvent event);
}
