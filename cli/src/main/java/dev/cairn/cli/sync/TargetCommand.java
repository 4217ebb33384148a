package dev.cairn.cli.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cairn.cli.command.BadInputException;
import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Config;
import dev.cairn.cli.home.Exchanges;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.Secrets;
import dev.cairn.cli.home.TargetResolver;
import dev.cairn.cli.output.Json;
import dev.cairn.cli.target.TargetSpec;
import dev.cairn.cli.target.TargetUrl;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn target add|list|rm}: named sync targets, kept in config.toml (tokens in secrets.toml). */
@Command(name = "target", header = "Manage named sync targets (add, list, rm).", mixinStandardHelpOptions = true,
    description = {"Name the places this home syncs with, so that 'cairn sync NAME' and 'cairn sync --all' work.",
        "URLs go to config.toml; tokens to secrets.toml (mode 0600), never printed."},
    subcommands = {TargetCommand.Add.class, TargetCommand.List.class, TargetCommand.Remove.class})
public final class TargetCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code cairn target add NAME URL [--token TOKEN]}. */
  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add or replace a named target (folder:PATH, a path, http(s)://HOST:PORT).")
  public static final class Add implements Callable<Integer> {
    private final Context ctx;

    @Parameters(index = "0", paramLabel = "NAME", description = "1-32 characters of [a-z0-9-].")
    String name;

    @Parameters(index = "1", paramLabel = "URL", description = "folder:PATH, a path, or http(s)://HOST:PORT.")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Bearer token for an http(s) target (stored in secrets.toml).")
    String token;

    @Option(names = "--encrypt-to", paramLabel = "AGE_RECIPIENT", arity = "1..*",
        description = {"Encrypt every artifact for this target with age to these X25519 recipients (age1...) and to this machine's",
            "own (keys/age.key; see 'cairn status'). Give each machine's recipient so that each can read the target."})
    java.util.List<String> encryptTo = new java.util.ArrayList<>();

    @Option(names = "--encrypt-passphrase-file", paramLabel = "FILE",
        description = "Encrypt every artifact for this target with age's passphrase mode; the first line of FILE is the passphrase (copied to secrets.toml).")
    java.nio.file.Path passphraseFile;

    @Option(names = "--scrypt-work-factor", paramLabel = "N", defaultValue = "18",
        description = "With --encrypt-passphrase-file: log2 of scrypt's N for new files (10-22, default ${DEFAULT-VALUE} like age; each artifact costs one scrypt).")
    int workFactor;

    public Add(Context ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      if (!Config.isTargetName(name)) {
        throw new BadInputException("NAME", 0, "expected 1-32 characters of [a-z0-9-], found '" + name + "'");
      }
      TargetUrl parsed = TargetUrl.parse(url, "URL");
      encryptTo.forEach(dev.cairn.exchange.crypt.AgeRecipient::new); // refuses a malformed recipient before anything is written
      String passphrase = passphraseFile == null ? null : dev.cairn.exchange.crypt.Passphrase.readFile(passphraseFile).text();
      TargetSpec spec = new TargetSpec(parsed, encryptTo, passphrase != null, workFactor);
      Home home = Home.of(ctx);
      if (!encryptTo.isEmpty()) {
        TargetResolver.identity(home, ctx); // make sure this machine can read back what it encrypts
      }
      try (var guard = Home.settingsGuard(home)) { // read-modify-write: a concurrent 'target add' keeps its target too
        Config.read(home).withTarget(name, spec).write(home);
        Secrets secrets = Secrets.read(home);
        if (token != null) {
          secrets = secrets.with(name, token);
        }
        secrets.withPassphrase(name, passphrase).write(home);
      }
      ctx.out().println("target " + name + " = " + parsed.text() + (token != null ? " (token stored in secrets.toml)" : "")
          + (spec.encrypted() ? "; encrypted at rest: " + spec.encryptionLabel() + (passphrase != null ? " (passphrase stored in secrets.toml)" : "") : ""));
      return 0;
    }
  }

  /** {@code cairn target list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List named targets with their last sync and staleness.")
  public static final class List implements Callable<Integer> {
    private final Context ctx;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    public List(Context ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Home home = Home.of(ctx);
      Config config = Config.read(home);
      Secrets secrets = Secrets.read(home);
      var log = Exchanges.targets(home).entries();
      Instant now = ctx.clock().instant();
      ArrayNode out = Json.MAPPER.createArrayNode();
      config.targets().forEach((name, spec) -> {
        var entry = log.get(spec.url().id());
        out.addObject().put("name", name).put("url", spec.url().text()).put("token", secrets.token(name).isPresent())
            .put("encryption", spec.encryptionLabel())
            .put("last_success", entry == null || entry.lastSuccess() == null ? null : entry.lastSuccess().toString())
            .put("staleness", entry == null ? "never synced" : entry.staleness(now))
            .put("last_attempt", entry == null || entry.lastAttempt() == null ? null : entry.lastAttempt().toString())
            .put("last_error", entry == null || entry.failures() == 0 ? null : entry.lastError())
            .put("paused", entry == null ? null : entry.paused());
      });
      if (json) {
        ctx.out().println(Json.write(out));
      } else if (out.isEmpty()) {
        ctx.out().println("no targets; add one with: cairn target add NAME URL");
      } else {
        out.forEach(t -> ctx.out().printf("%-16s %-50s %-14s %s%s%s%n", t.get("name").asText(), t.get("url").asText(),
            t.get("staleness").asText(), t.get("token").asBoolean() ? "(token) " : "",
            t.get("encryption").asText().equals("none") ? "" : "(encrypted: " + t.get("encryption").asText() + ") ",
            t.get("paused").isNull() ? t.get("last_error").isNull() ? "" : "last sync failed: " + t.get("last_error").asText()
                : "PAUSED: " + t.get("paused").asText()));
      }
      return 0;
    }
  }

  /** {@code cairn target rm NAME}. */
  @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a named target (and its stored token).")
  public static final class Remove implements Callable<Integer> {
    private final Context ctx;

    @Parameters(paramLabel = "NAME", description = "The target's name.")
    String name;

    public Remove(Context ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Home home = Home.of(ctx);
      try (var guard = Home.settingsGuard(home)) {
        Config config = Config.read(home);
        if (!config.targets().containsKey(name)) {
          throw new BadInputException("NAME", 0, "expected one of " + config.targets().keySet() + ", found '" + name + "'");
        }
        config.withoutTarget(name).write(home);
        Secrets.read(home).with(name, null).withPassphrase(name, null).write(home);
      }
      ctx.out().println("removed target " + name);
      return 0;
    }
  }
}
