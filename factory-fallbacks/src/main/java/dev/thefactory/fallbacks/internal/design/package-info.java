/**
 * The design decisions of the simple backend: the main language (from the tech stack), the entry point (from
 * the project type), the default store (from what the spec asks to keep), and the project's coordinates and
 * names, with their encoding as build facts.
 */
package dev.thefactory.fallbacks.internal.design;
