/**
 * The implementation of the Temporal engine: the build workflow (deterministic: it only decides, it never reads a
 * clock, a file or the network), its activities (which run the core's own task, validation and publish steps on a
 * worker) and the records that travel through the workflow history. Not an API: it may change in any release.
 */
package dev.thefactory.temporal.internal;
