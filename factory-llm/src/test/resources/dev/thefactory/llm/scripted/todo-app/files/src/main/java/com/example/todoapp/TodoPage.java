package com.example.todoapp;

import java.util.List;

/** The application's one page: plain HTML, a form to add a task and one row per task. */
public final class TodoPage {

    private TodoPage() {
    }

    /**
     * @param tasks the tasks to show
     * @param error a message to show above the form, or null
     * @return the page
     */
    public static String render(List<Task> tasks, String error) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\">"
                + "<title>Todo App</title></head>\n<body>\n<h1>Tasks</h1>\n");
        if (error != null) {
            html.append("<p class=\"error\">").append(escape(error)).append("</p>\n");
        }
        html.append("<form method=\"post\" action=\"/add\"><input name=\"title\" maxlength=\"200\" required>"
                + "<input name=\"due\" type=\"date\"><button>Add</button></form>\n<ul>\n");
        for (Task task : tasks) {
            html.append("<li class=\"").append(task.completed() ? "done" : "open").append("\">")
                    .append(escape(task.title()));
            task.dueDate().ifPresent(due -> html.append(" (due ").append(due).append(')'));
            if (!task.completed()) {
                html.append(form("/complete", task.id(), "Done"));
            }
            html.append(form("/delete", task.id(), "Delete")).append("</li>\n");
        }
        return html.append("</ul>\n</body>\n</html>\n").toString();
    }

    private static String form(String action, long id, String label) {
        return " <form method=\"post\" action=\"" + action + "\"><input type=\"hidden\" name=\"id\" value=\"" + id
                + "\"><button>" + label + "</button></form>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
