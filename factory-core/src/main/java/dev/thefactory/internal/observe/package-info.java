/**
 * Micrometer observations of builds, driven by the build's event stream. The only package of the core that refers to
 * Micrometer: its classes are loaded only when a registry was handed to the builder, so the core runs without
 * Micrometer on the class path. Internal: not part of the public API.
 */
package dev.thefactory.internal.observe;
