package dev.cairn.exchange.transport;

import dev.cairn.exchange.artifact.ArtifactName;

/** A listed artifact: its name and size in bytes. Immutable. */
public record ArtifactInfo(ArtifactName name, long bytes) {}
