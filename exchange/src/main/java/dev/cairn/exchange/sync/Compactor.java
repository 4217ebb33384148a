package dev.cairn.exchange.sync;

import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.Checkpoint;
import dev.cairn.exchange.artifact.CheckpointCodec;
import dev.cairn.exchange.artifact.Segment;
import dev.cairn.exchange.artifact.SegmentCodec;
import dev.cairn.exchange.artifact.SegmentRef;
import dev.cairn.exchange.artifact.SigningKey;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.ledger.event.Envelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Merges runs of small segments of this origin into larger ones ({@link CompactionPolicy}) and
 * writes a new checkpoint that lists the merged segments in their place — same head, same events,
 * fewer and larger files. The merged segments are written before the checkpoint; the old ones stay
 * until GC finds them unreachable. Lines are copied as they are (already canonical), each old
 * segment verified first. Not thread-safe; runs under the home's writer lock.
 */
final class Compactor {
  private final Transport store;
  private final SigningKey key;
  private final SealPolicy seal;
  private final CompactionPolicy policy;

  Compactor(Transport store, SigningKey key, SealPolicy seal, CompactionPolicy policy) {
    this.store = store;
    this.key = key;
    this.seal = seal;
    this.policy = policy;
  }

  /** The new checkpoint, if {@code latest} had enough small segments to compact. */
  Optional<Checkpoint> compact(Checkpoint latest) {
    long small = latest.segments().stream().filter(r -> r.bytes() < policy.smallBytes()).count();
    if (small < policy.minSmallSegments()) {
      return Optional.empty();
    }
    List<SegmentRef> out = new ArrayList<>();
    Run run = new Run();
    for (SegmentRef ref : latest.segments()) {
      if (ref.bytes() >= policy.smallBytes()) {
        run.flushInto(out);
        out.add(ref);
        continue;
      }
      ArtifactName name = ArtifactName.segment(latest.origin(), ref.sha256());
      Segment s = SegmentCodec.verify(name, store.get(name));
      long bytes = s.lines().stream().mapToLong(l -> l.length + 1).sum();
      if (!run.refs.isEmpty() && (run.lines.size() + s.lines().size() > seal.maxEvents() || run.bytes + bytes > seal.maxBytes())) {
        run.flushInto(out);
      }
      run.add(ref, s, bytes);
    }
    run.flushInto(out);
    Checkpoint next = new Checkpoint(latest.origin(), latest.number() + 1, latest.head(), out, key.publicKey());
    store.putIfAbsent(next.name(), CheckpointCodec.encode(next, key));
    return Optional.of(next);
  }

  /** A run of consecutive small segments being merged. */
  private final class Run {
    final List<SegmentRef> refs = new ArrayList<>();
    final List<SegmentCodec.Line> lines = new ArrayList<>();
    long bytes;

    void add(SegmentRef ref, Segment s, long lineBytes) {
      refs.add(ref);
      for (byte[] line : s.lines()) {
        lines.add(new SegmentCodec.Line(Envelope.scan(line), line));
      }
      bytes += lineBytes;
    }

    void flushInto(List<SegmentRef> out) {
      if (refs.size() == 1) {
        out.add(refs.get(0)); // nothing to merge it with: keep it as it is
      } else if (refs.size() > 1) {
        Segment merged = SegmentCodec.encodeLines(lines, seal.level());
        store.putIfAbsent(merged.name(), merged.bytes());
        out.add(merged.ref());
      }
      refs.clear();
      lines.clear();
      bytes = 0;
    }
  }
}
