package dev.cairn.exchange.sync;

import dev.cairn.exchange.artifact.ArtifactCorruptException;
import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.Checkpoint;
import dev.cairn.exchange.artifact.CheckpointCodec;
import dev.cairn.exchange.artifact.Segment;
import dev.cairn.exchange.artifact.SegmentCodec;
import dev.cairn.exchange.transport.ArtifactInfo;
import dev.cairn.exchange.transport.ArtifactNotFoundException;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.exchange.trust.PinnedKeys;
import dev.cairn.ledger.Origin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes artifacts that no checkpoint of their origin reaches any more (superseded checkpoints,
 * segments replaced by compaction, leftovers of interrupted pushes) from one store, and nothing
 * else. Per origin:
 * <ol>
 *   <li>The newest checkpoint must verify (format, signature, and the key pinned for the origin);
 *       an origin without one, or whose key is not pinned here, is left alone.
 *   <li>Every segment it lists must be present and verify (downloaded and hashed): otherwise the
 *       old artifacts might be the only copy of some events, and the origin is left alone.
 *   <li>An older checkpoint is garbage once the checkpoint after it has been there longer than the
 *       grace window (a peer that read it has long finished).
 *   <li>A segment is garbage if no checkpoint that stays lists it, it is older than the grace window,
 *       it was stored before the newest checkpoint (a writer publishes segments before the
 *       checkpoint that lists them, so a segment written since may be about to be listed), and it
 *       holds only events the newest checkpoint covers (read from the checkpoint that listed it or,
 *       for a segment no checkpoint lists, from its own verified header).
 * </ol>
 * A store that gives no time for an artifact never has it collected. A dry run decides exactly
 * as a real run and deletes nothing. Not thread-safe; safe against a concurrent writer and peers
 * mid-download by the rules above.
 */
public final class GarbageCollector {
  private final PinnedKeys pins;
  private final Instant now;

  public GarbageCollector(PinnedKeys pins, Instant now) {
    this.pins = pins;
    this.now = now;
  }

  public GcReport collect(Transport store, Duration grace, boolean dryRun) {
    return collect(store, grace, dryRun, StepListener.NONE);
  }

  /** As {@link #collect(Transport, Duration, boolean)}, telling {@code steps} after each origin. */
  public GcReport collect(Transport store, Duration grace, boolean dryRun, StepListener steps) {
    GcReport.Tally report = new GcReport.Tally();
    report.dryRun = dryRun;
    Instant cutoff = now.minus(grace);
    List<Origin> origins = store.origins();
    long done = 0;
    for (Origin origin : origins) {
      collectOrigin(origin, store, cutoff, dryRun, report);
      steps.step(++done, origins.size());
    }
    return report.build();
  }

  private void collectOrigin(Origin origin, Transport store, Instant cutoff, boolean dryRun, GcReport.Tally report) {
    List<ArtifactInfo> cps = store.list(origin, ArtifactKind.CHECKPOINT, null);
    List<ArtifactInfo> segs = store.list(origin, ArtifactKind.SEGMENT, null);
    if (cps.isEmpty()) {
      report.kept += segs.size();
      if (!segs.isEmpty()) {
        report.notes.add(origin + ": no checkpoint; left alone");
      }
      return;
    }
    var pinned = pins.get(origin);
    if (pinned.isEmpty()) {
      report.kept += cps.size() + segs.size();
      report.notes.add(origin + ": key not pinned on this machine (sync with it first); left alone");
      return;
    }
    ArtifactInfo newestInfo = cps.get(cps.size() - 1);
    Checkpoint newest;
    try {
      newest = CheckpointCodec.verify(newestInfo.name(), store.get(newestInfo.name()));
    } catch (ArtifactCorruptException | ArtifactNotFoundException e) {
      report.kept += cps.size() + segs.size();
      report.notes.add(origin + ": newest checkpoint does not verify (" + e.getMessage() + "); left alone");
      return;
    }
    if (!newest.publicKey().equals(pinned.get().key())) {
      report.kept += cps.size() + segs.size();
      report.notes.add(origin + ": newest checkpoint is signed by a key other than the pinned one; left alone");
      return;
    }
    Map<ArtifactName, ArtifactInfo> present = new HashMap<>();
    segs.forEach(i -> present.put(i.name(), i));
    for (ArtifactName seg : newest.segmentNames()) {
      try {
        if (!present.containsKey(seg)) {
          throw new ArtifactNotFoundException(store.describe(), seg);
        }
        SegmentCodec.verify(seg, store.get(seg));
      } catch (ArtifactCorruptException | ArtifactNotFoundException e) {
        report.kept += cps.size() + segs.size();
        report.notes.add(origin + ": a segment of the newest checkpoint is missing or corrupt (" + e.getMessage() + "); left alone: reconcile first");
        return;
      }
    }

    // checkpoints: garbage once their successor has been there longer than the grace window
    List<ArtifactName> garbage = new ArrayList<>();
    Set<ArtifactName> reached = new HashSet<>(newest.segmentNames());
    Map<ArtifactName, Long> lastSeq = new HashMap<>();
    for (int i = 0; i < cps.size() - 1; i++) {
      ArtifactInfo cp = cps.get(i);
      boolean superseded = cps.get(i + 1).modified().isBefore(cutoff) && cp.modified().isBefore(cutoff);
      Checkpoint old = null;
      try {
        old = CheckpointCodec.verify(cp.name(), store.get(cp.name()));
        old.segments().forEach(r -> lastSeq.merge(ArtifactName.segment(origin, r.sha256()), r.last().value(), Math::max));
      } catch (ArtifactCorruptException | ArtifactNotFoundException e) {
        superseded = false; // not verified: not ours to judge
      }
      if (superseded) {
        garbage.add(cp.name());
      } else {
        report.kept++;
        if (old != null) {
          reached.addAll(old.segmentNames());
        }
      }
    }
    long head = newest.head().value();
    Instant newestStored = newestInfo.modified();
    for (ArtifactInfo seg : segs) {
      if (reached.contains(seg.name())) {
        report.kept++;
        continue;
      }
      if (!seg.modified().isBefore(cutoff) || !seg.modified().isBefore(newestStored)) {
        report.kept++; // too young, or stored after the newest checkpoint: may be about to be listed
        continue;
      }
      Long last = lastSeq.get(seg.name());
      if (last == null) {
        try {
          Segment s = SegmentCodec.verify(seg.name(), store.get(seg.name()));
          last = s.header().last().value();
        } catch (ArtifactCorruptException | ArtifactNotFoundException e) {
          report.kept++;
          report.notes.add(seg.name() + ": unreachable but does not verify; kept for inspection");
          continue;
        }
      }
      if (last > head) {
        report.kept++;
        report.notes.add(seg.name() + ": unreachable but holds events past the newest checkpoint (seq " + last + " > " + head + "); kept");
        continue;
      }
      garbage.add(seg.name());
    }
    Map<ArtifactName, Long> sizes = new HashMap<>();
    cps.forEach(i -> sizes.put(i.name(), i.bytes()));
    segs.forEach(i -> sizes.put(i.name(), i.bytes()));
    for (ArtifactName name : garbage) {
      if (!dryRun) {
        store.delete(name);
      }
      report.deleted.add(name);
      report.deletedBytes += sizes.getOrDefault(name, 0L);
    }
  }
}
