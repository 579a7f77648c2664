/**
 * Build events ({@link dev.thefactory.api.event.BuildEvent}) and the listener that receives them: progress,
 * phases, agents, retries, fallbacks, circuit changes and checkpoints.
 */
package dev.thefactory.api.event;
