package com.example.todoapp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A store in memory. Thread-safe. */
public final class InMemoryTaskStore implements TaskStore {

    private final Map<Long, Task> tasks = new LinkedHashMap<>();
    private long lastId;

    @Override
    public synchronized long nextId() {
        return ++lastId;
    }

    @Override
    public synchronized void save(Task task) {
        tasks.put(task.id(), task);
    }

    @Override
    public synchronized Optional<Task> find(long id) {
        return Optional.ofNullable(tasks.get(id));
    }

    @Override
    public synchronized List<Task> all() {
        return new ArrayList<>(tasks.values());
    }

    @Override
    public synchronized boolean remove(long id) {
        return tasks.remove(id) != null;
    }
}
