package dev.cairn.cli.admin;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Config;
import dev.cairn.cli.home.Exchanges;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.HomePermissions;
import dev.cairn.cli.home.HomeSession;
import dev.cairn.cli.home.OriginNames;
import dev.cairn.cli.home.TargetResolver;
import dev.cairn.cli.output.Json;
import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.Origin;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn init}: creates a home with a new origin identity. */
@Command(name = "init", header = "Create a cairn home with a new origin and signing key.", mixinStandardHelpOptions = true,
    description = {"Create a cairn home: config.toml with this machine's origin, an empty ledger and view.",
        "The origin is the host name plus 6 random hex characters (e.g. laptop-3f9a1c); it names this",
        "machine in every event it writes. An Ed25519 key pair (keys/) signs what it shares.",
        "Running init on an existing home changes nothing."})
public final class InitCommand implements Callable<Integer> {
  private final Context ctx;

  @Option(names = "--origin", paramLabel = "NAME", description = "Use this origin instead of a generated one ([a-z0-9-], 1-63 chars).")
  String origin;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  public InitCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws IOException {
    Home home = Home.of(ctx);
    boolean existed = home.isInitialised();
    Origin o;
    if (existed) {
      o = home.origin();
    } else {
      o = origin != null ? Origin.parse(origin) : OriginNames.create(OriginNames.hostName(ctx::env), new SecureRandom());
      HomePermissions.createPrivateDirectory(home.root());
      HomePermissions.createPrivateDirectory(home.keys());
      HomePermissions.createPrivateDirectory(home.state());
      new Config(o).write(home);
    }
    try (HomeSession session = HomeSession.openCaughtUp(home)) {
      session.commit(); // creates the ledger and its view, empty
    }
    String key = Exchanges.key(home).publicKey().text();
    dev.cairn.exchange.http.BearerToken.loadOrCreate(home.keys()); // for 'cairn serve'
    String recipient = TargetResolver.identity(home, ctx).recipient().value(); // for encrypted targets
    if (json) {
      ctx.out().println(Json.write(Json.object().put("home", home.root().toString()).put("origin", o.value()).put("created", !existed)
          .put("public_key", key).put("age_recipient", recipient)));
    } else if (existed) {
      ctx.out().println("cairn home " + home.root() + " already initialised as origin " + o + "; nothing changed");
    } else {
      ctx.out().println("initialised cairn home " + home.root() + " as origin " + o);
      ctx.out().println("signing key " + key + " (keys/signing.key, mode 0600)");
      ctx.out().println("age recipient " + recipient + " (keys/age.key, mode 0600; give it to 'cairn target add --encrypt-to' on other machines)");
    }
    return 0;
  }
}
