package dev.cairn.cli.sync;

import dev.cairn.cli.home.Exchanges;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.HomeSession;
import dev.cairn.cli.home.TargetResolver;
import dev.cairn.exchange.sync.SyncReport;
import java.time.Instant;

/** One sync of a home with one target, as 'cairn sync' and the service run it. Stateless. */
final class TargetSync {
  private TargetSync() {}

  /** Seals, pushes, pulls and applies (a dry run changes nothing); a real run commits and records its success at {@code now}. */
  static SyncReport once(Home home, TargetResolver.Resolved target, boolean dryRun, Instant now) {
    return once(home, target, dryRun, now, dev.cairn.exchange.sync.SyncScope.BOTH);
  }

  /** As {@link #once(Home, TargetResolver.Resolved, boolean, Instant)}, pushing, pulling or both ({@code scope}). */
  static SyncReport once(Home home, TargetResolver.Resolved target, boolean dryRun, Instant now, dev.cairn.exchange.sync.SyncScope scope) {
    return once(home, target, dryRun, now, scope, dev.cairn.exchange.sync.StepListener.NONE);
  }

  /** As above, telling {@code steps} after each origin (a progress bar). */
  static SyncReport once(Home home, TargetResolver.Resolved target, boolean dryRun, Instant now, dev.cairn.exchange.sync.SyncScope scope,
      dev.cairn.exchange.sync.StepListener steps) {
    SyncReport report;
    try (HomeSession session = HomeSession.open(home)) {
      report = session.synchronizer(Exchanges.pins(home)).sync(target.transport(), dryRun, scope, steps);
      if (!dryRun) {
        session.commit();
        long refused = report.quarantined() + report.forged() + report.conflicted();
        if (refused == 0) {
          Exchanges.targets(home).success(target.id(), now);
        } else { // what verified was applied, but the target is not in step: it is not "fresh"
          Exchanges.targets(home).failure(target.id(), now, partial(report));
        }
      }
    }
    return report;
  }

  /** What a sync that applied what verified but refused the rest records as its outcome. */
  static String partial(SyncReport r) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    if (r.quarantined() > 0) {
      parts.add(r.quarantined() + " corrupt artifact(s) quarantined");
    }
    if (r.forged() > 0) {
      parts.add(r.forged() + " forged checkpoint(s) rejected");
    }
    if (r.conflicted() > 0) {
      parts.add(r.conflicted() + " origin(s) stopped by a key conflict");
    }
    return dev.cairn.exchange.sync.TargetLog.PARTIAL + " " + String.join(", ", parts) + " (see cairn status; cairn reconcile TARGET heals from a good copy)";
  }

  /** The one line an unattended sync prints: what moved, and what was refused. */
  static String line(String time, TargetResolver.Resolved target, SyncReport r) {
    return String.format("%s %s: sealed %d, pushed %d, pulled %d, applied %d%s", time, target.transport().describe(),
        r.sealedEvents(), r.pushed(), r.pulled(), r.applied(),
        r.quarantined() + r.forged() + r.conflicted() > 0 ? ", quarantined " + r.quarantined() + ", forged " + r.forged()
            + (r.conflicted() > 0 ? ", " + r.conflicted() + " origin(s) stopped by a key conflict" : "") : "");
  }
}
