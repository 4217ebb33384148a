package dev.cairn.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
final class TargetCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code cairn target add NAME URL [--token TOKEN]}. */
  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add or replace a named target (folder:PATH, a path, http(s)://HOST:PORT).")
  static final class Add implements Callable<Integer> {
    private final Context ctx;

    @Parameters(index = "0", paramLabel = "NAME", description = "1-32 characters of [a-z0-9-].")
    String name;

    @Parameters(index = "1", paramLabel = "URL", description = "folder:PATH, a path, or http(s)://HOST:PORT.")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Bearer token for an http(s) target (stored in secrets.toml).")
    String token;

    Add(Context ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      if (!Config.isTargetName(name)) {
        throw new BadInputException("NAME", 0, "expected 1-32 characters of [a-z0-9-], found '" + name + "'");
      }
      Targets.check(url);
      Home home = ctx.home();
      Config.read(home).withTarget(name, url).write(home);
      if (token != null) {
        Secrets.read(home).with(name, token).write(home);
      }
      ctx.out().println("target " + name + " = " + url + (token != null ? " (token stored in secrets.toml)" : ""));
      return 0;
    }
  }

  /** {@code cairn target list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List named targets with their last sync and staleness.")
  static final class List implements Callable<Integer> {
    private final Context ctx;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    List(Context ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Home home = ctx.home();
      Config config = Config.read(home);
      Secrets secrets = Secrets.read(home);
      var log = Exchanges.targets(home).entries();
      Instant now = Instant.now();
      ArrayNode out = Json.MAPPER.createArrayNode();
      config.targets().forEach((name, url) -> {
        var entry = log.get(Targets.describe(url));
        out.addObject().put("name", name).put("url", url).put("token", secrets.token(name).isPresent())
            .put("last_success", entry == null || entry.lastSuccess() == null ? null : entry.lastSuccess().toString())
            .put("staleness", entry == null ? "never synced" : entry.staleness(now));
      });
      if (json) {
        ctx.out().println(Json.write(out));
      } else if (out.isEmpty()) {
        ctx.out().println("no targets; add one with: cairn target add NAME URL");
      } else {
        out.forEach(t -> ctx.out().printf("%-16s %-50s %-14s %s%n", t.get("name").asText(), t.get("url").asText(),
            t.get("staleness").asText(), t.get("token").asBoolean() ? "(token)" : ""));
      }
      return 0;
    }
  }

  /** {@code cairn target rm NAME}. */
  @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a named target (and its stored token).")
  static final class Remove implements Callable<Integer> {
    private final Context ctx;

    @Parameters(paramLabel = "NAME", description = "The target's name.")
    String name;

    Remove(Context ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Home home = ctx.home();
      Config config = Config.read(home);
      if (!config.targets().containsKey(name)) {
        throw new BadInputException("NAME", 0, "expected one of " + config.targets().keySet() + ", found '" + name + "'");
      }
      config.withoutTarget(name).write(home);
      Secrets.read(home).with(name, null).write(home);
      ctx.out().println("removed target " + name);
      return 0;
    }
  }
}
