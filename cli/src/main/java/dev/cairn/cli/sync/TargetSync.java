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
    SyncReport report;
    try (HomeSession session = HomeSession.open(home)) {
      report = session.synchronizer(Exchanges.pins(home)).sync(target.transport(), dryRun);
      if (!dryRun) {
        session.commit();
        Exchanges.targets(home).success(target.id(), now);
      }
    }
    return report;
  }

  /** The one line an unattended sync prints: what moved, and what was refused. */
  static String line(String time, TargetResolver.Resolved target, SyncReport r) {
    return String.format("%s %s: sealed %d, pushed %d, pulled %d, applied %d%s", time, target.transport().describe(),
        r.sealedEvents(), r.pushed(), r.pulled(), r.applied(),
        r.quarantined() + r.forged() + r.conflicted() > 0 ? ", quarantined " + r.quarantined() + ", forged " + r.forged()
            + (r.conflicted() > 0 ? ", " + r.conflicted() + " origin(s) stopped by a key conflict" : "") : "");
  }
}
