/**
 * The layout of a generated project: every planned file with the task that writes it and a lazy generator for
 * its text, so that {@code STRUCTURE} and {@code GENERATE} agree by construction.
 */
package dev.thefactory.fallbacks.internal.layout;
