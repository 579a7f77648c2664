/**
 * The build engine behind {@link dev.thefactory.Factory}: runs the phases of a build on the backends of the fallback
 * cascade, with the chain reactor (bounded parallel agent tasks that may spawn children), the watchdog and deadlines,
 * progress and ETA, checkpoints after every phase and every finished {@code GENERATE} task, output validation,
 * {@code .factory/metadata.json} and the atomic publish; and resumes builds from their checkpoints under the build's
 * single-writer lock, verifying staged files against their checkpointed SHA-256 (see {@code docs/checkpoints.md}).
 * Internal: not part of the public API.
 */
package dev.thefactory.internal.engine;
