package dev.cairn.cli.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cairn.cli.command.BadInputException;
import dev.cairn.cli.command.Context;
import dev.cairn.cli.command.ExitCode;
import dev.cairn.cli.home.Exchanges;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.output.Json;
import dev.cairn.cli.output.TrustOutput;
import dev.cairn.exchange.artifact.SigningKey;
import dev.cairn.exchange.trust.KeyClaim;
import dev.cairn.exchange.trust.Peer;
import dev.cairn.exchange.trust.PeerList;
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
        "A checkpoint signed by another key than the pinned one starts a key conflict: nothing more from that origin is applied",
        "until you decide with 'cairn peers trust' (exit code 5 until then). With trust = \"strict\" in config.toml, origins",
        "nobody pinned are held back until trusted (by hand, or with 'cairn peers import' of a list exported on your machine)."},
    subcommands = {PeersCommand.Trust.class, PeersCommand.Forget.class, PeersCommand.Export.class, PeersCommand.Import.class})
public final class PeersCommand implements Callable<Integer> {
  private final Context ctx;

  @Option(names = "--json", description = "Print a JSON array.")
  boolean json;

  public PeersCommand(Context ctx) {
    this.ctx = ctx;
  }

  /**
   * Every origin this home knows, with its pinned key and newest verified checkpoint; this machine's
   * own from its local store (its checkpoints are not pulled). Also what the web UI's peers page shows.
   */
  static List<Peer> peers(Home home, PinnedKeys pins, java.time.Instant now) {
    Origin me = home.origin();
    pins.pinOwn(me, Exchanges.key(home).publicKey(), now);
    List<Peer> peers = new java.util.ArrayList<>(pins.all());
    var store = Exchanges.store(home);
    var own = store.list(me, dev.cairn.exchange.artifact.ArtifactKind.CHECKPOINT, null);
    if (!own.isEmpty()) {
      var name = own.get(own.size() - 1).name();
      var cp = dev.cairn.exchange.artifact.CheckpointCodec.verify(name, store.get(name));
      peers.replaceAll(p -> p.origin().equals(me)
          ? new Peer(p.origin(), p.key(), p.pinnedAt(), cp.number(), cp.head().value(), p.lastSeen()) : p);
    }
    return peers;
  }

  @Override
  public Integer call() {
    Home home = Home.of(ctx);
    Origin me = home.origin();
    PinnedKeys pins = Exchanges.pins(home);
    List<Peer> peers = peers(home, pins, ctx.clock().instant());
    LedgerState state;
    try (LedgerReader reader = home.openReader()) {
      state = reader.state();
    }
    int code = ExitCode.corruptIf(!pins.conflicts().isEmpty());
    if (json) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      for (Peer p : peers) {
        out.addObject().put("origin", p.origin().value()).put("this_machine", p.origin().equals(me)).put("key", p.key().text())
            .put("fingerprint", p.key().fingerprint()).put("pinned_at", p.pinnedAt().toString()).put("checkpoint", p.checkpoint()).put("head", p.head())
            .put("local_high_water", state.highWater(p.origin()).value()).put("last_seen", p.lastSeen() == null ? null : p.lastSeen().toString())
            .put("key_conflict", pins.inConflict(p.origin()));
      }
      ctx.out().println(Json.write(out));
      return code;
    }
    ctx.out().printf("%-28s %-24s %10s %10s %10s  %-20s %s%n", "ORIGIN", "KEY", "CHECKPOINT", "HEAD", "LOCAL", "LAST SEEN", "");
    for (Peer p : peers) {
      ctx.out().printf("%-28s %-24s %10d %10d %10d  %-20s %s%n", p.origin(), p.key().fingerprint(), p.checkpoint(), p.head(),
          state.highWater(p.origin()).value(), p.lastSeen() == null ? "-" : p.lastSeen().toString().substring(0, 19) + "Z",
          p.origin().equals(me) ? "(this machine)" : pins.inConflict(p.origin()) ? "KEY CONFLICT" : "");
    }
    TrustOutput.printProblems(pins, ctx.out());
    return code;
  }

  /** {@code cairn peers trust ORIGIN --key KEY}. */
  @Command(name = "trust", mixinStandardHelpOptions = true,
      description = {"Decide which key is ORIGIN's: pin KEY, replacing any pinned key (a machine re-installed with a new key),",
          "ending a key conflict (every other key that claimed ORIGIN is refused from then on) and releasing an origin",
          "held back under trust = \"strict\". Check the key on the machine itself first: 'cat CAIRN_HOME/keys/signing.pub' there."})
  public static final class Trust implements Callable<Integer> {
    private final Context ctx;

    @Parameters(paramLabel = "ORIGIN", description = "The origin.")
    String origin;

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "ed25519:<base64>, as in keys/signing.pub.")
    String key;

    public Trust(Context ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Home home = Home.of(ctx);
      Origin o = Origin.parse(origin);
      SigningKey.PublicKeyText k = SigningKey.PublicKeyText.parse(key);
      try (Ledger ignored = home.openLedger()) { // the writer lock: no sync runs while pins change
        Exchanges.pins(home).trust(o, k, ctx.clock().instant());
      }
      ctx.out().println("pinned " + k + " (" + k.fingerprint() + ") for " + o);
      return 0;
    }
  }

  /** {@code cairn peers forget ORIGIN}. */
  @Command(name = "forget", mixinStandardHelpOptions = true,
      description = "Drop the pinned key of ORIGIN: the next key seen for it is pinned again (trust on first use).")
  public static final class Forget implements Callable<Integer> {
    private final Context ctx;

    @Parameters(paramLabel = "ORIGIN", description = "The origin.")
    String origin;

    public Forget(Context ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Home home = Home.of(ctx);
      Origin o = Origin.parse(origin);
      boolean had;
      try (Ledger ignored = home.openLedger()) {
        had = Exchanges.pins(home).forget(o);
      }
      ctx.out().println(had ? "forgot the pinned key of " + o : "no key was pinned for " + o + "; nothing changed");
      return 0;
    }
  }

  /** {@code cairn peers export [--out FILE]}. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = {"Write a list of your machines and their keys, signed by this machine: every origin pinned here without a",
          "key conflict (this machine included). Carry it to another machine (by hand, or through any target) and run",
          "'cairn peers import FILE' there, so that it trusts your machines without depending on which key it met first."})
  public static final class Export implements Callable<Integer> {
    private final Context ctx;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    java.nio.file.Path out;

    public Export(Context ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() throws java.io.IOException {
      Home home = Home.of(ctx);
      Origin me = home.origin();
      var key = Exchanges.key(home);
      PinnedKeys pins = Exchanges.pins(home);
      java.util.TreeMap<Origin, SigningKey.PublicKeyText> machines = new java.util.TreeMap<>();
      pins.all().stream().filter(p -> !pins.inConflict(p.origin())).forEach(p -> machines.put(p.origin(), p.key()));
      machines.put(me, key.publicKey());
      byte[] bytes = new PeerList(me, ctx.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), machines).encode(key);
      if (out == null) {
        ctx.out().print(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        ctx.out().flush();
      } else {
        dev.cairn.ledger.DurableFile.write(out, bytes);
        ctx.err().println("exported " + machines.size() + " machine" + (machines.size() == 1 ? "" : "s") + " signed by " + me + " ("
            + key.publicKey().fingerprint() + ") to " + out);
      }
      return 0;
    }
  }

  /** {@code cairn peers import FILE}. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {"Trust the machines in FILE (written by 'cairn peers export'), after checking its signature. The signer must",
          "be unknown here or pinned to the key that signed the list. Machines not pinned yet are pinned (held-back origins",
          "are released); a machine pinned here to another key is reported as a key conflict (exit 5) and left as it is."})
  public static final class Import implements Callable<Integer> {
    private final Context ctx;

    @Parameters(paramLabel = "FILE", description = "The exported list ('-' for standard input).")
    String file;

    public Import(Context ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() throws java.io.IOException {
      Home home = Home.of(ctx);
      byte[] bytes;
      try {
        bytes = file.equals("-") ? ctx.in().readNBytes((1 << 20) + 1) : java.nio.file.Files.readAllBytes(java.nio.file.Path.of(file));
      } catch (java.nio.file.NoSuchFileException e) {
        throw new BadInputException(file, 0, "expected a peer list exported by 'cairn peers export', found no such file");
      }
      PeerList list = PeerList.verify(bytes, file);
      Instant now = ctx.clock().instant();
      int pinned = 0;
      int same = 0;
      java.util.List<String> conflicts = new java.util.ArrayList<>();
      try (Ledger ignored = home.openLedger()) { // the writer lock: no sync runs while pins change
        PinnedKeys pins = Exchanges.pins(home);
        var signerPin = pins.get(list.signer());
        if (signerPin.isPresent() && !signerPin.get().key().equals(list.signerKey())) {
          throw new PeerListSignerException(list, signerPin.get().key());
        }
        for (var e : list.machines().entrySet()) {
          var pin = pins.get(e.getKey());
          if (pin.isEmpty()) {
            pins.trust(e.getKey(), e.getValue(), now);
            pinned++;
          } else if (pin.get().key().equals(e.getValue())) {
            same++;
          } else {
            pins.recordConflict(new KeyClaim(e.getKey(), e.getValue(), "peer list " + file + " signed by " + list.signer(), now));
            conflicts.add(e.getKey().value());
          }
        }
      }
      ctx.out().printf("imported %d machine%s signed by %s (%s): %d pinned, %d already pinned to the same key%s%n", list.machines().size(),
          list.machines().size() == 1 ? "" : "s", list.signer(), list.signerKey().fingerprint(), pinned, same,
          conflicts.isEmpty() ? "" : ", KEY CONFLICT for " + String.join(", ", conflicts) + " (see cairn peers)");
      return conflicts.isEmpty() ? 0 : 5;
    }
  }

  /** The list is signed by a machine pinned here to another key. */
  static final class PeerListSignerException extends dev.cairn.ledger.CairnException {
    PeerListSignerException(PeerList list, SigningKey.PublicKeyText pinned) {
      super("the list is signed by " + list.signer() + " with " + list.signerKey().fingerprint() + ", but " + list.signer() + " is pinned to "
          + pinned.fingerprint() + " here; nothing imported");
    }

    @Override
    public Kind kind() {
      return Kind.CORRUPT;
    }
  }
}
