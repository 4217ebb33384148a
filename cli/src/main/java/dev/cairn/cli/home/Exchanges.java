package dev.cairn.cli.home;

import dev.cairn.exchange.artifact.SigningKey;
import dev.cairn.exchange.sync.Backoff;
import dev.cairn.exchange.sync.DeadLetters;
import dev.cairn.exchange.sync.Failures;
import dev.cairn.exchange.sync.JobRunner;
import dev.cairn.exchange.sync.SealCursor;
import dev.cairn.exchange.sync.SealPolicy;
import dev.cairn.exchange.sync.Sealer;
import dev.cairn.exchange.sync.Synchronizer;
import dev.cairn.exchange.sync.TargetLog;
import dev.cairn.exchange.transport.FailureKind;
import dev.cairn.exchange.transport.FolderTransport;
import dev.cairn.exchange.transport.TargetId;
import dev.cairn.exchange.trust.PinnedKeys;
import dev.cairn.ledger.Ledger;
import java.time.Clock;
import java.time.Instant;

/** Wires a home's exchange parts (local store, key, pins, sealer, synchronizer). Part of the composition root. */
public final class Exchanges {
  private Exchanges() {}

  public static FolderTransport store(Home home) {
    return new FolderTransport(home.root().resolve("artifacts"));
  }

  public static SigningKey key(Home home) {
    return SigningKey.loadOrCreate(home.keys());
  }

  public static PinnedKeys pins(Home home) {
    return pins(home, Config.read(home).trust());
  }

  /** The pins with a trust mode already read (for a server reading them on every pushed checkpoint). */
  public static PinnedKeys pins(Home home, dev.cairn.exchange.trust.TrustMode trust) {
    return PinnedKeys.load(home.state().resolve("peers.json"), trust);
  }

  public static TargetLog targets(Home home) {
    return TargetLog.load(home.state().resolve("targets.json"));
  }

  public static DeadLetters deadLetters(Home home) {
    return DeadLetters.load(home.state().resolve("dead_letter.json"));
  }

  /**
   * The failure policy for one command: a command is one process, so its one {@link Backoff} is
   * the schedule every job of the process shares (each target of --all, each round of --watch).
   */
  public static JobRunner runner(Home home, Clock clock, java.time.Duration maxElapsed, java.util.function.Consumer<String> progress) {
    return new JobRunner(new Backoff(), deadLetters(home), clock, d -> Thread.sleep(d.toMillis()), maxElapsed, progress);
  }

  /** Records a job that failed for good: a pause pauses the target, anything else counts as a failed attempt. */
  public static void recordFailure(TargetLog log, TargetId target, Instant now, JobRunner.Outcome<?> out) {
    if (out.failure() == FailureKind.PAUSE) {
      log.pause(target, now, out.error());
    } else {
      log.failure(target, now, out.error());
    }
  }

  public static Synchronizer synchronizer(Home home, Ledger ledger, PinnedKeys pins, Clock clock) {
    SigningKey key = key(home);
    pins.pinOwn(ledger.localOrigin(), key.publicKey(), clock.instant());
    FolderTransport store = store(home);
    Sealer sealer = new Sealer(ledger.localOrigin(), store, key, SealCursor.load(home.state().resolve("seal-cursor")), SealPolicy.DEFAULT);
    return new Synchronizer(ledger, store, sealer, pins, clock);
  }
}
