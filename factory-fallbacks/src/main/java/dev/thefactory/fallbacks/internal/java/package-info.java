/**
 * The Java 17 / Maven project generator of the simple backend: templates for the model, the repositories (in
 * memory and in atomically written files, chosen by the settings), services, entry points (CLI, HTTP, library
 * facade, batch pipeline), their JUnit 5 tests, and the build.
 */
package dev.thefactory.fallbacks.internal.java;
