package dev.thefactory.fallbacks.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.ProjectType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the simple backend claims for a sentence among the other features of its spec (separated by " + ", the
 * sentence last), and what it leaves in the generated model: an item is built only from a feature that adds it;
 * "status" is the yes/no field only when the spec names no other status values; a feature that is not generated
 * leaves nothing behind; several values or a time of day kept in one text are gaps; reasons name what the sentence
 * says. The sentences come from a new user's trial (a bug tracker, a log analyzer, recipes, gym classes, club
 * members, warehouse transfers).
 */
class HonestDomainTableTest {

    private static Domain domain(ProjectType type, String features) {
        return new DomainBuilder().build(ProjectSpec.builder("Table", type)
                .features(new ArrayList<>(Arrays.asList(features.split(" \\+ "))), List.of()).build());
    }

    private static String status(FeatureMapping mapping) {
        return !mapping.supported() ? "NOT_IMPLEMENTED" : mapping.complete() ? "IMPLEMENTED" : "PARTIAL";
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # an item whose adding feature is not understood is built by no other feature
        Reporters can lodge bugs with a title and a severity + Managers assign bugs to developers | NOT_IMPLEMENTED | - | no feature that adds bugs was understood: 'Reporters can lodge bugs with a title and a severity' is not generated ('lodge' is no operation verb
        Reporters can lodge bugs with a title and a severity + Filter bugs by severity and status | NOT_IMPLEMENTED | - | no feature that adds bugs was understood
        Lodge transfers of a quantity of a product + Ship approved transfers | NOT_IMPLEMENTED | - | no feature that adds transfers was understood: 'Lodge transfers of a quantity of a product'
        # a trade verb adds the item (the verb itself is its gap), so its items are built; 'approved' is a gap
        Order transfers of a quantity of a product + Ship approved transfers | PARTIAL | approved | -
        Reporters can lodge bugs with a title + Add bugs with a title and a severity + Filter bugs by severity | IMPLEMENTED | - | -
        Export products to PDF + List products                            | IMPLEMENTED     | - | -
        # status is the yes/no field only when the spec names no other status values
        Add bugs with a title and a severity + Bugs follow the workflow new -> in progress -> resolved -> closed + Filter bugs by status | IMPLEMENTED | - | -
        Add tasks with a title + Filter tasks by status                     | IMPLEMENTED     | - | -
        Add transfers with a quantity + List transfers filtered by status (requested, approved, rejected, shipped, received) | IMPLEMENTED | - | -
        # values a filter names are all values of the field, or a gap
        Add bugs with a title and a severity + Filter bugs by severity (low, medium, high, critical) | IMPLEMENTED | - | -
        Add bugs with a title and a severity + Filter bugs by severity (high, medium) | IMPLEMENTED | - | -
        Add bugs with a title and a severity + Filter bugs by severity (high, urgent) | PARTIAL | urgent | -
        Add bugs with a title and a severity (minor, major) + Filter bugs by severity (major, blocker, trivial) | PARTIAL | blocker, trivial | -
        # a threshold compares a field that exists; a comparison number and a sort direction are no fields
        Add requests with a path and a status + List requests with a status of 500 or above | NOT_IMPLEMENTED | - | 'status of 500 or above' compares status, which is not a number
        Add requests with a path and a status code + Find requests with a status of 500 or above | NOT_IMPLEMENTED | - | 'status of 500 or above' compares status
        Add requests with a path and a duration + Find requests with a duration of 500 or above | IMPLEMENTED | - | -
        Add products with a name and a SKU + Find products below a threshold | NOT_IMPLEMENTED | - | names no field to compare
        Add endpoints with a path and a latency + Sort endpoints by path descending | PARTIAL | descending | -
        Add endpoints with a path and a latency + Sort endpoints by path ascending | IMPLEMENTED | - | -
        # several values, or a time of day, kept in one text are gaps
        Add recipes with a title, a number of servings and a list of ingredients | PARTIAL | list of ingredients (stored as one text) | -
        Add students with a name and several courses                        | PARTIAL         | several courses (stored as one text) | -
        Add courses with a title + Add students with a name and courses      | PARTIAL         | courses (stored as one text) | -
        Schedule appointments with a doctor, a date and a time              | PARTIAL         | time (stored as text) | -
        Add runs with a name and a response time                            | PARTIAL         | response time (stored as text) | -
        # a moment with its time of day is a date-time, sorted as one
        Schedule classes with a name, an instructor, a start time and a capacity | IMPLEMENTED | - | -
        Add events with a title and a created_at                            | IMPLEMENTED     | - | -
        Import requests from CSV files with a timestamp and a path          | IMPLEMENTED     | - | -
        Schedule classes with a name and a start time + List classes sorted by start time | IMPLEMENTED | - | -
        # a plural field name of several words is the declared field
        Register members with a username and a display name + Update member display names | IMPLEMENTED | - | -
        # gaps are whole phrases
        Add loans with a book and a due date + Export the list of overdue loans as CSV | NOT_IMPLEMENTED | - | 'overdue' says which loans the feature is about, which is not generated, and exporting all loans would not honour it
        # reasons name what the sentence says
        Compute the p95 duration per path                                   | NOT_IMPLEMENTED | - | 'Compute' is no operation verb
        Read URLs from a text file                                          | NOT_IMPLEMENTED | - | 'Read' from a text file is no operation verb the simple backend generates: it reads items only from CSV files
        Add warehouses with a name + A transfer cannot be requested for more than the stock available at the source warehouse | NOT_IMPLEMENTED | - | 'cannot be requested for more than the stock available at the source warehouse' is a rule that limits a value
        Add tickets with a title + Each ticket gets a unique QR code        | NOT_IMPLEMENTED | - | asks the project to generate a value for each item
        Add warehouses with a name + Warehouse managers approve or reject transfer requests | NOT_IMPLEMENTED | - | no feature says what a transfer request holds
        Add classes with a name and a capacity + Show how many spots are left in each class | NOT_IMPLEMENTED | - | 'how many spots are left in each class' is a figure
        Add recipes with a title + Each ingredient has a name, a quantity and a unit | NOT_IMPLEMENTED | - | 'Each ingredient has a name, a quantity and a unit' says what ingredients hold
        # a field phrase "X to Y" is one field; a repeated "with" and the word that introduces columns are no names
        Reporters can file bugs with a title, a severity and steps to reproduce | IMPLEMENTED | - | -
        Add tasks with a title and time to complete                          | IMPLEMENTED     | - | -
        Import gate events from CSV files with columns lot_id, plate and direction | IMPLEMENTED | - | -
        Add dentists with a name + Add visits with a dentist, with a date and with a note | PARTIAL | dentist as a reference to an existing Dentist | -
        # an owner's items: the owner is a scope, a gap unless honoured, never part of the items' name
        Add appointments with a date and a duration + Export a dentist's appointments of a month as CSV | NOT_IMPLEMENTED | - | says which appointments the feature is about
        Add appointments with a date and a duration + Export a dentist's appointments as CSV | NOT_IMPLEMENTED | - | 'a dentist's' says which appointments
        Add appointments with a date and a duration + Delete a dentist's appointments | PARTIAL | a dentist's | -
        Add loans with a date + List a member's loans                        | NOT_IMPLEMENTED | - | 'a member's' says which loans the feature is about
        Add loans with a date + Export loans of a member as CSV              | NOT_IMPLEMENTED | - | 'of a member' says which loans
        # create verbs: request records an item; a trade verb that places an item into another records a booking
        Add products with a name + Request transfers of a quantity of a product | PARTIAL | product as a reference to an existing Product | -
        Add members with a name + Add classes with a name + Book a member into a class so that their spot is held | PARTIAL | that their spot is held / member as a reference to an existing Member / class as a reference to an existing ClassItem | -
        Add members with a name + Add classes with a name + As a receptionist, I want to book members into classes | PARTIAL | member as a reference to an existing Member / class as a reference to an existing ClassItem | -
        # an owner, a possessive determiner or an adjective says which items: a list, get, sort or export of all is
        # not implemented, a change leaves it as a gap; only a feature that adds items names them
        Add pets with a name + Record visits for a pet with a date and a diagnosis + List a pet's visits | NOT_IMPLEMENTED | - | 'a pet's' says which visits
        Add tasks with a title and an owner + Show my tasks                 | NOT_IMPLEMENTED | - | 'my' says which tasks
        Add tasks with a title and an owner + Users can export their tasks as CSV | NOT_IMPLEMENTED | - | 'their' says which tasks the feature is about, which is not generated, and exporting all tasks
        Add tasks with a title and an owner + List tasks assigned to me     | NOT_IMPLEMENTED | - | 'assigned' says which tasks
        Add tasks with a title + Mark my tasks complete                     | PARTIAL         | my | -
        Log time entries with a project, a note and a duration in minutes + List unbilled time entries | NOT_IMPLEMENTED | - | 'unbilled' says which time entries
        Log time entries with a project and a note + Edit a time entry's note | IMPLEMENTED   | - | -
        Add recipes with a title + As a visitor, I can browse the newest recipes | NOT_IMPLEMENTED | - | 'newest' says which recipes
        Submit talks with a title and a duration + Schedule accepted talks with a start time | PARTIAL | accepted | -
        Add invoices with a number and an amount + Get the invoice with the highest amount | NOT_IMPLEMENTED | - | 'with the highest amount' says which invoices the feature is about, which is not generated, and getting any one of all invoices
        Add readings with a value and a date + List readings between two dates | NOT_IMPLEMENTED | - | 'between two dates' says which readings
        Add talks with a title and a start time + List the talks of a room sorted by start time | NOT_IMPLEMENTED | - | 'of a room' says which talks the feature is about, which is not generated, and sorting all talks
        # a lone container word after the verb is the item; a reference of a create is required like a field
        Create boards with a title + Create lists with a name and a position + Rename lists | IMPLEMENTED | - | -
        Create boards with a title + Create lists with a name and a position + Delete lists | IMPLEMENTED | - | -
        Add customers with a name + Add orders with a customer id, a total and a date | PARTIAL | customer id as a reference to an existing Customer | -
        # criteria: "by A and B" is one query, "then by B" a second key: neither is generated; the id is every item's key
        Add books with a title, a genre and a publication year + Filter books by genre and publication year | PARTIAL | genre and publication year together | -
        Add books with a title, a genre and a publication year + Search books by title or genre | IMPLEMENTED | - | -
        Add books with a title and an author + Sort books by title, then by author | PARTIAL | then by author | -
        Add expenses with a title and an amount + Delete an expense by its id | IMPLEMENTED | - | -
        Add items with a name + Mark all items as discontinued               | PARTIAL         | all items | -
        Add items with a name + Delete several items at once                | PARTIAL         | at once / several items | -
        Add parcels with a tracking number and a status + Parcel status: created -> in transit -> delivered + Update a parcel's status | IMPLEMENTED | - | -
        Add expenses with a title and an amount in cents + List all expenses sorted by amount descending | PARTIAL | descending | -
        Add runs with a date and a duration in minutes + Sort runs by duration | IMPLEMENTED | - | -
        Add parcels with a label and a weight in kg + List parcels heavier than a given weight | IMPLEMENTED | - | -
        Add products with a name and a price + Find products cheaper than a price | IMPLEMENTED | - | -
        Add products with a name and a price + List products heavier than a given weight | NOT_IMPLEMENTED | - | compares weight
        Add parcels with a tracking number + Look up a parcel by its tracking number | IMPLEMENTED | - | -
        Submit talks with a title + Organizers accept or reject submitted talks | PARTIAL | submitted | -
        Submit talks with a title + Email speakers when their talk is accepted | NOT_IMPLEMENTED | - | sending emails
        Add tasks with a title + Search tasks by title (case-insensitive)    | IMPLEMENTED     | - | -
        Add events with a title, a date (YYYY-MM-DD) and an optional URL    | IMPLEMENTED     | - | -
        Add appointments with a date + Cancel appointments (front desk staff only) | PARTIAL | front desk staff only | -
        # a label before the sentence names it; a role before it does not
        Add chores with a title + **Chore list**: list all chores, sorted by title | IMPLEMENTED | - | -
        Chore creation: add chores with a title, an assignee and a due date | IMPLEMENTED   | - | -
        Add items with a name + Admins: delete items                        | PARTIAL         | Admins | -
        Users sign up with an email and a password                          | NOT_IMPLEMENTED | - | logging in and access control
        # a workflow is status values, a rule over several items is a rule: neither is an item
        Add appointments with a date + Appointments move through booked -> confirmed -> completed, or booked -> cancelled | NOT_IMPLEMENTED | - | 'booked -> confirmed -> completed, or booked -> cancelled' is a workflow of status values
        Add appointments with a date + Two appointments of the same dentist never overlap | NOT_IMPLEMENTED | - | 'Two appointments of the same dentist never overlap' is a rule the items must obey
        Add shifts with a date + Shifts of one nurse must not overlap       | NOT_IMPLEMENTED | - | is a rule the items must obey
        """)
    void claimsOnlyWhatIsHonoured(String features, String expected, String gaps, String reason) {
        Domain domain = domain(ProjectType.API_SERVICE, features);
        FeatureMapping mapping = domain.features().get(domain.features().size() - 1);
        assertThat(status(mapping)).as("status of '%s' (%s)", mapping.text(), mapping).isEqualTo(expected);
        assertThat(mapping.gaps()).as("gaps of '%s'", mapping.text())
                .isEqualTo(gaps == null ? List.of() : Arrays.asList(gaps.split(" / ")));
        if (reason != null) {
            assertThat(mapping.detail()).as("reason for '%s'", mapping.text())
                    .startsWith("not generated by the simple backend: ").contains(reason);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # nothing is invented for a feature that is not generated
        Reporters can lodge bugs with a title + Managers assign bugs to developers + Filter bugs by severity and status | - | -
        Add requests with a path and a status + List requests with a status of 500 or above | RequestItem | path:STRING status:STRING
        Add endpoints with a path and a latency + Sort endpoints by path descending | Endpoint | path:STRING latency:STRING
        # the spec's status values are the status
        Add bugs with a title + Bugs follow the workflow new -> in progress -> resolved -> closed + Filter bugs by status | Bug | title:STRING status:LEVEL=NEW,IN_PROGRESS,RESOLVED,CLOSED
        Add bugs with a title and a severity + Filter bugs by severity (low, medium, high, critical) | Bug | title:STRING severity:LEVEL=LOW,MEDIUM,HIGH,CRITICAL
        Add tasks with a title + Filter tasks by status                     | Task | title:STRING completed:BOOLEAN
        # types from the words of a name
        Register members with a username and a date of birth                | Member | username:STRING dateOfBirth:DATE
        Add habits with a name and a target per week                        | Habit | name:STRING target:INT
        Add requests with a path and a duration_ms                          | RequestItem | path:STRING durationMs:LONG
        Book appointments for a patient with a dentist, with a start time and a duration in minutes | Appointment | patient:STRING dentist:STRING startTime:DATE_TIME durationMinutes:INT
        Add events with a title, a timestamp, an end time and a created_at   | Event | title:STRING timestamp:DATE_TIME endTime:DATE_TIME createdAt:DATE_TIME
        Add tasks with a title, a time and a response time                  | Task | title:STRING time:STRING responseTime:STRING
        Add plans with a name, a weekly limit and a capacity                | Plan | name:STRING weeklyLimit:INT capacity:INT
        # only a feature that adds items names them, and never with a field the spec does not name as required
        Log time entries with a project and a note + List unbilled time entries + Edit a time entry's note | TimeEntry | project:STRING note:STRING
        Add orders with an amount + List a customer's orders + Export a customer's orders as CSV | Order | amount:DECIMAL name:STRING
        Add invoices with a number and an amount                            | Invoice | number:STRING amount:DECIMAL
        Add menu items with a name, a price and a category                  | MenuItem | name:STRING price:DECIMAL category:STRING
        Submit talks with a title and a duration + Schedule accepted talks with a start time | Talk | title:STRING duration:LONG startTime:DATE_TIME
        Create boards with a title + Create lists with a name and a position + Delete lists | Board | title:STRING
        Add pets with a name + Record visits for a pet with a date          | Visit | pet:STRING date:DATE
        Add coupons with a code, a discount percentage, an expiry and a minimum order value | Coupon | code:STRING discountPercentage:DECIMAL expiry:DATE minimumOrderValue:DECIMAL
        Add shifts with a worker, a start, an end and a break length        | Shift | worker:STRING start:DATE_TIME end:DATE_TIME breakLength:DECIMAL
        Add settings with a key and a value                                 | Setting | key:STRING value:STRING
        # one field per phrase, named by its own words only
        Reporters can file bugs with a title and steps to reproduce         | Bug | title:STRING stepsToReproduce:STRING
        Add visits with a doctor, with a date and with a note               | Visit | doctor:STRING date:DATE note:STRING
        Import gate events from CSV files with columns lot_id, plate and direction | GateEvent | lotId:STRING plate:STRING direction:STRING
        Add orders with an amount to suppliers                              | Order | amount:DECIMAL supplier:STRING
        Add members with a name + Add classes with a name + Book members into classes | Booking | member:STRING classValue:STRING
        Add appointments with a date + Export appointments as CSV + Export a dentist's appointments as CSV | Appointment | date:DATE name:STRING
        """)
    void leavesInTheModelOnlyWhatIsGenerated(String features, String entity, String fields) {
        Domain domain = domain(ProjectType.API_SERVICE, features);
        if (entity == null) {
            assertThat(domain.entities()).extracting(Entity::name).doesNotContain("Bug");
            return;
        }
        Entity e = domain.entity(entity).orElseThrow();
        assertThat(e.fields()).extracting(f -> f.name() + ":" + f.type().name()
                + (f.values().isEmpty() ? "" : "=" + String.join(",", f.values())))
                .as("fields of %s in '%s'", entity, features).containsExactly(fields.split(" "));
        assertThat(e.thresholds()).as("thresholds of %s", entity).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aPipelineSuggestsOnlyWhatAPipelineBuilds() {
        Domain domain = domain(ProjectType.DATA_PIPELINE, "Import orders from CSV files with a sku and a quantity"
                + " + Send orders to the warehouse by email");
        FeatureMapping mapping = domain.features().get(1);
        assertThat(mapping.supported()).isFalse();
        assertThat(mapping.detail()).contains("such as 'List orders' (a data pipeline imports orders from CSV files")
                .doesNotContain("Delete orders", "Filter orders");
    }

    @org.junit.jupiter.api.Test
    void onlyTheFirstFeatureThatAddsItemsMakesItsFieldsRequiredAndAnInventedLabelIsOptional() {
        Domain talks = domain(ProjectType.API_SERVICE, "Submit talks with a title and a duration + Schedule accepted "
                + "talks with a start time");
        assertThat(talks.primary().requiredFields()).extracting(Field::name).containsExactly("title", "duration");
        Domain visits = domain(ProjectType.API_SERVICE, "Add pets with a name + Record visits for a pet with a date"
                + " and an optional note");
        assertThat(visits.entity("Visit").orElseThrow().requiredFields()).extracting(Field::name)
                .containsExactly("pet", "date");
        Domain invoices = domain(ProjectType.API_SERVICE, "Add invoices with an amount and a due date");
        assertThat(invoices.primary().requiredFields()).extracting(Field::name).containsExactly("amount", "dueDate");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Import requests from CSV files with timestamp, method, path, status and duration_ms + List requests with a status of 500 or above | finding or sorting rows is not part of the pipeline
        Import requests from CSV files with a path and a status + Export the requests as CSV sorted by path | exporting rows and finding or sorting rows are not part of the pipeline
        Import requests from CSV files with a path and a status + Add regions with a name | items of another kind (Region) are not part of it
        """)
    void aPipelineGeneratesOnlyWhatItRuns(String features, String reason) {
        Domain domain = domain(ProjectType.DATA_PIPELINE, features);
        FeatureMapping mapping = domain.features().get(domain.features().size() - 1);
        assertThat(mapping.supported()).as("%s", mapping).isFalse();
        assertThat(mapping.detail()).contains(reason).doesNotContain("reachable");
        assertThat(domain.entities()).extracting(Entity::name).containsExactly("RequestItem");
        assertThat(domain.primary().operations()).doesNotContain(Operation.FIND, Operation.UPDATE);
        assertThat(domain.primary().thresholds()).isEmpty();
        assertThat(domain.primary().requiredFields()).extracting(Field::name).contains("path", "status");
    }
}
