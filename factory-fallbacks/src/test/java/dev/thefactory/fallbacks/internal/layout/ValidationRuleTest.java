package dev.thefactory.fallbacks.internal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.fallbacks.internal.domain.Domain;
import dev.thefactory.fallbacks.internal.domain.Entity;
import dev.thefactory.fallbacks.internal.domain.Field;
import dev.thefactory.fallbacks.internal.domain.FieldType;
import dev.thefactory.fallbacks.internal.domain.Operation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A validation rule is read by its content, whatever its wording, and checked against what the code enforces. */
class ValidationRuleTest {

    private static final Entity TASK = new Entity("Task", "tasks", List.of(new Field("title", FieldType.STRING, true),
            new Field("dueDate", FieldType.DATE, false), new Field("done", FieldType.BOOLEAN, false)),
            Set.of(Operation.CREATE, Operation.LIST, Operation.GET), List.of(), List.of(), List.of(), List.of(), Set.of(), List.of());
    private static final Entity TICKET = new Entity("Ticket", "tickets", List.of(
            new Field("title", FieldType.STRING, true), new Field("priority", FieldType.INT, false)),
            Set.of(Operation.CREATE, Operation.LIST, Operation.GET), List.of(), List.of(), List.of(), List.of(), Set.of(), List.of());
    private static final Domain TODO = new Domain(List.of(TASK), List.of(), List.of());
    private static final Domain HELP_DESK = new Domain(List.of(TICKET), List.of(), List.of());

    private static List<String> parts(ValidationRule rule) {
        return rule.checks().stream().map(c -> c.entity().name() + "." + c.field().name()
                + (c.isLimit() ? "<=" + c.limit() : " required")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Input is validated: a task title is required and at most 200 characters",
        "Input must be validated (title required, max 200 characters)",
        "A task title is required and at most 200 characters",
        "Titles must not be empty and no more than 200 characters",
        "Title is mandatory, up to 200 characters",
        "The title cannot be blank and is limited to 200 characters",
        "Each task needs a title of at most 200 characters"})
    void everyWordingOfTheSameRuleGetsTheSameFate(String text) {
        assertThat(ValidationRule.isRule(text)).isTrue();
        ValidationRule rule = ValidationRule.read(text, TODO, false);

        assertThat(parts(rule)).containsExactlyInAnyOrder("Task.title required", "Task.title<=200");
        assertThat(rule.differences()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A ticket title is required and at most 200 characters",
        "Input must be validated (title required, max 200 characters)"})
    void theHelpDeskWordingsOfIssue8AreTheSameRule(String text) {
        ValidationRule rule = ValidationRule.read(text, HELP_DESK, false);

        assertThat(parts(rule)).containsExactlyInAnyOrder("Ticket.title required", "Ticket.title<=200");
        assertThat(rule.differences()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "A task title is required and at most 120 characters | Task.title required | the simple backend limits text "
                + "fields to 200 characters, not 120",
        "Titles are at most 120 characters | | the simple backend limits text fields to 200 characters, not 120",
        "The due date is required | | the simple backend makes Task.dueDate optional, not required",
        "An owner is required | | no item of the generated code has a field 'owner'",
        "A title is required and must be unique | Task.title required | the simple backend checks only required "
                + "fields and text length, not 'unique'",
        "Titles must be at least 3 characters | | the simple backend enforces no minimum length (3 characters)",
        "The due date is at most 200 characters | | Task.dueDate is not a text field, so a length limit does not "
                + "apply to it",
        "Done is required | | Task.done is a yes/no field that defaults to no, so it is never missing"})
    void whatDiffersIsNamedExactly(String text, String holds, String differs) {
        ValidationRule rule = ValidationRule.read(text, TODO, false);

        assertThat(parts(rule)).containsExactlyElementsOf(holds == null ? List.of() : List.of(holds));
        assertThat(rule.differences()).containsExactly(differs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Input is validated", "All input is validated at the API boundary"})
    void aRuleThatNamesNothingChecksTheRequiredFieldsAndTheLabelLimit(String text) {
        ValidationRule rule = ValidationRule.read(text, TODO, false);

        assertThat(parts(rule)).containsExactly("Task.title required", "Task.title<=200");
        assertThat(rule.differences()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Unit tests for every feature", "Response times under 100 ms",
        "Serve a plain HTML page; no JavaScript framework", "A README that explains how to run the application",
        "Keep the task store behind an interface"})
    void otherRequirementsAreNotValidationRules(String text) {
        assertThat(ValidationRule.isRule(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A ticket title is required and at most 200 characters"})
    void aFieldThatOnlyTheJavaApiReachesIsADifferenceInAPipeline(String text) {
        Domain two = new Domain(List.of(TASK, TICKET), List.of(), List.of());

        ValidationRule rule = ValidationRule.read(text, two, true);

        assertThat(rule.checks()).isEmpty();
        assertThat(rule.differences()).contains("Ticket.title is reachable only from the Java API, not through the "
                + "pipeline");
    }
}
