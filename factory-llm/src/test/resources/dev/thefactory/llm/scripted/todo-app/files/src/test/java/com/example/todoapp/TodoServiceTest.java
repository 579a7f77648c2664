package com.example.todoapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class TodoServiceTest {

    private final TodoService service = new TodoService(new InMemoryTaskStore());

    @Test
    void addsATaskWithATitleAndAnOptionalDueDate() {
        Task milk = service.add("milk", LocalDate.of(2030, 1, 2));
        Task bread = service.add(" bread ", null);

        assertEquals("milk", milk.title());
        assertEquals(LocalDate.of(2030, 1, 2), milk.dueDate().orElseThrow());
        assertEquals("bread", bread.title());
        assertTrue(bread.dueDate().isEmpty());
    }

    @Test
    void listsAllTasks() {
        service.add("a", null);
        service.add("b", null);

        assertEquals(List.of("a", "b"), service.list().stream().map(Task::title).toList());
    }

    @Test
    void marksATaskComplete() {
        Task task = service.add("a", null);

        service.complete(task.id());

        assertTrue(service.list().get(0).completed());
        assertThrows(NoSuchElementException.class, () -> service.complete(99));
    }

    @Test
    void deletesATask() {
        Task task = service.add("a", null);
        service.add("b", null);

        service.delete(task.id());

        assertEquals(List.of("b"), service.list().stream().map(Task::title).toList());
        assertThrows(NoSuchElementException.class, () -> service.delete(task.id()));
    }

    @Test
    void rejectsAMissingOrTooLongTitle() {
        assertThrows(IllegalArgumentException.class, () -> service.add(" ", null));
        assertThrows(IllegalArgumentException.class, () -> service.add(null, null));
        assertThrows(IllegalArgumentException.class, () -> service.add("x".repeat(201), null));
        assertEquals(200, service.add("x".repeat(200), null).title().length());
    }
}
