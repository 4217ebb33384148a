package dev.cairn.exchange.sync;

import dev.cairn.exchange.artifact.ArtifactCorruptException;
import dev.cairn.exchange.transport.ArtifactInfo;
import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.Checkpoint;
import dev.cairn.exchange.artifact.CheckpointCodec;
import dev.cairn.exchange.artifact.SegmentCodec;
import dev.cairn.exchange.artifact.SegmentRef;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.exchange.trust.Peer;
import dev.cairn.exchange.trust.PinnedKeys;
import dev.cairn.ledger.Origin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads every artifact of a store (this machine's or a target) and checks it without applying
 * anything: each segment's hash, framing and lines, each checkpoint's format and signature, the
 * signer against the pinned key of its origin, and that the newest valid checkpoint of every origin
 * covers seq 1 to its head with segments that are all there. What {@code cairn verify} runs.
 *
 * <p>Not thread-safe; reads only.
 */
public final class ArchiveAudit {
  /** One thing wrong: where, what, and what would heal it. */
  public record Finding(String where, String problem, String heal) {}

  /** What an audit read and found. */
  public record Report(long artifacts, long bytes, List<Finding> findings) {
    public boolean clean() {
      return findings.isEmpty();
    }
  }

  /** Told after each artifact. */
  public interface Progress {
    Progress NONE = (done, total) -> { };

    void checked(long done, long total);
  }

  private final Transport store;
  private final PinnedKeys pins;
  private final String heal;

  /**
   * @param heal what heals a damaged artifact of this store (for the local store: reconcile with a
   *     target; for a target: reconcile it from this machine)
   */
  public ArchiveAudit(Transport store, PinnedKeys pins, String heal) {
    this.store = store;
    this.pins = pins;
    this.heal = heal;
  }

  public Report run(Progress progress) {
    List<Finding> findings = new ArrayList<>();
    List<Origin> origins = store.origins();
    List<List<ArtifactInfo>> checkpoints = new ArrayList<>();
    List<List<ArtifactInfo>> segments = new ArrayList<>();
    long total = 0;
    for (Origin o : origins) {
      checkpoints.add(store.list(o, ArtifactKind.CHECKPOINT, null));
      segments.add(store.list(o, ArtifactKind.SEGMENT, null));
      total += checkpoints.get(checkpoints.size() - 1).size() + segments.get(segments.size() - 1).size();
    }
    long done = 0;
    long bytes = 0;
    for (int i = 0; i < origins.size(); i++) {
      Origin origin = origins.get(i);
      Set<ArtifactName> goodSegments = new HashSet<>();
      for (ArtifactInfo s : segments.get(i)) {
        byte[] b = store.get(s.name());
        bytes += b.length;
        try {
          SegmentCodec.verify(s.name(), b);
          goodSegments.add(s.name());
        } catch (ArtifactCorruptException e) {
          findings.add(new Finding(s.name().toString(), e.getMessage(), heal));
        }
        progress.checked(++done, total);
      }
      Checkpoint newest = null;
      for (ArtifactInfo c : checkpoints.get(i)) {
        byte[] b = store.get(c.name());
        bytes += b.length;
        try {
          Checkpoint cp = CheckpointCodec.verify(c.name(), b);
          Optional<Peer> pinned = pins.get(origin);
          if (pinned.isPresent() && !pinned.get().key().equals(cp.publicKey())) {
            findings.add(new Finding(c.name().toString(), "signed by " + cp.publicKey().fingerprint() + ", not by the key pinned for "
                + origin + " (" + pinned.get().key().fingerprint() + "): forged, or the machine's key changed",
                "if the machine really has a new key: cairn peers trust " + origin + "; else remove the artifact from the store"));
          } else if (newest == null || cp.number() > newest.number()) {
            newest = cp;
          }
        } catch (ArtifactCorruptException e) {
          findings.add(new Finding(c.name().toString(), e.getMessage(), heal));
        }
        progress.checked(++done, total);
      }
      if (newest != null) {
        coverage(newest, goodSegments, findings);
      }
    }
    return new Report(done, bytes, findings);
  }

  /** The newest checkpoint lists segments that run from seq 1 to its head without a gap or an overlap, all present and sound. */
  private void coverage(Checkpoint cp, Set<ArtifactName> goodSegments, List<Finding> findings) {
    List<SegmentRef> refs = new ArrayList<>(cp.segments());
    refs.sort(Comparator.comparingLong(r -> r.first().value()));
    long next = 1;
    for (SegmentRef r : refs) {
      if (r.first().value() != next) {
        findings.add(new Finding(cp.name().toString(), "its segments " + (r.first().value() > next ? "skip" : "repeat") + " seqs at "
            + next + " (the next one starts at " + r.first().value() + ")", heal));
      }
      next = r.last().value() + 1;
    }
    if (next - 1 != cp.head().value()) {
      findings.add(new Finding(cp.name().toString(), "its segments end at seq " + (next - 1) + ", its head is " + cp.head().value(), heal));
    }
    for (ArtifactName seg : cp.segmentNames()) {
      if (!goodSegments.contains(seg)) {
        findings.add(new Finding(cp.name().toString(), "lists " + seg + ", which is " + (storeHas(seg) ? "damaged" : "missing"), heal));
      }
    }
  }

  private boolean storeHas(ArtifactName seg) {
    return store.list(seg.origin(), ArtifactKind.SEGMENT, null).stream().anyMatch(i -> i.name().equals(seg));
  }
}
