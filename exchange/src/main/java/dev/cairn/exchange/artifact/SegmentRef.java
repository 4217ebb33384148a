package dev.cairn.exchange.artifact;

import dev.cairn.ledger.Seq;

/** A checkpoint's entry for one segment: its hash, the seqs it covers, its event count and file size. Immutable. */
public record SegmentRef(Sha256 sha256, Seq first, Seq last, long count, long bytes) {}
