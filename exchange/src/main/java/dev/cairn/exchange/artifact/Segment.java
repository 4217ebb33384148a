package dev.cairn.exchange.artifact;

import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.EventCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * A segment: its file bytes, its name (the SHA-256 of the bytes), its header, and its events as
 * canonical lines (without newlines). Events are decoded from the lines on first use, so sealing,
 * which only needs the bytes, never decodes them. Thread-safety: safe to share once built (the
 * lazy decode is idempotent); the arrays must not be modified.
 */
public final class Segment {
  private final ArtifactName name;
  private final byte[] bytes;
  private final SegmentHeader header;
  private final List<byte[]> lines;
  private volatile List<Event> events;

  Segment(ArtifactName name, byte[] bytes, SegmentHeader header, List<byte[]> lines, List<Event> events) {
    this.name = name;
    this.bytes = bytes;
    this.header = header;
    this.lines = List.copyOf(lines);
    this.events = events == null ? null : List.copyOf(events);
  }

  public ArtifactName name() {
    return name;
  }

  public byte[] bytes() {
    return bytes;
  }

  public SegmentHeader header() {
    return header;
  }

  public List<byte[]> lines() {
    return lines;
  }

  public List<Event> events() {
    List<Event> e = events;
    if (e == null) {
      List<Event> decoded = new ArrayList<>(lines.size());
      for (byte[] line : lines) {
        decoded.add(EventCodec.decode(line));
      }
      e = List.copyOf(decoded);
      events = e;
    }
    return e;
  }

  public SegmentRef ref() {
    return new SegmentRef(name.sha256(), header.first(), header.last(), header.count(), bytes.length);
  }
}
