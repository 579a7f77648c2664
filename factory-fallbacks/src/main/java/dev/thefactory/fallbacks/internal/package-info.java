/**
 * The implementation of the simple backend: the backend itself and, in sub-packages, its agents, the domain it
 * derives from a spec, its design decisions, and the project layouts and templates of each language.
 */
package dev.thefactory.fallbacks.internal;
