/**
 * The built-in {@code minimal} backend: the last resort of the fallback cascade, always available, with no
 * dependency beyond the SPI. It produces a small but valid Maven project.
 */
package dev.thefactory.internal.minimal;
