package dev.thefactory.internal.events;

import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.BuildListener;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans every event out to the build's listeners, in registration order. A listener that throws is logged at WARN
 * (with the build id, the listener and the event) and the event still reaches the other listeners; a listener never
 * fails a build. Only a {@link VirtualMachineError} (out of memory, stack overflow) is let through, since nothing can be
 * relied on after one.
 *
 * <p>Thread-safe: the listener list is fixed at construction and events may be dispatched from any thread.
 * Listeners must be thread-safe themselves (see {@link BuildListener}). No argument may be null.
 */
public final class EventDispatcher implements BuildListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final List<BuildListener> listeners;

    /**
     * @param listeners the listeners, in the order they receive events; copied
     * @throws NullPointerException if {@code listeners} or one of its elements is null
     */
    public EventDispatcher(List<BuildListener> listeners) {
        this.listeners = List.copyOf(Objects.requireNonNull(listeners, "listeners"));
    }

    /**
     * @param extra a listener to add after the existing ones
     * @return a new dispatcher delivering to this one's listeners and then to {@code extra}
     * @throws NullPointerException if {@code extra} is null
     */
    public EventDispatcher with(BuildListener extra) {
        Objects.requireNonNull(extra, "extra");
        java.util.ArrayList<BuildListener> all = new java.util.ArrayList<>(listeners);
        all.add(extra);
        return new EventDispatcher(all);
    }

    /** @return how many listeners receive events */
    public int size() {
        return listeners.size();
    }

    /**
     * Delivers {@code event} to every listener; a listener's failure is logged and does not stop delivery.
     *
     * @param event the event
     * @throws NullPointerException if {@code event} is null
     */
    @Override
    public void onEvent(BuildEvent event) {
        Objects.requireNonNull(event, "event");
        for (BuildListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (RuntimeException | Error failure) {
                LOG.warn("[build {}] listener {} threw while handling {}; the build goes on without it for this "
                                + "event: {}", event.buildId(), listener.getClass().getName(), event.type(),
                        failure.toString(), failure);
            }
        }
    }
}
