package dev.cairn.cli.sync;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.command.DurationConverter;
import dev.cairn.cli.curation.Curator;
import dev.cairn.cli.home.Config;
import dev.cairn.cli.home.Exchanges;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.HomeSession;
import dev.cairn.cli.home.ServeState;
import dev.cairn.cli.home.ServiceLock;
import dev.cairn.cli.imports.AgentImportRun;
import dev.cairn.cli.imports.agent.AgentFormat;
import dev.cairn.cli.imports.agent.ClaudeFormat;
import dev.cairn.cli.imports.agent.CodexFormat;
import dev.cairn.cli.imports.FolderWatch;
import java.time.Duration;
import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.http.ArtifactServer;
import dev.cairn.exchange.http.BearerToken;
import dev.cairn.exchange.http.ServerLimits;
import dev.cairn.exchange.sync.SyncReport;
import dev.cairn.exchange.transport.FolderTransport;
import dev.cairn.exchange.trust.Door;
import dev.cairn.exchange.trust.HomeDoor;
import dev.cairn.exchange.trust.KeyClaim;
import dev.cairn.exchange.trust.PinnedKeys;
import dev.cairn.exchange.trust.RefusedArtifactException;
import dev.cairn.exchange.trust.TrustMode;
import dev.cairn.ledger.CairnException;
import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.LedgerLockedException;
import dev.cairn.projection.View;
import dev.cairn.web.Curations;
import dev.cairn.web.Logins;
import dev.cairn.web.Views;
import dev.cairn.web.WebUi;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cairn serve}: lets other machines sync with this one over HTTP. Serves the home's
 * artifact store; seals this machine's new events into it at start and after every absorb; when
 * a peer pushes a checkpoint, absorbs it (verifies and appends its events, then projects) taking
 * the writer lock only for that moment, so {@code cairn} commands keep working alongside.
 */
@Command(name = "serve", header = "Let other machines sync with this one over HTTP(S).", mixinStandardHelpOptions = true,
    description = {"Serve this home's artifacts over HTTP so other machines can 'cairn sync http://HOST:PORT'.",
        "Clients need the bearer token in keys/serve.token (created by init; pass it with --token or CAIRN_TOKEN).",
        "Binds 127.0.0.1 by default; another address needs TLS (--tls-keystore) or --allow-insecure.",
        "Pushed checkpoints are verified and absorbed into the ledger and view. Stops on Ctrl-C."})
public final class ServeCommand implements java.util.concurrent.Callable<Integer> {
  private final Context ctx;
  @Spec CommandSpec spec;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--port", paramLabel = "N", defaultValue = "7465", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--allow-insecure", description = "Allow plain HTTP on a non-loopback address (the token travels in clear text).")
  boolean allowInsecure;

  @Option(names = "--tls-keystore", paramLabel = "FILE", description = "Serve HTTPS with this PKCS#12 keystore.")
  Path keystore;

  @Option(names = "--tls-password-file", paramLabel = "FILE", description = "File holding the keystore password.")
  Path passwordFile;

  @Option(names = "--claude-projects", paramLabel = "DIR",
      description = "The Claude Code projects folder imported live (default: $CLAUDE_CONFIG_DIR/projects, else ~/.claude/projects).")
  Path claudeProjects;

  @Option(names = "--codex-sessions", paramLabel = "DIR",
      description = "The Codex CLI sessions folder imported live (default: $CODEX_HOME/sessions, else ~/.codex/sessions, when it exists).")
  Path codexSessions;

  @Option(names = "--no-import", description = "Do not import agents' transcripts live (serve and sync only).")
  boolean noImport;

  @Option(names = "--sync-interval", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
      description = "Sync every named target at least this often, and 2 s after a local change (default ${DEFAULT-VALUE}).")
  Duration syncInterval;

  @Option(names = "--no-sync", description = "Do not sync the named targets (serve and import only).")
  boolean noSync;

  /** The service's sync of named targets; null with --no-sync. */
  private ServiceSync serviceSync;

  /** Something changed in this home: its targets should hear of it soon. */
  private void changed() {
    ServiceSync s = serviceSync;
    if (s != null) {
      s.soon();
    }
  }

  @Option(names = "--max-body-mb", paramLabel = "N", defaultValue = "64", description = "Largest artifact accepted, MB (default ${DEFAULT-VALUE}).")
  int maxBodyMb;

  public ServeCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    Home home = Home.of(ctx);
    home.origin();
    try (ServiceLock service = ServiceLock.acquire(home)) {
      return serve(home);
    }
  }

  private int serve(Home home) throws Exception {
    InetAddress address = InetAddress.getByName(bind);
    if (!address.isLoopbackAddress() && keystore == null && !allowInsecure) {
      throw new ParameterException(spec.commandLine(), "refusing plain HTTP on " + bind
          + ": the token would cross the network in clear text; use --tls-keystore FILE or --allow-insecure");
    }
    SSLContext tls = keystore == null ? null : tls(keystore, passwordFile);
    BearerToken token = BearerToken.loadOrCreate(home.keys());
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    TrustMode trust = Config.read(home).trust();
    FolderTransport store = Exchanges.store(home);
    ConcurrentLinkedQueue<KeyClaim> claims = new ConcurrentLinkedQueue<>();
    Absorber absorber = new Absorber(home, metrics, claims);
    absorber.run(); // seal what is pending, absorb what is already in the store
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cairn-absorb");
      t.setDaemon(true);
      return t;
    });
    AtomicBoolean scheduled = new AtomicBoolean();
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    // SIGTERM or Ctrl-C: ask the service to stop, and hold the JVM until it has (watch, sync and
    // server closed, the writer lock released), so the view and the ledger are left consistent
    Thread hook = new Thread(() -> {
      stop.countDown();
      try {
        stopped.await(45, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "cairn-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    Runnable absorbSoon = () -> {
      if (scheduled.compareAndSet(false, true)) {
        scheduler.schedule(() -> {
          scheduled.set(false);
          absorber.runRetrying(scheduler);
        }, 200, TimeUnit.MILLISECONDS);
      }
    };
    HomeDoor homeDoor = new HomeDoor(home.origin(), store, () -> Exchanges.pins(home, trust), ctx.clock(),
        "a checkpoint pushed to this home's cairn serve");
    Door door = (name, bytes) -> {
      try {
        homeDoor.admit(name, bytes);
      } catch (RefusedArtifactException e) {
        if (e.claim() != null) {
          claims.add(e.claim()); // recorded in peers.json by the absorber, under the writer lock
          absorbSoon.run();
        }
        ctx.err().println("cairn: serve: refused " + name + ": " + e.getMessage());
        ctx.err().flush();
        throw e;
      }
    };
    ServerLimits limits = ServerLimits.DEFAULT.withMaxBodyBytes((long) maxBodyMb << 20);
    Logins logins = new Logins(new SecureRandom(), ctx.clock());
    Curations curations = new Curations() {
      @Override
      public boolean apply(dev.cairn.ledger.event.Curation change) {
        boolean appended;
        try (Curator c = Curator.open(home)) {
          appended = c.apply(change).isPresent();
        }
        if (appended) {
          changed();
        }
        return appended;
      }

      @Override
      public void resolve(dev.cairn.ledger.event.Curation change) {
        try (Curator c = Curator.open(home)) {
          c.resolve(change);
        }
        changed();
      }
    };
    try (Views views = new Views(home.ledgerPaths(), home.view())) {
      java.nio.file.Path prices = home.root().resolve("prices.toml");
      WebUi ui = new WebUi(views, new ServiceMachines(ctx, home, this::changed), curations, logins, token::matches,
          dev.cairn.cli.usage.PriceTable.load(prices).forWeb("the bundled price table (2025-11-20)"
              + (java.nio.file.Files.isRegularFile(prices) ? " and " + prices : "")));
      try (ArtifactServer server = ArtifactServer.start(new InetSocketAddress(address, port), tls, store, token, limits, metrics, door, name -> {
          if (name.kind() == ArtifactKind.CHECKPOINT) {
            absorbSoon.run();
          }
      }, ui)) {
        int bound = server.address().getPort();
        ui.allowHosts(hostNames(address, bound));
        String scheme = tls == null ? "http" : "https";
        String base = scheme + "://" + (address.isLoopbackAddress() ? "127.0.0.1" : server.address().getHostString()) + ":" + bound;
        ServeState.write(home, base);
        ctx.out().printf("serving %s on %s://%s:%d (token: %s)%n", home.root(), scheme,
            server.address().getHostString(), bound, home.keys().resolve("serve.token"));
        ctx.out().printf("web UI: %s/login?t=%s (works once; 'cairn open' makes another)%n", base, logins.issueLoginToken());
        ctx.out().flush();
        // every agent's folder: Claude Code's always (it may appear later), the others when they exist
        java.util.Map<AgentFormat, Path> roots = new java.util.LinkedHashMap<>();
        for (AgentFormat format : AgentImportRun.FORMATS) {
          Path given = format == ClaudeFormat.INSTANCE ? claudeProjects : format == CodexFormat.INSTANCE ? codexSessions : null;
          Path root = given != null ? given : format.defaultRoot(ctx::env, ctx.userHome());
          if (format == ClaudeFormat.INSTANCE || given != null || java.nio.file.Files.isDirectory(root)) {
            roots.put(format, root);
          }
        }
        java.util.List<FolderWatch> watches = new java.util.ArrayList<>();
        try (ServiceSync sync = noSync ? null : new ServiceSync(ctx, home, syncInterval)) {
          serviceSync = sync;
          if (sync != null) {
            sync.start();
            ctx.out().printf("syncing the named targets at least every %s and after each change%n", DurationConverter.format(syncInterval));
          }
          if (!noImport) {
            for (var e : roots.entrySet()) {
              AgentFormat format = e.getKey();
              Path root = e.getValue();
              importLive(home, format, root, absorbSoon); // what changed while no service ran
              FolderWatch watch = new FolderWatch(root, Duration.ofMillis(300), Duration.ofSeconds(60), () -> importLive(home, format, root, absorbSoon));
              watches.add(watch);
              watch.start();
              ctx.out().printf("importing live from %s (%s)%n", root, format.agent());
            }
            ctx.out().flush();
          }
          try {
            stop.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        } finally {
          watches.forEach(FolderWatch::close);
        }
      }
    } finally {
      scheduler.shutdown(); // no interrupt: an absorb in flight finishes and releases the writer lock
      try {
        if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
          scheduler.shutdownNow();
        }
      } catch (InterruptedException e) {
        scheduler.shutdownNow();
        Thread.currentThread().interrupt();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException ignored) {
        // already shutting down
      }
      stopped.countDown();
    }
    return 0;
  }

  /**
   * Imports what changed under {@code projects} (incremental: unchanged files are not opened); new
   * events are then sealed for peers. A command holding the writer lock only delays it to the next
   * change or the periodic floor.
   */
  private void importLive(Home home, AgentFormat format, Path projects, Runnable sealSoon) {
    try {
      var s = AgentImportRun.run(home, format, projects, false, dev.cairn.cli.imports.agent.TranscriptImport.Listener.QUIET);
      if (s.sessionEvents() + s.messageEvents() > 0) {
        ctx.out().printf("imported %d session and %d message events from %s%n", s.sessionEvents(), s.messageEvents(), projects);
        ctx.out().flush();
        sealSoon.run();
        changed();
      }
    } catch (LedgerLockedException e) {
      // another cairn command is writing: the next change or the floor imports it
    } catch (CairnException | java.io.IOException | java.io.UncheckedIOException e) {
      ctx.err().println("cairn: serve: live import from " + projects + " failed: " + e.getMessage());
      ctx.err().flush();
    } catch (RuntimeException e) {
      ctx.err().println("cairn: serve: live import from " + projects + " failed (a bug; the next change retries): " + e);
      e.printStackTrace(ctx.err());
      ctx.err().flush();
    }
  }

  /** The Host header values the UI answers to: the loopback names, or the bound address, with the port. */
  private static java.util.Set<String> hostNames(InetAddress address, int port) {
    java.util.Set<String> names = new java.util.HashSet<>();
    if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
      names.add("127.0.0.1:" + port);
      names.add("localhost:" + port);
      names.add("[::1]:" + port);
    }
    String host = address.getHostAddress();
    names.add((host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    return names;
  }

  private static SSLContext tls(Path keystore, Path passwordFile) throws IOException, GeneralSecurityException {
    char[] password = passwordFile == null ? new char[0] : Files.readString(passwordFile).strip().toCharArray();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, password);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, password);
    SSLContext c = SSLContext.getInstance("TLS");
    c.init(kmf.getKeyManagers(), null, null);
    return c;
  }

  /** Seals local events and absorbs pushed artifacts, holding the writer lock only while it works. */
  private final class Absorber {
    private final Home home;
    private final Counter imported;
    private final Counter quarantined;
    private final Counter sealed;
    private final Counter projected;
    private final ConcurrentLinkedQueue<KeyClaim> claims;

    Absorber(Home home, PrometheusMeterRegistry metrics, ConcurrentLinkedQueue<KeyClaim> claims) {
      this.home = home;
      this.claims = claims;
      this.imported = Counter.builder("cairn.events.imported").description("events absorbed from pushed artifacts").register(metrics);
      this.quarantined = Counter.builder("cairn.artifacts.quarantined").description("pushed artifacts quarantined").register(metrics);
      this.sealed = Counter.builder("cairn.events.sealed").description("local events sealed into segments").register(metrics);
      this.projected = Counter.builder("cairn.events.projected").description("ledger entries applied to the view").register(metrics);
      Gauge.builder("cairn.ledger.entries", this, a -> a.stats()[0]).description("entries in the ledger (appended)").register(metrics);
      Gauge.builder("cairn.view.lag", this, a -> a.stats()[1]).description("ledger entries not yet in the view").register(metrics);
    }

    /** [ledger entries, view lag], read without the writer lock. */
    double[] stats() {
      try (var reader = home.openReader(); View view = home.openView()) {
        long entries = reader.state().entries();
        return new double[] {entries, view.position().lag(entries)};
      } catch (CairnException e) {
        return new double[] {Double.NaN, Double.NaN};
      }
    }

    void run() {
      try (HomeSession session = HomeSession.open(home)) {
        PinnedKeys pins = Exchanges.pins(home);
        for (KeyClaim c = claims.poll(); c != null; c = claims.poll()) {
          pins.recordRefused(c);
        }
        var sync = session.synchronizer(pins);
        SyncReport r = sync.absorbLocal();
        sealed.increment(sync.sealOnly().events());
        projected.increment(session.commit());
        imported.increment(r.applied());
        quarantined.increment(r.quarantined());
        if (r.applied() + r.quarantined() + r.forged() > 0) {
          ctx.out().printf("absorbed %d events%s%n", r.applied(),
              r.quarantined() + r.forged() > 0 ? " (" + r.quarantined() + " quarantined, " + r.forged() + " forged)" : "");
          ctx.out().flush();
        }
        if (r.applied() > 0) {
          changed(); // relay what a peer pushed to the other targets
        }
      }
    }

    void runRetrying(ScheduledExecutorService scheduler) {
      try {
        run();
      } catch (LedgerLockedException e) {
        scheduler.schedule(() -> runRetrying(scheduler), 2, TimeUnit.SECONDS); // a cairn command holds the lock: try again soon
      } catch (CairnException e) {
        ctx.err().println("cairn: serve: absorbing pushed artifacts failed: " + e.getMessage());
      }
    }
  }
}
