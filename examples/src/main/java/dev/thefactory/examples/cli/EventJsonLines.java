package dev.thefactory.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thefactory.api.event.BuildEvent;
import dev.thefactory.api.event.BuildListener;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every build event to a file as JSON Lines: one object per line, flushed per line, so that a reader (or a
 * crash) never sees half an event. Each object has {@code type} and then every component of the event's record
 * under its own name ({@code buildId}, {@code time} as ISO-8601, {@code phase}, {@code task}, {@code percent},
 * {@code etaMillis}, ...); enums are written by name, paths and instants as strings.
 *
 * <p>Thread-safe: events arrive from the build's threads and lines are written one at a time. A write failure does
 * not fail the build (listeners never do): the first one is logged and kept for {@link #failure()}, and later events
 * are not written.
 */
final class EventJsonLines implements BuildListener, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(EventJsonLines.class);

    private final ObjectMapper mapper;
    private final Path file;
    private final BufferedWriter out;
    private IOException failure;

    /**
     * Creates (or truncates) the file, creating its parent directories.
     *
     * @param file   the events file
     * @param mapper writes the JSON
     * @throws UnusableDirectoryException when the file cannot be created
     */
    EventJsonLines(Path file, ObjectMapper mapper) {
        this.file = file.toAbsolutePath().normalize();
        this.mapper = mapper.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try {
            Path parent = this.file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = Files.newBufferedWriter(this.file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UnusableDirectoryException("--events", this.file.getParent() == null ? this.file
                    : this.file.getParent(), "the events file " + this.file + " cannot be created ("
                    + Directories.describe(e) + ")", e);
        }
    }

    @Override
    public synchronized void onEvent(BuildEvent event) {
        Objects.requireNonNull(event, "event");
        if (failure != null) {
            return;
        }
        try {
            out.write(mapper.writeValueAsString(toJson(mapper, event)));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            failure = e;
            LOG.warn("cannot write to the events file {}; no further events are written to it: {}", file,
                    Directories.describe(e));
        }
    }

    /**
     * @param mapper creates the node
     * @param event  an event
     * @return {@code type} followed by every record component of the event
     */
    static ObjectNode toJson(ObjectMapper mapper, BuildEvent event) {
        ObjectNode node = mapper.createObjectNode();
        node.put("type", event.type());
        RecordComponent[] components = event.getClass().getRecordComponents();
        if (components == null) {
            node.put("buildId", event.buildId());
            node.put("time", event.time().toString());
            return node;
        }
        for (RecordComponent component : components) {
            Object value;
            try {
                value = component.getAccessor().invoke(event);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read component " + component.getName() + " of "
                        + event.type(), e);
            }
            node.set(component.getName(), mapper.valueToTree(plain(value)));
        }
        return node;
    }

    /** Numbers, booleans and strings as they are; enums by name; anything else (instants, paths) as text. */
    private static Object plain(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        return value instanceof Enum<?> e ? e.name() : value.toString();
    }

    /** @return the first write failure, or null when every event was written */
    synchronized IOException failure() {
        return failure;
    }

    /** @return the file written to */
    Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
            throw new UncheckedIOException("cannot close the events file " + file, e);
        }
    }
}
