/**
 * The model-backed backend: an OpenAI-compatible chat endpoint through LangChain4j. It is found through
 * {@link dev.thefactory.spi.OrchestratorBackendProvider} on the class path and on the module path alike.
 */
// micrometer-observation and LangChain4j ship no module descriptor: they are automatic modules (docs/architecture-decisions.md)
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.thefactory.llm {
    requires transitive dev.thefactory.api;
    requires java.net.http;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires org.hibernate.validator;
    requires org.slf4j;
    // LlmBackend.provider(ChatModel, ...) names LangChain4j's ChatModel
    requires transitive langchain4j.core;
    requires langchain4j.http.client;
    requires langchain4j.http.client.jdk;
    requires langchain4j.open.ai;
    // optional: used only when a registry is handed to LlmBackend.provider; not transitive (see dev.thefactory.core)
    requires static micrometer.observation;

    exports dev.thefactory.llm;

    // the model's answers are read into these records by Jackson and checked by Hibernate Validator
    opens dev.thefactory.llm.internal to com.fasterxml.jackson.databind, org.hibernate.validator;

    provides dev.thefactory.spi.OrchestratorBackendProvider with dev.thefactory.llm.LlmBackendProvider;
}
