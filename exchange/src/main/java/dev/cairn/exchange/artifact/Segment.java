package dev.cairn.exchange.artifact;

import dev.cairn.ledger.event.Event;
import java.util.List;

/** A segment's file bytes, its name (the SHA-256 of the bytes), its header and its events. Immutable. */
public record Segment(ArtifactName name, byte[] bytes, SegmentHeader header, List<Event> events) {
  public Segment {
    events = List.copyOf(events);
  }

  public SegmentRef ref() {
    return new SegmentRef(name.sha256(), header.first(), header.last(), header.count(), bytes.length);
  }
}
