/**
 * The domain the simple backend derives from a spec: entities with typed fields and the operations the
 * features ask for (create, list, get, update, delete, status actions, filters, sorts, threshold queries and
 * aggregates), found by a small heuristic feature interpreter (a verb lexicon, the object noun after the verb,
 * field phrases such as "with title and optional due date", and query phrases such as "below a threshold" or
 * "per customer"), capped by the spec's complexity, and its encoding as build facts. Every word of a feature is
 * accounted for: what the generated code does not honour is reported as the feature's gaps, or the feature is
 * reported as not generated, with the reason.
 */
package dev.thefactory.fallbacks.internal.domain;
