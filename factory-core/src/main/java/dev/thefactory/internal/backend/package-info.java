/**
 * Orchestrator backend discovery and resolution: finds the providers of
 * {@link dev.thefactory.spi.OrchestratorBackendProvider} through {@link java.util.ServiceLoader} (each in its own
 * try/catch, so one broken jar never hides the others; duplicate ids rejected; the built-in {@code minimal} provider
 * always present), checks their health, and turns a {@link dev.thefactory.api.Mode} and an optional explicit backend id
 * into the ordered fallback cascade — or a {@link dev.thefactory.api.BackendUnavailableException} that lists what was
 * looked for and found. Internal: not part of the public API.
 */
package dev.thefactory.internal.backend;
