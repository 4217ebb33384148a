package dev.cairn.cli.sync;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Config;
import dev.cairn.cli.home.Exchanges;
import dev.cairn.cli.home.Home;
import dev.cairn.exchange.sync.DeadLetters;
import dev.cairn.exchange.trust.PinnedKeys;
import dev.cairn.ledger.LedgerReader;
import dev.cairn.ledger.LedgerState;
import dev.cairn.web.Machines;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The web UI's peers and sync pages, answered from this home's exchange state: pins, checkpoints,
 * the target log and the dead letters, read fresh on every page (the CLI may have changed them).
 * Thread-safe: every call reads the files anew.
 */
final class ServiceMachines implements Machines {
  private final Context ctx;
  private final Home home;
  private final Runnable syncSoon;

  ServiceMachines(Context ctx, Home home, Runnable syncSoon) {
    this.ctx = ctx;
    this.home = home;
    this.syncSoon = syncSoon;
  }

  @Override
  public List<Peer> peers() {
    PinnedKeys pins = Exchanges.pins(home);
    var origin = home.origin();
    List<dev.cairn.exchange.trust.Peer> known = PeersCommand.peers(home, pins, ctx.clock().instant());
    LedgerState state;
    try (LedgerReader reader = home.openReader()) {
      state = reader.state();
    }
    List<Peer> out = new ArrayList<>();
    for (var p : known) {
      out.add(new Peer(p.origin().value(), p.origin().equals(origin), p.key().fingerprint(), p.checkpoint(), p.head(),
          state.highWater(p.origin()).value(), p.lastSeen() == null ? null : p.lastSeen().toString(), pins.inConflict(p.origin())));
    }
    return out;
  }

  @Override
  public List<Target> targets() {
    Config config = Config.read(home);
    var logged = Exchanges.targets(home).entries();
    DeadLetters dead = Exchanges.deadLetters(home);
    Instant now = ctx.clock().instant();
    List<Target> out = new ArrayList<>();
    config.targets().forEach((name, spec) -> {
      var entry = logged.get(spec.url().id());
      out.add(new Target(name, spec.url().text(), spec.encryptionLabel(), entry == null ? "never synced" : entry.staleness(now),
          entry == null || entry.lastSuccess() == null ? null : entry.lastSuccess().toString(), entry == null ? null : entry.lastError(),
          entry == null ? null : entry.paused(), dead.forTarget(spec.url().id()).size()));
    });
    return out;
  }

  @Override
  public void syncNow() {
    syncSoon.run();
  }
}
