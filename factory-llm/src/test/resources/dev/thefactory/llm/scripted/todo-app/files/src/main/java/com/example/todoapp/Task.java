package com.example.todoapp;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A task of the list.
 *
 * @param id        its number, unique in the store
 * @param title     what to do: 1 to {@value #MAX_TITLE} characters
 * @param due       when it is due, or null
 * @param completed whether it is done
 */
public record Task(long id, String title, LocalDate due, boolean completed) {

    /** The longest title. */
    public static final int MAX_TITLE = 200;

    /** @throws IllegalArgumentException when the title is missing or too long */
    public Task {
        Objects.requireNonNull(title, "title");
        title = title.strip();
        if (title.isEmpty()) {
            throw new IllegalArgumentException("a task needs a title");
        }
        if (title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("a title has at most " + MAX_TITLE + " characters, this one has "
                    + title.length());
        }
    }

    /** @return the due date, if any */
    public Optional<LocalDate> dueDate() {
        return Optional.ofNullable(due);
    }

    /** @return this task, completed */
    public Task complete() {
        return new Task(id, title, due, true);
    }
}
