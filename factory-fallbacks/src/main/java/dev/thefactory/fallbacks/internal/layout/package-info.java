/**
 * The layout of a generated project, the same shape for every language: every planned file with the task that
 * writes it and a lazy generator for its text, so that {@code STRUCTURE} and {@code GENERATE} agree by
 * construction, and the README and docs pages built from each language's guide.
 */
package dev.thefactory.fallbacks.internal.layout;
