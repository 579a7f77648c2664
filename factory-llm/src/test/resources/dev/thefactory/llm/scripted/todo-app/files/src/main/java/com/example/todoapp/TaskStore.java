package com.example.todoapp;

import java.util.List;
import java.util.Optional;

/** Where tasks are kept; an in-memory and a file-based store can be swapped behind it. */
public interface TaskStore {

    /** @return the next unused id */
    long nextId();

    /** @param task a task to keep, replacing one with the same id */
    void save(Task task);

    /** @param id a task's id @return the task, if kept */
    Optional<Task> find(long id);

    /** @return every task, in the order they were added */
    List<Task> all();

    /** @param id a task's id @return whether a task was removed */
    boolean remove(long id);
}
