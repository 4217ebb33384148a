package dev.cairn.exchange.transport;

import dev.cairn.exchange.Events;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.Checkpoint;
import dev.cairn.exchange.artifact.CheckpointCodec;
import dev.cairn.exchange.artifact.Segment;
import dev.cairn.exchange.artifact.SegmentCodec;
import dev.cairn.exchange.artifact.SigningKey;
import dev.cairn.ledger.Hlc;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.Seq;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.MessageAppended;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Valid artifacts for transport tests: real segments and signed checkpoints (a verifying server accepts nothing else). */
public final class Artifacts {
  public record Named(ArtifactName name, byte[] bytes) {}

  private final SigningKey key;

  Artifacts(Path keys) {
    this.key = SigningKey.loadOrCreate(keys);
  }

  /** A segment of {@code count} events from seq 1, different for each {@code variant}. */
  public static Named segment(Origin origin, int count, int variant) {
    List<Event> events = new ArrayList<>(Events.run(origin, 1, count));
    if (variant > 0) {
      Event last = events.remove(events.size() - 1);
      events.add(new Event(origin, last.seq(), last.hlc(), new MessageAppended(new SessionId(origin, "s1"), last.seq().value(), "user",
          "variant " + variant, null, null, null, List.of(), null)));
    }
    Segment s = SegmentCodec.encode(events, 3);
    return new Named(s.name(), s.bytes());
  }

  /** A big segment (random, barely compressible text): about {@code megabytes} MB. */
  static Named bigSegment(Origin origin, int megabytes) {
    Random r = new Random(5);
    List<Event> events = new ArrayList<>();
    SessionId s = new SessionId(origin, "big");
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= megabytes * 128; i++) {
      sb.setLength(0);
      for (int k = 0; k < 8192; k++) {
        sb.append((char) ('!' + r.nextInt(90)));
      }
      events.add(new Event(origin, new Seq(i), new Hlc(1_763_754_392_000L + i, 0),
          new MessageAppended(s, i, "user", sb.toString().replace("\\", "/").replace("\"", "'"), null, null, null, List.of(), null)));
    }
    Segment seg = SegmentCodec.encode(events, 1);
    return new Named(seg.name(), seg.bytes());
  }

  /** Checkpoint {@code number} of {@code origin}, covering a segment of {@code count} events (its content varies with count). */
  Named checkpoint(Origin origin, long number, int count) {
    Segment seg = SegmentCodec.encode(Events.run(origin, 1, count), 3);
    Checkpoint c = new Checkpoint(origin, number, new Seq(count), List.of(seg.ref()), key.publicKey());
    return new Named(c.name(), CheckpointCodec.encode(c, key));
  }
}
