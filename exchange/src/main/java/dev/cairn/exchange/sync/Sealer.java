package dev.cairn.exchange.sync;

import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.Checkpoint;
import dev.cairn.exchange.artifact.CheckpointCodec;
import dev.cairn.exchange.artifact.Segment;
import dev.cairn.exchange.artifact.SegmentCodec;
import dev.cairn.exchange.artifact.SegmentRef;
import dev.cairn.exchange.artifact.SigningKey;
import dev.cairn.exchange.transport.ArtifactInfo;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.ledger.Cursor;
import dev.cairn.ledger.LedgerReader;
import dev.cairn.ledger.LedgerRecord;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.Seq;
import dev.cairn.ledger.event.Envelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Seals this origin's events that no checkpoint covers yet into segments in the local store, then
 * writes a new signed checkpoint listing every segment from seq 1 to the new head. Segments are
 * written before the checkpoint that names them, so a crash leaves at worst unreferenced
 * segments (deterministic bytes: the next seal writes the same names again). After a seal, many
 * small segments are compacted ({@link CompactionPolicy}) under one more checkpoint.
 *
 * <p>Finding the events: a {@link SealCursor} remembers the ledger index up to which local
 * events were sealed, so only the ledger's tail is scanned.
 *
 * <p>Not thread-safe; runs under the home's writer lock.
 */
public final class Sealer {
  /** What a seal did. */
  public record Result(long events, List<Segment> segments, Optional<Checkpoint> checkpoint) {}

  private final Origin origin;
  private final Transport store;
  private final SigningKey key;
  private final SealCursor cursor;
  private final SealPolicy policy;
  private final Compactor compactor;

  public Sealer(Origin origin, Transport store, SigningKey key, SealCursor cursor, SealPolicy policy) {
    this(origin, store, key, cursor, policy, CompactionPolicy.DEFAULT);
  }

  public Sealer(Origin origin, Transport store, SigningKey key, SealCursor cursor, SealPolicy policy, CompactionPolicy compaction) {
    this.origin = origin;
    this.store = store;
    this.key = key;
    this.cursor = cursor;
    this.policy = policy;
    this.compactor = new Compactor(store, key, policy, compaction);
  }

  /**
   * The latest checkpoint of this origin in the local store signed with this home's key, if any.
   * One signed by another key was not written by this home (nobody else may write its origin): it
   * is moved aside, never built on.
   */
  public Optional<Checkpoint> latest() {
    List<ArtifactInfo> cps = store.list(origin, ArtifactKind.CHECKPOINT, null);
    for (int i = cps.size() - 1; i >= 0; i--) {
      ArtifactName name = cps.get(i).name();
      Checkpoint cp = CheckpointCodec.verify(name, store.get(name));
      if (cp.publicKey().equals(key.publicKey())) {
        return Optional.of(cp);
      }
      store.moveAside(name, "signed by " + cp.publicKey().fingerprint() + ", not by this home's key " + key.publicKey().fingerprint());
    }
    return Optional.empty();
  }

  /** What a seal would write: events, segments, and the number of the checkpoint that would list them. */
  public record Plan(long events, int segments, long checkpoint) {}

  /** What {@link #seal} would write now, found the same way (a scan of the ledger's tail), writing nothing. */
  public Plan plan(LedgerReader reader, Seq localHighWater) {
    Optional<Checkpoint> previous = latest();
    long head = previous.map(c -> c.head().value()).orElse(0L);
    long next = previous.map(Checkpoint::number).orElse(0L) + 1;
    if (localHighWater.value() <= head) {
      return new Plan(0, 0, next);
    }
    Scan scan = scanTail(reader, head, localHighWater, true);
    return new Plan(localHighWater.value() - head, scan.counted(), next);
  }

  /** How many local events are waiting to be sealed. */
  public long pending(Seq localHighWater) {
    return localHighWater.value() - latest().map(c -> c.head().value()).orElse(0L);
  }

  public Result seal(LedgerReader reader, Seq localHighWater) {
    Optional<Checkpoint> previous = latest();
    long head = previous.map(c -> c.head().value()).orElse(0L);
    if (localHighWater.value() <= head) {
      return new Result(0, List.of(), Optional.empty());
    }
    Scan scan = scanTail(reader, head, localHighWater, false);
    List<SegmentRef> refs = new ArrayList<>(previous.map(Checkpoint::segments).orElse(List.of()));
    scan.written.forEach(seg -> refs.add(seg.ref()));
    Checkpoint checkpoint = new Checkpoint(origin, previous.map(Checkpoint::number).orElse(0L) + 1, localHighWater, refs, key.publicKey());
    store.putIfAbsent(checkpoint.name(), CheckpointCodec.encode(checkpoint, key));
    cursor.advance(scan.scannedTo);
    compactor.compact(checkpoint);
    return new Result(localHighWater.value() - head, scan.written, Optional.of(checkpoint));
  }

  private record Scan(List<Segment> written, long scannedTo, int counted) {}

  /** Scans for events head+1..highWater from the seal cursor's hint, or the whole ledger without one (or with a stale one). */
  private Scan scanTail(LedgerReader reader, long head, Seq highWater, boolean dry) {
    Scan scan = head > 0 && cursor.ledgerIndex() >= 0 ? scan(reader, cursor.ledgerIndex(), head, highWater, dry) : null;
    if (scan == null) {
      scan = scan(reader, -1, head, highWater, dry);
    }
    if (scan == null) {
      throw new IllegalStateException("the ledger does not hold " + origin + " events " + (head + 1) + ".." + highWater);
    }
    return scan;
  }

  /**
   * Seals events head+1..highWater found after ledger index {@code from}; null if they are not all
   * there. With {@code dry}, only counts the segments it would write.
   */
  private Scan scan(LedgerReader reader, long from, long head, Seq highWater, boolean dry) {
    List<Segment> written = new ArrayList<>();
    int counted = 0;
    List<SegmentCodec.Line> chunk = new ArrayList<>();
    long chunkBytes = 0;
    long next = head + 1;
    long scannedTo = from;
    Cursor c;
    try {
      c = reader.after(from);
    } catch (dev.cairn.ledger.IndexNotFoundException e) {
      return null;
    }
    try (c) {
      for (LedgerRecord r = c.nextOf(origin); r != null && next <= highWater.value(); r = c.nextOf(origin)) {
        Envelope e = envelope(r);
        scannedTo = r.index();
        if (e.seq().value() < next) {
          continue;
        }
        if (e.seq().value() != next) {
          return null; // the hint skipped some of our events
        }
        chunk.add(new SegmentCodec.Line(e, r.bytes()));
        chunkBytes += r.bytes().length + 1;
        next++;
        if (chunk.size() >= policy.maxEvents() || chunkBytes >= policy.maxBytes()) {
          counted++;
          if (!dry) {
            written.add(write(chunk));
          }
          chunk = new ArrayList<>();
          chunkBytes = 0;
        }
      }
    }
    if (next - 1 != highWater.value()) {
      return null;
    }
    if (!chunk.isEmpty()) {
      counted++;
      if (!dry) {
        written.add(write(chunk));
      }
    }
    return new Scan(written, scannedTo, counted);
  }

  private static Envelope envelope(LedgerRecord r) {
    try {
      return Envelope.scan(r.bytes());
    } catch (dev.cairn.ledger.EventFormatException e) {
      throw new dev.cairn.ledger.LedgerCorruptException(r.index(), e.getMessage(), e);
    }
  }

  private Segment write(List<SegmentCodec.Line> lines) {
    Segment s = SegmentCodec.encodeLines(lines, policy.level());
    store.putIfAbsent(s.name(), s.bytes());
    return s;
  }
}
