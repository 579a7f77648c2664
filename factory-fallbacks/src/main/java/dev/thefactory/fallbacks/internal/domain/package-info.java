/**
 * The domain the simple backend derives from a spec: entities with typed fields and the operations the
 * features ask for, found by a small heuristic feature interpreter (a verb lexicon, the object noun after the
 * verb, and field phrases such as "with title and optional due date"), and its encoding as build facts.
 */
package dev.thefactory.fallbacks.internal.domain;
