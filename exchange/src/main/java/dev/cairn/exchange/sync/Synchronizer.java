package dev.cairn.exchange.sync;

import dev.cairn.exchange.artifact.ArtifactCorruptException;
import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.Checkpoint;
import dev.cairn.exchange.artifact.CheckpointCodec;
import dev.cairn.exchange.artifact.Segment;
import dev.cairn.exchange.artifact.SegmentCodec;
import dev.cairn.exchange.artifact.Sha256;
import dev.cairn.exchange.crypt.TargetMarkers;
import dev.cairn.exchange.transport.ArtifactInfo;
import dev.cairn.exchange.transport.ArtifactNotFoundException;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.exchange.trust.ForgedCheckpointException;
import dev.cairn.exchange.trust.KeyConflictException;
import dev.cairn.exchange.trust.PinnedKeys;
import dev.cairn.exchange.trust.UntrustedOriginException;
import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.event.Event;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One sync with one target: seal new local events, push what the target lacks, pull what we
 * lack, verify, append to the ledger. (Projecting the new events is the caller's next step.)
 *
 * <ul>
 *   <li><b>Push</b>, for every origin in the local store (ours and relayed ones): if the target
 *       already has our newest checkpoint of that origin, nothing (a checkpoint is only published
 *       after its segments); otherwise the segments that checkpoint lists and the target lacks,
 *       then the checkpoint. Older checkpoints and the segments only they list (superseded by
 *       compaction) are not sent. Local artifacts are re-hashed before they leave.
 *   <li><b>Pull</b>, for every origin on the target: its checkpoints newer than the newest one
 *       applied (the pinned record; for our own origin, our newest), newest first; the first that verifies (format, coverage 1..head, signature, pinned
 *       key, no drop below a head already seen) is taken; its segments we lack are fetched and
 *       verified whole, then their events beyond our high-water mark are appended in seq order
 *       (far-future ones are held back by the ledger); finally the checkpoint joins the local store,
 *       so the next sync relays it.
 *   <li>A corrupt artifact is quarantined: moved aside on the target (where possible), counted,
 *       nothing in it applied; a good copy heals it on a later sync. A forged checkpoint is
 *       rejected and reported. Both stop that origin for this sync, not the others.
 * </ul>
 *
 * <p>A sync with nothing new lists the target's origins once and each origin's checkpoints once,
 * and transfers no artifact.
 *
 * <p>Holds no per-run state: each entry point makes a {@code Run} and returns an immutable
 * report. Not thread-safe; runs under the home's writer lock.
 */
public final class Synchronizer {
  private final Ledger ledger;
  private final Transport local;
  private final Sealer sealer;
  private final PinnedKeys pins;
  private final Clock clock;

  public Synchronizer(Ledger ledger, Transport local, Sealer sealer, PinnedKeys pins, Clock clock) {
    this.ledger = ledger;
    this.local = local;
    this.sealer = sealer;
    this.pins = pins;
    this.clock = clock;
  }

  public SyncReport sync(Transport target, boolean dryRun) {
    return sync(target, dryRun, SyncScope.BOTH);
  }

  /**
   * A push, a pull or both ({@code scope}). A dry run says what the real run would move: the
   * segments and checkpoint sealing would write are counted as pushed (the real run seals first,
   * then sends them), without writing them.
   */
  public SyncReport sync(Transport target, boolean dryRun, SyncScope scope) {
    return sync(target, dryRun, scope, StepListener.NONE);
  }

  /** As {@link #sync(Transport, boolean, SyncScope)}, telling {@code steps} after each origin pushed or pulled. */
  public SyncReport sync(Transport target, boolean dryRun, SyncScope scope, StepListener steps) {
    Run run = new Run(target, dryRun);
    SyncReport.Tally report = run.report;
    Origin me = ledger.localOrigin();
    TargetMarkers.ensure(target, !dryRun); // before anything moves: never mix plaintext and ciphertext
    Sealer.Plan planned = null;
    if (scope.push()) {
      if (dryRun) {
        planned = sealer.plan(ledger.reader(), ledger.highWater(me));
        report.sealedEvents = planned.events();
        report.sealedSegments = planned.segments();
      } else {
        Sealer.Result sealed = sealer.seal(ledger.reader(), ledger.highWater(me));
        report.sealedEvents = sealed.events();
        report.sealedSegments = sealed.segments().size();
      }
    }
    Set<Origin> remoteOrigins = new TreeSet<>(target.origins());
    report.listCalls++;
    List<Origin> localOrigins = scope.push() ? local.origins() : List.of();
    long total = localOrigins.size() + remoteOrigins.stream().filter(scope::pulls).count();
    long done = 0;
    if (scope.push()) {
      for (Origin origin : localOrigins) {
        if (planned != null && planned.events() > 0 && origin.equals(me)) {
          pushPlanned(me, remoteOrigins.contains(me), planned, run);
        } else {
          push(origin, remoteOrigins.contains(origin), run);
        }
        steps.step(++done, total);
      }
      if (planned != null && planned.events() > 0 && !local.origins().contains(me)) {
        pushPlanned(me, remoteOrigins.contains(me), planned, run); // a first seal: nothing of ours in the store yet
      }
    }
    for (Origin origin : remoteOrigins) {
      if (scope.pulls(origin)) {
        pull(origin, run);
        steps.step(++done, total);
      }
    }
    return report.build();
  }

  /**
   * What a real push of this machine's origin would send after sealing {@code planned}: the
   * segments the newest existing checkpoint lists and the target lacks, the new segments, and the
   * new checkpoint (which lists them all; older checkpoints are not sent).
   */
  private void pushPlanned(Origin me, boolean targetHasOrigin, Sealer.Plan planned, Run run) {
    SyncReport.OriginTally r = run.report.origin(me);
    List<ArtifactInfo> ours = local.list(me, ArtifactKind.CHECKPOINT, null);
    if (!ours.isEmpty()) {
      Set<ArtifactName> theirSegments = theirSegments(me, targetHasOrigin, run);
      ArtifactName newest = ours.get(ours.size() - 1).name();
      try {
        for (ArtifactName seg : CheckpointCodec.verify(newest, local.get(newest)).segmentNames()) {
          if (!theirSegments.contains(seg)) {
            r.pushed++;
            run.report.planned.add("push " + seg);
          }
        }
      } catch (ArtifactCorruptException e) {
        run.report.problems.add("the real run would quarantine " + newest + " in the local store: " + e.getMessage());
      }
    }
    r.pushed += planned.segments() + 1;
    run.report.planned.add("push " + planned.segments() + " segment(s) and checkpoint " + planned.checkpoint() + " of " + me + " that sealing "
        + planned.events() + " new event(s) writes first");
  }

  private void push(Origin origin, boolean targetHasOrigin, Run run) {
    SyncReport.Tally report = run.report;
    List<ArtifactInfo> ours = local.list(origin, ArtifactKind.CHECKPOINT, null);
    if (ours.isEmpty()) {
      return;
    }
    ArtifactName newest = ours.get(ours.size() - 1).name();
    Set<ArtifactName> theirs = new HashSet<>();
    if (targetHasOrigin) {
      run.checkpoints(origin).forEach(i -> theirs.add(i.name()));
      if (theirs.contains(newest)) {
        return;
      }
    }
    Checkpoint cp;
    try {
      cp = CheckpointCodec.verify(newest, local.get(newest));
    } catch (ArtifactCorruptException e) {
      local.moveAside(newest, e.getMessage());
      report.origin(origin).quarantined++;
      report.problems.add("quarantined in the local store: " + e.getMessage());
      return;
    }
    Set<ArtifactName> theirSegments = theirSegments(origin, targetHasOrigin, run);
    SyncReport.OriginTally r = report.origin(origin);
    for (ArtifactName seg : cp.segmentNames()) {
      if (!theirSegments.contains(seg) && !send(seg, run, r)) {
        return; // never publish a checkpoint whose segments are not all there
      }
    }
    send(newest, run, r);
  }

  /** The segments of {@code origin} the target holds (none listed when it has no such origin). */
  private static Set<ArtifactName> theirSegments(Origin origin, boolean targetHasOrigin, Run run) {
    Set<ArtifactName> theirs = new HashSet<>();
    if (targetHasOrigin) {
      run.target.list(origin, ArtifactKind.SEGMENT, null).forEach(i -> theirs.add(i.name()));
      run.report.listCalls++;
    }
    return theirs;
  }

  /** Sends one local artifact, re-hashed first; returns false if the local copy was corrupt (and moved aside). */
  private boolean send(ArtifactName name, Run run, SyncReport.OriginTally r) {
    r.pushed++;
    if (run.dryRun) {
      run.report.planned.add("push " + name);
      return true;
    }
    byte[] bytes = local.get(name);
    if (name.kind() == ArtifactKind.SEGMENT && !Sha256.of(bytes).equals(name.sha256())) {
      local.moveAside(name, "corrupt in the local store: SHA-256 " + Sha256.of(bytes));
      r.pushed--;
      r.quarantined++;
      return false;
    }
    run.target.putIfAbsent(name, bytes);
    r.pushedBytes += bytes.length;
    return true;
  }

  /**
   * Applies what the local store holds but the ledger does not yet (artifacts that another
   * machine pushed into this home's store, for example through {@code cairn serve}).
   */
  public SyncReport absorbLocal() {
    return pullEvery(local, false);
  }

  /**
   * Pulls what {@code target} has and this machine lacks, for every origin there, verifying
   * everything before it is applied (what {@code cairn reconcile --restore} does after its diff).
   */
  public SyncReport pullFrom(Transport target) {
    return pullEvery(target, true);
  }

  private SyncReport pullEvery(Transport source, boolean includeOwn) {
    Run run = new Run(source, false);
    List<Origin> origins = source.origins();
    run.report.listCalls++;
    for (Origin origin : origins) {
      if (includeOwn || !origin.equals(ledger.localOrigin())) {
        pull(origin, run);
      }
    }
    return run.report.build();
  }

  /**
   * Restores into the ledger every sealed event {@code source} holds beyond what the ledger has,
   * for every origin there, this home's own included (the ledger lost them: a damaged queue, a
   * lost entry). Per origin, the newest checkpoint whose key is accepted is verified and its
   * segments' events past the ledger's high-water mark are appended, as a pull would. What
   * {@code cairn reconcile --restore} and ledger recovery run.
   */
  public SyncReport restoreFrom(Transport source) {
    Run run = new Run(source, false);
    SyncReport.Tally report = run.report;
    List<Origin> origins = source.origins();
    report.listCalls++;
    for (Origin origin : origins) {
      if (pins.inConflict(origin)) {
        continue;
      }
      List<ArtifactInfo> cps = run.checkpoints(origin);
      SyncReport.OriginTally r = report.origin(origin);
      for (int i = cps.size() - 1; i >= 0; i--) {
        Optional<Verified> cp = fetchCheckpoint(cps.get(i).name(), run, r);
        if (cp.isEmpty() || !keyAccepted(cp.get(), run, r)) {
          continue;
        }
        if (cp.get().checkpoint().head().value() > ledger.highWater(origin).value()) {
          apply(cp.get(), run, r);
        }
        break;
      }
    }
    return report.build();
  }

  /** Seals this machine's new events into the local store (what a sync does first), without a target. */
  public Sealer.Result sealOnly() {
    return sealer.seal(ledger.reader(), ledger.highWater(ledger.localOrigin()));
  }

  /** The newest checkpoint of {@code origin} already applied: our own newest for us, the pinned record for others. */
  private long applied(Origin origin) {
    return origin.equals(ledger.localOrigin()) ? newestLocalCheckpoint(origin) : pins.get(origin).map(p -> p.checkpoint()).orElse(0L);
  }

  private void pull(Origin origin, Run run) {
    SyncReport.Tally report = run.report;
    Optional<KeyConflictException> stopped = pins.openConflict(origin);
    if (stopped.isPresent()) {
      report.origin(origin).conflicted = true;
      report.problems.add("stopped: " + stopped.get().getMessage());
      return;
    }
    long haveNumber = applied(origin);
    List<ArtifactInfo> remote = run.checkpoints(origin);
    List<ArtifactInfo> newer = new ArrayList<>();
    for (ArtifactInfo i : remote) {
      if (i.name().checkpointNumber() > haveNumber) {
        newer.add(i);
      }
    }
    if (newer.isEmpty()) {
      return;
    }
    SyncReport.OriginTally r = report.origin(origin);
    if (run.dryRun) {
      r.pulled += newer.size();
      newer.forEach(i -> report.planned.add("pull " + i.name() + " (and the segments it lists that are not here)"));
      return;
    }
    // Every newer checkpoint is fetched and its key checked, not only the one applied (usually one
    // or two since the last sync): a forgery is seen and reported whatever number it took, and two
    // keys claiming the origin on this target are a conflict, never a coin toss over which came first.
    Verified chosen = null;
    for (int i = newer.size() - 1; i >= 0 && !r.untrusted; i--) {
      Optional<Verified> v = fetchCheckpoint(newer.get(i).name(), run, r);
      if (v.isPresent() && keyAccepted(v.get(), run, r) && chosen == null) {
        chosen = v.get();
      }
    }
    if (chosen == null || r.conflicted || r.untrusted) {
      return; // a key conflict stops the origin: nothing from it, older checkpoints included, until a person decides
    }
    long known = pins.knownHead(origin);
    if (chosen.checkpoint().head().value() < known) {
      quarantine(chosen.checkpoint().name(), run, new ArtifactCorruptException(chosen.checkpoint().name(),
          "coverage up to at least seq " + known + " (already seen)", "head " + chosen.checkpoint().head()), r);
      return;
    }
    apply(chosen, run, r);
  }

  /** Whether the key that signed {@code v} is the origin's; reports and counts it if not. */
  private boolean keyAccepted(Verified v, Run run, SyncReport.OriginTally r) {
    Transport target = run.target;
    SyncReport.Tally report = run.report;
    ArtifactName name = v.checkpoint().name();
    try {
      pins.check(name, v.checkpoint().publicKey(), clock.instant(), target.describe());
      return true;
    } catch (KeyConflictException e) {
      r.forged++;
      r.conflicted = true;
      report.problems.add(e.getMessage());
    } catch (UntrustedOriginException e) {
      r.untrusted = true;
      report.problems.add(e.getMessage());
    } catch (ForgedCheckpointException e) {
      r.forged++; // signed by a key a person already rejected for this origin: move it out of the way
      boolean moved = target.moveAside(name, "forged: " + e.getMessage());
      report.problems.add("forged" + (moved ? " (moved aside on " + target.describe() + ")" : "") + ": " + e.getMessage());
    }
    return false;
  }

  /** A checkpoint that verified, with the exact bytes it came in (they are signed: stored as they are). */
  private record Verified(Checkpoint checkpoint, byte[] bytes) {}

  /**
   * What one run (a sync, a pull, a restore) works with: the other end, whether it is a dry run,
   * its tally, and the other end's checkpoint listing per origin, listed at most once and shared by
   * push and pull. Made at the start of a run and dropped at its end; nothing of it outlives the run.
   */
  private static final class Run {
    final Transport target;
    final boolean dryRun;
    final SyncReport.Tally report = new SyncReport.Tally();
    private final Map<Origin, List<ArtifactInfo>> checkpoints = new HashMap<>();

    Run(Transport target, boolean dryRun) {
      this.target = target;
      this.dryRun = dryRun;
      report.dryRun = dryRun;
    }

    List<ArtifactInfo> checkpoints(Origin origin) {
      return checkpoints.computeIfAbsent(origin, o -> {
        report.listCalls++;
        return target.list(o, ArtifactKind.CHECKPOINT, null);
      });
    }
  }

  private Optional<Verified> fetchCheckpoint(ArtifactName name, Run run, SyncReport.OriginTally r) {
    byte[] bytes;
    try {
      bytes = run.target.get(name);
    } catch (ArtifactNotFoundException e) {
      return Optional.empty(); // listed, then gone (GC or a concurrent move): try an older one
    } catch (ArtifactCorruptException e) {
      quarantine(name, run, e, r); // an encrypted artifact whose ciphertext does not authenticate
      return Optional.empty();
    }
    r.pulled++;
    r.pulledBytes += bytes.length;
    try {
      return Optional.of(new Verified(CheckpointCodec.verify(name, bytes), bytes));
    } catch (ArtifactCorruptException e) {
      quarantine(name, run, e, r);
      return Optional.empty();
    }
  }

  private void apply(Verified verified, Run run, SyncReport.OriginTally r) {
    Checkpoint cp = verified.checkpoint();
    for (ArtifactName segName : cp.segmentNames()) {
      Segment segment = localSegment(segName);
      if (segment == null) {
        segment = fetchSegment(segName, run, r);
        if (segment == null) {
          return; // cannot go past a missing or corrupt segment; a later sync heals it
        }
      }
      if (segment.header().last().value() <= ledger.highWater(cp.origin()).value()) {
        continue;
      }
      List<Event> events = segment.events();
      for (int i = 0; i < events.size(); i++) {
        switch (ledger.appendForeign(events.get(i), segment.lines().get(i))) {
          case APPENDED -> r.applied++;
          case DUPLICATE -> r.duplicates++;
          case QUARANTINED -> r.heldBack++;
          default -> throw new IllegalStateException();
        }
      }
    }
    local.putIfAbsent(cp.name(), verified.bytes());
    pins.applied(cp.origin(), cp.number(), cp.head().value(), clock.instant());
    r.checkpoint = cp.number();
    r.head = cp.head().value();
  }

  private Segment localSegment(ArtifactName name) {
    if (local.head(name).isEmpty()) {
      return null;
    }
    try {
      return SegmentCodec.verify(name, local.get(name));
    } catch (ArtifactCorruptException e) {
      local.moveAside(name, e.getMessage());
      return null;
    }
  }

  private Segment fetchSegment(ArtifactName name, Run run, SyncReport.OriginTally r) {
    Transport target = run.target;
    SyncReport.Tally report = run.report;
    byte[] bytes;
    try {
      bytes = target.get(name);
    } catch (ArtifactNotFoundException e) {
      report.problems.add("missing: " + target.describe() + " has no " + name + " that its checkpoint lists; waiting for a copy");
      return null;
    } catch (ArtifactCorruptException e) {
      quarantine(name, run, e, r);
      withdrawCheckpointsListing(name, run);
      return null;
    }
    r.pulled++;
    r.pulledBytes += bytes.length;
    try {
      Segment s = SegmentCodec.verify(name, bytes);
      local.putIfAbsent(name, bytes);
      return s;
    } catch (ArtifactCorruptException e) {
      quarantine(name, run, e, r);
      withdrawCheckpointsListing(name, run);
      return null;
    }
  }

  /**
   * After a corrupt segment is moved aside, the target's checkpoints that list it point at
   * nothing: they are moved aside too, so the target never holds a checkpoint whose segments are
   * missing, and the origin (or any relay holding good copies) publishes segment and checkpoint
   * again on its next sync.
   */
  private void withdrawCheckpointsListing(ArtifactName segment, Run run) {
    Transport target = run.target;
    for (ArtifactInfo info : run.checkpoints(segment.origin())) {
      try {
        Checkpoint cp = CheckpointCodec.verify(info.name(), target.get(info.name()));
        if (cp.segmentNames().contains(segment) && target.moveAside(info.name(), "lists quarantined segment " + segment)) {
          run.report.problems.add("withdrawn: " + info.name() + " lists the quarantined " + segment + "; its writer will publish both again");
        }
      } catch (ArtifactCorruptException | ArtifactNotFoundException ignored) {
        // a corrupt or vanished checkpoint is dealt with when it is pulled
      }
    }
  }

  private void quarantine(ArtifactName name, Run run, ArtifactCorruptException e, SyncReport.OriginTally r) {
    r.quarantined++;
    boolean moved = run.target.moveAside(name, e.getMessage());
    run.report.problems.add("quarantined" + (moved ? " (moved aside on " + run.target.describe() + ")" : "") + ": " + e.getMessage());
  }

  private long newestLocalCheckpoint(Origin origin) {
    List<ArtifactInfo> cps = local.list(origin, ArtifactKind.CHECKPOINT, null);
    return cps.isEmpty() ? 0 : cps.get(cps.size() - 1).name().checkpointNumber();
  }
}
