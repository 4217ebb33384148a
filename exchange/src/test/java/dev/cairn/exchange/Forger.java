package dev.cairn.exchange;

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
import dev.cairn.ledger.event.SessionRecorded;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An attacker with a key of its own: writes valid segments and validly signed checkpoints for any
 * origin (the project's own codecs sign with any key). Not thread-safe.
 */
public final class Forger {
  public record Forged(Checkpoint checkpoint, byte[] checkpointBytes, List<Segment> segments) {
    public ArtifactName name() {
      return checkpoint.name();
    }
  }

  private final SigningKey key;

  public Forger(Path keysDir) {
    this.key = SigningKey.loadOrCreate(keysDir);
  }

  public SigningKey.PublicKeyText publicKey() {
    return key.publicKey();
  }

  /** Events 1..count of {@code origin}: a session "forged" whose messages say {@code text}. */
  public static List<Event> events(Origin origin, int count, String text) {
    List<Event> out = new ArrayList<>();
    SessionId s = new SessionId(origin, "forged");
    for (int seq = 1; seq <= count; seq++) {
      var body = seq == 1
          ? new SessionRecorded(s, "claude-code", "p", "forged", Instant.parse("2025-11-20T10:00:00Z"), null, "/src", null, null, null)
          : new MessageAppended(s, seq, "user", text + " " + seq, null, null, null, List.of(), null);
      out.add(new Event(origin, new Seq(seq), new Hlc(1_763_754_392_000L + seq, 0), body));
    }
    return out;
  }

  /** Checkpoint {@code number} of {@code origin} signed with this forger's key, over one segment of {@code count} forged events. */
  public Forged checkpoint(Origin origin, long number, int count) {
    Segment seg = SegmentCodec.encode(events(origin, count, "forged message"), 3);
    Checkpoint c = new Checkpoint(origin, number, new Seq(count), List.of(seg.ref()), key.publicKey());
    return new Forged(c, CheckpointCodec.encode(c, key), List.of(seg));
  }

  /** The same checkpoint content signed by this forger: the genuine segments, claimed with another key. */
  public Forged resign(Checkpoint genuine, long number) {
    Checkpoint c = new Checkpoint(genuine.origin(), number, genuine.head(), genuine.segments(), key.publicKey());
    return new Forged(c, CheckpointCodec.encode(c, key), List.of());
  }
}
