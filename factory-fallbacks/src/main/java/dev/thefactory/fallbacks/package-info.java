/**
 * The {@code simple} standalone backend: template agents that turn a project specification into a real, tested
 * Java project (or a modest, unchecked Python, JavaScript or Go one) without any external service. It is registered
 * through {@code META-INF/services/dev.thefactory.spi.OrchestratorBackendProvider} and depends on the public API
 * only, exactly as a third-party backend would; everything but {@link dev.thefactory.fallbacks.SimpleBackendProvider}
 * lives in the {@code internal} packages and may change without notice.
 */
package dev.thefactory.fallbacks;
