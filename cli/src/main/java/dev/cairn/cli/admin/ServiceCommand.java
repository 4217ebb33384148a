package dev.cairn.cli.admin;

import dev.cairn.cli.command.BadInputException;
import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.ServeState;
import dev.cairn.ledger.DurableFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cairn service install|uninstall|status}: runs {@code cairn serve} for this home at login, as
 * a systemd user unit on Linux ({@code ~/.config/systemd/user/cairn.service}) or a launchd agent on
 * macOS ({@code ~/Library/LaunchAgents/dev.cairn.serve.plist}), with the home, the port and a
 * bounded heap in it.
 */
@Command(name = "service", header = "Run 'cairn serve' at login (systemd user unit or launchd agent).", mixinStandardHelpOptions = true,
    description = {"install writes the unit (Linux: ~/.config/systemd/user/cairn.service; macOS: ~/Library/LaunchAgents/dev.cairn.serve.plist)",
        "for this home and prints how to start it (--now starts it); uninstall removes it; status says whether it is installed",
        "and whether the service answers."},
    subcommands = {ServiceCommand.Install.class, ServiceCommand.Uninstall.class, ServiceCommand.Status.class})
public final class ServiceCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** The heap the service runs with: pages, imports and syncs stream; 256 MiB holds a 100k-message home with room (docs/benchmarks.md). */
  static final String HEAP = "-Xmx256m";

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where the unit goes on this system, and what it says. */
  record Unit(Path file, String text, String start, String stop) {}

  static boolean macOs(Context ctx) {
    return ctx.osName().toLowerCase(Locale.ROOT).contains("mac");
  }

  static Unit unit(Context ctx, Home home, int port) {
    String java = ProcessHandle.current().info().command().orElse("java");
    String jar = jarPath();
    if (macOs(ctx)) {
      Path file = ctx.userHome().resolve("Library/LaunchAgents/dev.cairn.serve.plist");
      String args = String.join("", arg(java), arg(HEAP), arg("-Dchronicle.analytics.disable=true"), arg("-jar"), arg(jar),
          arg("--home"), arg(home.root().toString()), arg("serve"), arg("--port"), arg(Integer.toString(port)));
      String text = """
          <?xml version="1.0" encoding="UTF-8"?>
          <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
          <plist version="1.0">
          <dict>
            <key>Label</key><string>dev.cairn.serve</string>
            <key>ProgramArguments</key>
            <array>
          %s  </array>
            <key>RunAtLoad</key><true/>
            <key>KeepAlive</key><dict><key>SuccessfulExit</key><false/></dict>
            <key>StandardOutPath</key><string>%s</string>
            <key>StandardErrorPath</key><string>%s</string>
          </dict>
          </plist>
          """.formatted(args, xml(home.state().resolve("serve.log").toString()), xml(home.state().resolve("serve.log").toString()));
      return new Unit(file, text, "launchctl load -w " + file, "launchctl unload -w " + file);
    }
    Path file = ctx.userHome().resolve(".config/systemd/user/cairn.service");
    String text = """
        [Unit]
        Description=cairn: this machine's AI-agent session archive, kept current, synced and browsable
        Documentation=https://github.com/cairn/cairn/blob/main/docs/cli.md

        [Service]
        Type=simple
        ExecStart=%s %s -Dchronicle.analytics.disable=true -jar %s --home %s serve --port %d
        Restart=on-failure
        RestartSec=10
        TimeoutStopSec=60

        [Install]
        WantedBy=default.target
        """.formatted(systemdQuote(java), HEAP, systemdQuote(jar), systemdQuote(home.root().toString()), port);
    return new Unit(file, text, "systemctl --user daemon-reload && systemctl --user enable --now cairn.service",
        "systemctl --user disable --now cairn.service");
  }

  private static String arg(String a) {
    return "    <string>" + xml(a) + "</string>\n";
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** A word for ExecStart: quoted when it holds a space or a quote. */
  static String systemdQuote(String s) {
    return s.matches("[A-Za-z0-9_@%+=:,./-]+") ? s : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The jar this command runs from (the service runs the same one). */
  static String jarPath() {
    try {
      Path p = Path.of(ServiceCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return p.toAbsolutePath().toString();
    } catch (java.net.URISyntaxException | RuntimeException e) {
      throw new IllegalStateException("cannot tell where cairn runs from", e);
    }
  }

  /** {@code cairn service install [--port N] [--now]}. */
  @Command(name = "install", mixinStandardHelpOptions = true, description = "Write the unit for this home (and start it with --now).")
  public static final class Install implements Callable<Integer> {
    private final Context ctx;

    @Option(names = "--port", paramLabel = "N", defaultValue = "7465", description = "The port the service serves on (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--now", description = "Also start it now (systemctl --user / launchctl).")
    boolean now;

    public Install(Context ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
      if (port < 1 || port > 65535) {
        throw new BadInputException("--port", 0, "expected 1-65535, found " + port);
      }
      Home home = Home.of(ctx);
      home.origin();
      Unit unit = unit(ctx, home, port);
      Files.createDirectories(unit.file().getParent());
      DurableFile.write(unit.file(), unit.text().getBytes(StandardCharsets.UTF_8));
      ctx.out().println("wrote " + unit.file());
      if (now) {
        Process p = new ProcessBuilder("sh", "-c", unit.start()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
          throw new ServiceManagerException(unit.start(), said);
        }
        ctx.out().println("started: " + unit.start());
      } else {
        ctx.out().println("start it with: " + unit.start());
      }
      return 0;
    }
  }

  /** {@code cairn service uninstall}. */
  @Command(name = "uninstall", mixinStandardHelpOptions = true, description = "Remove the unit (stop the service first: the command is printed).")
  public static final class Uninstall implements Callable<Integer> {
    private final Context ctx;

    public Uninstall(Context ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
      Home home = Home.of(ctx);
      Unit unit = unit(ctx, home, 7465);
      if (!Files.deleteIfExists(unit.file())) {
        ctx.out().println("not installed (no " + unit.file() + ")");
        return 0;
      }
      ctx.out().println("removed " + unit.file() + "; if it still runs: " + unit.stop());
      return 0;
    }
  }

  /** {@code cairn service status [--json]}. */
  @Command(name = "status", mixinStandardHelpOptions = true, description = "Whether the unit is installed and whether the service answers.")
  public static final class Status implements Callable<Integer> {
    private final Context ctx;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    public Status(Context ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
      Home home = Home.of(ctx);
      Unit unit = unit(ctx, home, 7465);
      boolean installed = Files.exists(unit.file());
      String url = ServeState.read(home).orElse(null);
      boolean answers = url != null && healthy(url);
      if (json) {
        ctx.out().println(dev.cairn.cli.output.Json.write(dev.cairn.cli.output.Json.object().put("unit", unit.file().toString())
            .put("installed", installed).put("url", url).put("answers", answers)));
      } else {
        ctx.out().printf("unit     %s%s%n", unit.file(), installed ? "" : " (not installed)");
        ctx.out().printf("service  %s%n", answers ? "answers at " + url : url == null ? "has not run on this home" : "does not answer at " + url);
      }
      return 0;
    }

    private static boolean healthy(String url) throws InterruptedException {
      try {
        HttpResponse<Void> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
            .send(HttpRequest.newBuilder(URI.create(url + "/healthz")).timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
        return r.statusCode() == 200;
      } catch (IOException | IllegalArgumentException e) {
        return false;
      }
    }
  }

  /** systemctl or launchctl refused. */
  static final class ServiceManagerException extends dev.cairn.ledger.CairnException {
    ServiceManagerException(String command, String said) {
      super("'" + command + "' failed: " + (said.isEmpty() ? "no output" : said.lines().findFirst().orElse(said)));
    }

    @Override
    public Kind kind() {
      return Kind.STATE;
    }
  }
}
