/**
 * An example third-party orchestrator backend, {@code example-integrated}: registered through
 * {@code META-INF/services}, tier {@link dev.thefactory.spi.BackendTier#INTEGRATED INTEGRATED}, depending on the
 * public API only. Its agents turn a {@code library} spec into a minimal, valid Java library with a JUnit test,
 * a README, an Apache-2.0 {@code LICENSE} and a {@code CONTRIBUTING.md}; every other project type is refused with
 * a permanent agent failure, so that the core's fallback cascade hands the build to the built-in backends.
 */
package dev.thefactory.examples.custom;
