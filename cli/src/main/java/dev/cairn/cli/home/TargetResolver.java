package dev.cairn.cli.home;

import dev.cairn.cli.command.BadInputException;
import dev.cairn.cli.command.Context;
import dev.cairn.cli.target.TargetSpec;
import dev.cairn.cli.target.TargetUrl;
import dev.cairn.exchange.crypt.AgeEncryption;
import dev.cairn.exchange.crypt.AgeIdentity;
import dev.cairn.exchange.crypt.AgeRecipient;
import dev.cairn.exchange.crypt.EncryptedTransport;
import dev.cairn.exchange.crypt.Passphrase;
import dev.cairn.exchange.http.BearerToken;
import dev.cairn.exchange.http.HttpTransport;
import dev.cairn.exchange.s3.S3Settings;
import dev.cairn.exchange.s3.S3Transport;
import dev.cairn.exchange.transport.FolderTransport;
import dev.cairn.exchange.transport.TargetId;
import dev.cairn.exchange.transport.Transport;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens what a verb's TARGET argument names: a named target from config.toml (with its token,
 * S3 settings and encryption) or an ad-hoc URL or path (plain). Used by sync, reconcile and gc.
 * Part of the composition root; stateless apart from the inputs it was given.
 */
public final class TargetResolver {
  /** A target to work with: the name or URL it was given by, its identity, and its transport. */
  public record Resolved(String label, TargetId id, Transport transport) {}

  private final Context ctx;
  private final Home home;
  private final String token;
  private final String endpoint;
  private final boolean create;
  private final Config config;
  private final Secrets secrets;

  /** A resolver with no --token or --endpoint given: what a named target stores, else the environment. */
  public static TargetResolver of(Context ctx, Home home) {
    return new TargetResolver(ctx, home, null, null, false);
  }

  TargetResolver(Context ctx, Home home, String token, String endpoint, boolean create) {
    this.ctx = ctx;
    this.home = home;
    this.token = token;
    this.endpoint = endpoint;
    this.create = create;
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
    TargetSpec spec = config.targets().get(name);
    if (spec == null) {
      spec = TargetSpec.plain(TargetUrl.parse(name));
    }
    Transport transport = transport(name, spec.url());
    if (spec.encrypted()) {
      transport = new EncryptedTransport(transport, encryption(name, spec));
    }
    return new Resolved(name, spec.url().id(), transport);
  }

  private Transport transport(String name, TargetUrl url) {
    if (url instanceof TargetUrl.Folder f) {
      if (!java.nio.file.Files.isDirectory(f.path()) && !create) {
        // a typo must not quietly start a new, empty archive; nor a share that is not mounted. With --create the
        // folder is made by the first write (a dry run writes nothing)
        throw new BadInputException("TARGET", 0, (java.nio.file.Files.exists(f.path()) ? "not a folder: " : "no such folder: ") + f.path()
            + "; create it or use --create");
      }
      return new FolderTransport(f.path());
    }
    if (url instanceof TargetUrl.Http h) {
      String t = token != null ? token : ctx.env("CAIRN_TOKEN") != null ? ctx.env("CAIRN_TOKEN") : secrets.token(name).orElse(null);
      if (t == null || t.isBlank()) {
        throw new BadInputException("TARGET", 0, "expected a token for " + url.text()
            + " (--token, or CAIRN_TOKEN; it is in the peer's keys/serve.token), found none");
      }
      return new HttpTransport(h.uri(), BearerToken.of(t));
    }
    TargetUrl.S3 s3 = (TargetUrl.S3) url;
    S3Settings settings = S3Config.resolve(ctx, home, endpoint);
    if (settings.accessKey() == null || settings.secretKey() == null) {
      throw new BadInputException("TARGET", 0, "expected S3 credentials for " + url.text()
          + " (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or [s3] in secrets.toml), found none");
    }
    return new S3Transport(settings.client(), s3.location());
  }

  private AgeEncryption encryption(String name, TargetSpec spec) {
    if (spec.passphrase()) {
      String p = secrets.passphrase(name).orElseThrow(() -> new BadInputException("target " + name, 0,
          "expected its passphrase in secrets.toml (targets." + name + ".passphrase; set it with cairn target add --encrypt-passphrase-file), found none"));
      return AgeEncryption.withPassphrase(new Passphrase(p), spec.scryptWorkFactor());
    }
    List<AgeRecipient> recipients = spec.encryptTo().stream().map(AgeRecipient::new).toList();
    return AgeEncryption.toRecipients(recipients, List.of(identity(home, ctx)));
  }

  /** This machine's age identity (keys/age.key), created on first use. */
  public static AgeIdentity identity(Home home, Context ctx) {
    return AgeIdentity.loadOrCreate(home.keys(), ctx.clock().instant());
  }
}
