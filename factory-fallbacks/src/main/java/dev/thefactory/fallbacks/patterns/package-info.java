/** The in-memory pattern store: what the brief calls the mock neural overlay, kept honest as a moving average. */
package dev.thefactory.fallbacks.patterns;
