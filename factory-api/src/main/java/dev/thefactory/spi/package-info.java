/**
 * The service provider interfaces of The Factory: orchestrator backends and their providers (found through
 * {@link java.util.ServiceLoader}), agents and their tasks, checkpoint repositories, and output validators.
 * Every method is abstract unless its default is correct for every implementation.
 */
package dev.thefactory.spi;
