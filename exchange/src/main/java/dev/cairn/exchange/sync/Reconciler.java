package dev.cairn.exchange.sync;

import dev.cairn.exchange.artifact.ArtifactCheck;
import dev.cairn.exchange.artifact.ArtifactCorruptException;
import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.Checkpoint;
import dev.cairn.exchange.artifact.CheckpointCodec;
import dev.cairn.exchange.crypt.EncryptedTransport;
import dev.cairn.exchange.crypt.TargetMarkers;
import dev.cairn.exchange.transport.ArtifactInfo;
import dev.cairn.exchange.transport.ArtifactNotFoundException;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.exchange.trust.PinnedKeys;
import dev.cairn.ledger.Origin;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Diffs three sources of truth — what the local ledger and checkpoints say exists, what the local
 * artifact store holds, what the target lists — and converges them, per origin:
 * <ul>
 *   <li>every segment of the newest local checkpoint, and that checkpoint, must be on the target:
 *       what it lacks is uploaded; what it has is downloaded and verified (listings carry no
 *       checksum), and a copy that fails is moved aside there and uploaded again;
 *   <li>local copies are verified before they leave; a corrupt one is moved aside locally and
 *       reported (with {@code restore}, healed from the target's copy after verifying it);
 *   <li>target artifacts that no checkpoint reaches are reported as orphans;
 *   <li>what only the target has (newer checkpoints and their segments) is counted, and with
 *       {@code restore} pulled through the normal verified path ({@link Synchronizer#pullFrom}).
 * </ul>
 * It never deletes. Idempotent: a second run finds nothing to do. Not thread-safe; runs under the
 * home's writer lock.
 */
public final class Reconciler {
  private final Transport local;
  private final Synchronizer synchronizer;
  private final PinnedKeys pins;
  private final Origin me;

  public Reconciler(Origin me, Transport local, Synchronizer synchronizer, PinnedKeys pins) {
    this.me = me;
    this.local = local;
    this.synchronizer = synchronizer;
    this.pins = pins;
  }

  public ReconcileReport reconcile(Transport target, boolean restore) {
    return reconcile(target, restore, StepListener.NONE);
  }

  /** As {@link #reconcile(Transport, boolean)}, telling {@code steps} after each origin. */
  public ReconcileReport reconcile(Transport target, boolean restore, StepListener steps) {
    ReconcileReport.Tally report = new ReconcileReport.Tally();
    TargetMarkers.ensure(target, true); // reconcile uploads: never into a target of the other kind
    synchronizer.sealOnly(); // the ledger's unsealed events become artifacts first
    findWrongKind(target, report);
    Set<Origin> origins = new TreeSet<>(local.origins());
    origins.addAll(target.origins());
    long done = 0;
    for (Origin origin : origins) {
      reconcileOrigin(origin, target, restore, report);
      steps.step(++done, origins.size());
    }
    if (restore) {
      // by the ledger's high-water marks, not checkpoint numbers: this home's own events come back too
      SyncReport pulled = synchronizer.restoreFrom(target);
      pulled.origins().forEach((o, r) -> report.origin(o).restored += r.applied());
      report.problems.addAll(pulled.problems());
    }
    return report.build();
  }

  /**
   * Plaintext objects in an encrypted target (written by a machine that reached it without its
   * encryption) or age files in a plaintext one: reported as corruption, never read or applied. A
   * serving home holds its own origin in plaintext and relays others' age files: not checked there.
   */
  private void findWrongKind(Transport target, ReconcileReport.Tally report) {
    if (target.isServingHome()) {
      return;
    }
    boolean encrypted = TargetMarkers.expected(target).encrypted();
    Transport raw = target instanceof EncryptedTransport e ? e.inner() : target;
    List<ArtifactKind> wrong = encrypted ? List.of(ArtifactKind.SEGMENT, ArtifactKind.CHECKPOINT)
        : List.of(ArtifactKind.SEGMENT_AGE, ArtifactKind.CHECKPOINT_AGE);
    for (Origin origin : raw.origins()) {
      for (ArtifactKind kind : wrong) {
        for (ArtifactInfo info : raw.list(origin, kind, null)) {
          report.origin(origin).wrongKind.add(info.name().toString());
          report.problems.add(raw.describe() + " holds " + info.name() + ": " + (encrypted ? "plaintext in an encrypted target" : "an age file in a plaintext target")
              + "; it is not read (remove it by hand once you know who wrote it)");
        }
      }
    }
  }

  private void reconcileOrigin(Origin origin, Transport target, boolean restore, ReconcileReport.Tally report) {
    ReconcileReport.OriginTally r = report.origin(origin);
    List<ArtifactInfo> targetCheckpoints = target.list(origin, ArtifactKind.CHECKPOINT, null);
    Set<ArtifactName> targetSegments = new HashSet<>();
    target.list(origin, ArtifactKind.SEGMENT, null).forEach(i -> targetSegments.add(i.name()));
    Optional<Checkpoint> newest = newestLocal(origin, report);
    long localNumber = newest.map(Checkpoint::number).orElse(0L);

    Set<ArtifactName> reached = new HashSet<>();
    long placed = 0; // our newest checkpoint once it is verified on the target (or uploaded there)
    if (newest.isPresent()) {
      Checkpoint cp = newest.get();
      reached.addAll(cp.segmentNames());
      boolean complete = true;
      for (ArtifactName seg : cp.segmentNames()) {
        complete &= converge(seg, target, targetSegments.contains(seg), r, report);
      }
      if (complete) {
        boolean there = targetCheckpoints.stream().anyMatch(i -> i.name().equals(cp.name()));
        if (converge(cp.name(), target, there, r, report)) {
          placed = cp.number();
        }
      } else {
        report.problems.add(origin + ": checkpoint " + cp.number() + " not uploaded: a segment it lists could not be placed on " + target.describe());
      }
    }
    long applied = origin.equals(me) ? localNumber : Math.max(localNumber, pins.get(origin).map(p -> p.checkpoint()).orElse(0L));
    Set<ArtifactName> missingHere = new TreeSet<>();
    for (ArtifactInfo info : targetCheckpoints) {
      if (info.name().checkpointNumber() == placed) {
        continue; // our newest: verified or uploaded above, its segments already in reached
      }
      Checkpoint cp = readTargetCheckpoint(info.name(), target, report);
      if (cp == null) {
        continue;
      }
      reached.addAll(cp.segmentNames());
      if (cp.number() > applied) {
        missingHere.add(cp.name());
        for (ArtifactName seg : cp.segmentNames()) {
          if (!missingHere.contains(seg) && local.head(seg).isEmpty()) {
            missingHere.add(seg);
          }
        }
      }
    }
    r.onlyOnTarget = missingHere.size();
    for (ArtifactName seg : new TreeSet<>(targetSegments)) {
      if (!reached.contains(seg)) {
        r.orphans.add(seg.toString());
      }
    }
    if (r.onlyOnTarget > 0 && !restore) {
      report.notes.add(origin + ": " + target.describe() + " holds " + r.onlyOnTarget + " artifact(s) this machine lacks; --restore (or a sync) fetches them");
    }
  }

  /**
   * Makes sure the target holds a good copy of a local artifact; returns whether it does now.
   * Verifies the local copy first: nothing corrupt ever leaves.
   */
  private boolean converge(ArtifactName name, Transport target, boolean targetHasIt, ReconcileReport.OriginTally r, ReconcileReport.Tally report) {
    byte[] mine;
    try {
      mine = local.get(name);
      ArtifactCheck.verify(name, mine);
    } catch (ArtifactNotFoundException e) {
      report.problems.add("local store lacks " + name + " that its checkpoint lists");
      r.corruptLocal++;
      return targetHasIt;
    } catch (ArtifactCorruptException e) {
      local.moveAside(name, e.getMessage());
      r.corruptLocal++;
      report.problems.add("corrupt in the local store (moved aside): " + e.getMessage());
      return targetHasIt;
    }
    if (!targetHasIt) {
      target.putIfAbsent(name, mine);
      r.uploaded++;
      return true;
    }
    byte[] theirs;
    try {
      theirs = target.get(name);
      ArtifactCheck.verify(name, theirs);
      if (name.kind() == ArtifactKind.CHECKPOINT && !Arrays.equals(mine, theirs)) {
        throw new ArtifactCorruptException(name, "the checkpoint this machine holds", "a different checkpoint under the same number");
      }
      r.verified++;
      return true;
    } catch (ArtifactNotFoundException e) {
      target.putIfAbsent(name, mine); // listed, then gone
      r.uploaded++;
      return true;
    } catch (ArtifactCorruptException e) {
      if (!target.moveAside(name, e.getMessage())) {
        report.problems.add("corrupt on " + target.describe() + " and it cannot be moved aside there: " + e.getMessage());
        return false;
      }
      target.putIfAbsent(name, mine);
      r.reuploaded++;
      report.problems.add("corrupt on " + target.describe() + " (moved aside, good copy uploaded): " + e.getMessage());
      return true;
    }
  }

  private Optional<Checkpoint> newestLocal(Origin origin, ReconcileReport.Tally report) {
    List<ArtifactInfo> cps = local.list(origin, ArtifactKind.CHECKPOINT, null);
    for (int i = cps.size() - 1; i >= 0; i--) {
      ArtifactName name = cps.get(i).name();
      try {
        return Optional.of(CheckpointCodec.verify(name, local.get(name)));
      } catch (ArtifactCorruptException e) {
        local.moveAside(name, e.getMessage());
        report.origin(origin).corruptLocal++;
        report.problems.add("corrupt in the local store (moved aside): " + e.getMessage());
      }
    }
    return Optional.empty();
  }

  private static Checkpoint readTargetCheckpoint(ArtifactName name, Transport target, ReconcileReport.Tally report) {
    try {
      return CheckpointCodec.verify(name, target.get(name));
    } catch (ArtifactCorruptException e) {
      boolean moved = target.moveAside(name, e.getMessage());
      report.problems.add("corrupt on " + target.describe() + (moved ? " (moved aside)" : "") + ": " + e.getMessage());
      return null;
    } catch (ArtifactNotFoundException e) {
      return null;
    }
  }
}
