/**
 * The template agents of the simple backend, one per standard task: analysis, architecture and feature design,
 * structure, and the four generate tasks with their per-entity children.
 */
package dev.thefactory.fallbacks.internal.agents;
