/**
 * The simple backend: deterministic template generation without a model. It is found through
 * {@link dev.thefactory.spi.OrchestratorBackendProvider} on the class path and on the module path alike.
 */
module dev.thefactory.fallbacks {
    requires transitive dev.thefactory.api;
    requires org.slf4j;

    exports dev.thefactory.fallbacks;
    exports dev.thefactory.fallbacks.patterns;

    provides dev.thefactory.spi.OrchestratorBackendProvider with dev.thefactory.fallbacks.SimpleBackendProvider;
    provides dev.thefactory.spi.PatternStore with dev.thefactory.fallbacks.patterns.InMemoryPatternStore;
}
