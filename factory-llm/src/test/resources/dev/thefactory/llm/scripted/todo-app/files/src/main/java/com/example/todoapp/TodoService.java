package com.example.todoapp;

import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/** What a user can do with the list: add, list, complete and delete tasks. */
public final class TodoService {

    private final TaskStore store;

    /** @param store where the tasks are kept */
    public TodoService(TaskStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * @param title what to do: required, at most 200 characters
     * @param due   when it is due, or null
     * @return the new task
     * @throws IllegalArgumentException when the title is missing or too long
     */
    public Task add(String title, LocalDate due) {
        Task task = new Task(store.nextId(), title == null ? "" : title, due, false);
        store.save(task);
        return task;
    }

    /** @return every task, in the order they were added */
    public List<Task> list() {
        return store.all();
    }

    /**
     * @param id a task's id
     * @return the completed task
     * @throws NoSuchElementException when there is no such task
     */
    public Task complete(long id) {
        Task done = store.find(id).orElseThrow(() -> new NoSuchElementException("no task " + id)).complete();
        store.save(done);
        return done;
    }

    /**
     * @param id a task's id
     * @throws NoSuchElementException when there is no such task
     */
    public void delete(long id) {
        if (!store.remove(id)) {
            throw new NoSuchElementException("no task " + id);
        }
    }
}
