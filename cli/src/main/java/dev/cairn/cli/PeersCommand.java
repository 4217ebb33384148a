package dev.cairn.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cairn.exchange.artifact.SigningKey;
import dev.cairn.exchange.trust.Peer;
import dev.cairn.exchange.trust.PinnedKeys;
import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.LedgerReader;
import dev.cairn.ledger.LedgerState;
import dev.cairn.ledger.Origin;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn peers}: origins this home knows, with their pinned keys. */
@Command(name = "peers", header = "List known machines (origins) with their pinned keys.", mixinStandardHelpOptions = true,
    description = {"List the origins (machines) this home has seen: pinned public key (trust on first use),",
        "latest verified checkpoint and its head seq, this home's high-water mark for the origin, last seen.",
        "A checkpoint signed by another key than the pinned one is rejected as forged."},
    subcommands = {PeersCommand.Trust.class, PeersCommand.Forget.class})
final class PeersCommand implements Callable<Integer> {
  private final Context ctx;

  @Option(names = "--json", description = "Print a JSON array.")
  boolean json;

  PeersCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Home home = ctx.home();
    Origin me = home.origin();
    PinnedKeys pins = Exchanges.pins(home);
    pins.pinOwn(me, Exchanges.key(home).publicKey(), Instant.now());
    LedgerState state;
    try (LedgerReader reader = home.openReader()) {
      state = reader.state();
    }
    List<Peer> peers = new java.util.ArrayList<>(pins.all());
    // this machine's own checkpoints live in its local store, not in what it pulled
    var store = Exchanges.store(home);
    var own = store.list(me, dev.cairn.exchange.artifact.ArtifactKind.CHECKPOINT, null);
    if (!own.isEmpty()) {
      var name = own.get(own.size() - 1).name();
      var cp = dev.cairn.exchange.artifact.CheckpointCodec.verify(name, store.get(name));
      peers.replaceAll(p -> p.origin().equals(me)
          ? new Peer(p.origin(), p.key(), p.pinnedAt(), cp.number(), cp.head().value(), p.lastSeen()) : p);
    }
    if (json) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      for (Peer p : peers) {
        out.addObject().put("origin", p.origin().value()).put("this_machine", p.origin().equals(me)).put("key", p.key().text())
            .put("pinned_at", p.pinnedAt().toString()).put("checkpoint", p.checkpoint()).put("head", p.head())
            .put("local_high_water", state.highWater(p.origin()).value()).put("last_seen", p.lastSeen() == null ? null : p.lastSeen().toString());
      }
      ctx.out().println(Json.write(out));
      return 0;
    }
    ctx.out().printf("%-28s %-14s %10s %10s %10s  %-20s %s%n", "ORIGIN", "KEY", "CHECKPOINT", "HEAD", "LOCAL", "LAST SEEN", "");
    for (Peer p : peers) {
      ctx.out().printf("%-28s %-14s %10d %10d %10d  %-20s %s%n", p.origin(), p.key().text().substring(0, 14), p.checkpoint(), p.head(),
          state.highWater(p.origin()).value(), p.lastSeen() == null ? "-" : p.lastSeen().toString().substring(0, 19) + "Z",
          p.origin().equals(me) ? "(this machine)" : "");
    }
    return 0;
  }

  /** {@code cairn peers trust ORIGIN --key KEY}. */
  @Command(name = "trust", mixinStandardHelpOptions = true,
      description = {"Pin KEY for ORIGIN, replacing the pinned key (when a machine was re-installed and has a new key).",
          "Check the key on the machine itself first: 'cat CAIRN_HOME/keys/signing.pub' there."})
  static final class Trust implements Callable<Integer> {
    private final Context ctx;

    @Parameters(paramLabel = "ORIGIN", description = "The origin.")
    String origin;

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "ed25519:<base64>, as in keys/signing.pub.")
    String key;

    Trust(Context ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Home home = ctx.home();
      Origin o = Origin.parse(origin);
      SigningKey.PublicKeyText k = SigningKey.PublicKeyText.parse(key);
      try (Ledger ignored = home.openLedger()) { // the writer lock: no sync runs while pins change
        Exchanges.pins(home).trust(o, k, Instant.now());
      }
      ctx.out().println("pinned " + k + " for " + o);
      return 0;
    }
  }

  /** {@code cairn peers forget ORIGIN}. */
  @Command(name = "forget", mixinStandardHelpOptions = true,
      description = "Drop the pinned key of ORIGIN: the next key seen for it is pinned again (trust on first use).")
  static final class Forget implements Callable<Integer> {
    private final Context ctx;

    @Parameters(paramLabel = "ORIGIN", description = "The origin.")
    String origin;

    Forget(Context ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Home home = ctx.home();
      Origin o = Origin.parse(origin);
      boolean had;
      try (Ledger ignored = home.openLedger()) {
        had = Exchanges.pins(home).forget(o);
      }
      ctx.out().println(had ? "forgot the pinned key of " + o : "no key was pinned for " + o + "; nothing changed");
      return 0;
    }
  }
}
