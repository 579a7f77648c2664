/**
 * The Factory's public types: the model a build reads and returns ({@code dev.thefactory.api}), the events a listener
 * receives ({@code dev.thefactory.api.event}) and the interfaces a backend, agent, checkpoint repository or output
 * validator implements ({@code dev.thefactory.spi}).
 */
// the modules named in 'opens ... to' are not dependencies of this jar: they are found at run time (see below)
@SuppressWarnings("module")
module dev.thefactory.api {
    // the constraint annotations on ProjectSpec and its parts are part of the API
    requires transitive jakarta.validation;

    exports dev.thefactory.api;
    exports dev.thefactory.api.event;
    exports dev.thefactory.spi;

    // the core checks a ProjectSpec with Hibernate Validator (which reads the constrained record fields) and writes
    // and reads the model records in checkpoints and build metadata with Jackson
    opens dev.thefactory.api to org.hibernate.validator, com.fasterxml.jackson.databind;
}
