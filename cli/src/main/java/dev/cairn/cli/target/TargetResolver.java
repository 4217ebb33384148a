package dev.cairn.cli.target;

import dev.cairn.cli.command.BadInputException;
import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Config;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.Secrets;
import dev.cairn.exchange.crypt.AgeEncryption;
import dev.cairn.exchange.crypt.AgeIdentity;
import dev.cairn.exchange.crypt.AgeRecipient;
import dev.cairn.exchange.crypt.EncryptedTransport;
import dev.cairn.exchange.crypt.Passphrase;
import dev.cairn.exchange.transport.Transport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens what a verb's TARGET argument names: a named target from config.toml (with its token,
 * S3 settings and encryption) or an ad-hoc URL or path (plain). Used by sync, reconcile and gc.
 * Part of the composition root; stateless apart from the inputs it was given.
 */
public final class TargetResolver {
  /** A target to work with: the name or URL it was given by, and its transport. */
  public record Resolved(String label, Transport transport) {}

  private final Context ctx;
  private final Home home;
  private final String token;
  private final String endpoint;
  private final Config config;
  private final Secrets secrets;

  TargetResolver(Context ctx, Home home, String token, String endpoint) {
    this.ctx = ctx;
    this.home = home;
    this.token = token;
    this.endpoint = endpoint;
    this.config = Config.read(home);
    this.secrets = Secrets.read(home);
  }

  public List<String> allNames() {
    if (config.targets().isEmpty()) {
      throw new BadInputException("--all", 0, "expected named targets (cairn target add NAME URL), found none");
    }
    return new ArrayList<>(config.targets().keySet());
  }

  public Resolved open(String name) {
    TargetSpec spec = config.targets().getOrDefault(name, TargetSpec.plain(name));
    String url = spec.url();
    String t = token != null ? token : ctx.env("CAIRN_TOKEN") != null ? ctx.env("CAIRN_TOKEN") : secrets.token(name).orElse(null);
    Transport transport = Targets.open(url, t, url.startsWith("s3://") ? S3Config.resolve(ctx, home, endpoint) : null);
    if (spec.encrypted()) {
      transport = new EncryptedTransport(transport, encryption(name, spec));
    }
    return new Resolved(name, transport);
  }

  private AgeEncryption encryption(String name, TargetSpec spec) {
    if (spec.passphrase()) {
      String p = secrets.passphrase(name).orElseThrow(() -> new BadInputException("target " + name, 0,
          "expected its passphrase in secrets.toml (targets." + name + ".passphrase; set it with cairn target add --encrypt-passphrase-file), found none"));
      return AgeEncryption.withPassphrase(new Passphrase(p), spec.scryptWorkFactor());
    }
    List<AgeRecipient> recipients = spec.encryptTo().stream().map(AgeRecipient::new).toList();
    return AgeEncryption.toRecipients(recipients, List.of(identity(home)));
  }

  /** This machine's age identity (keys/age.key), created on first use. */
  public static AgeIdentity identity(Home home) {
    return AgeIdentity.loadOrCreate(home.keys(), Instant.now());
  }
}
