/**
 * Checkpoint storage: the in-memory and the file-system {@link dev.thefactory.spi.CheckpointRepository}, the framed
 * append-only log format the file-system one writes (magic, version, length, CRC32C, JSON payload), its damage
 * detection, and the operating-system file lock ({@link dev.thefactory.internal.state.BuildLockFile}) that keeps a
 * build to a single writer. Applications reach these through {@link dev.thefactory.CheckpointRepositories}; the
 * format, durability and recovery rules are described in {@code docs/checkpoints.md}.
 */
package dev.thefactory.internal.state;
