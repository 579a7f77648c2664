/**
 * Runs builds of The Factory as Temporal workflows: {@link dev.thefactory.temporal.TemporalFactory} starts a
 * configured {@link dev.thefactory.Factory}'s build as a workflow and returns the same
 * {@link dev.thefactory.api.BuildResult} the local engine returns; {@link dev.thefactory.temporal.FactoryWorker} runs
 * a worker that executes the builds' activities with the backends on its class path;
 * {@link dev.thefactory.temporal.TemporalTarget} connects to a Temporal service, or starts Temporal's in-process test
 * server for trying it out.
 */
package dev.thefactory.temporal;
