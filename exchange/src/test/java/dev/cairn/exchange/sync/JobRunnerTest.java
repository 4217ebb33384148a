package dev.cairn.exchange.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.exchange.artifact.ArtifactCorruptException;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.crypt.DecryptionException;
import dev.cairn.exchange.transport.ArtifactConflictException;
import dev.cairn.exchange.transport.FailureKind;
import dev.cairn.exchange.transport.TargetId;
import dev.cairn.exchange.transport.TransportException;
import dev.cairn.ledger.Origin;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared backoff schedule, dead letters and failure classes, on an injected clock: no real waiting. */
class JobRunnerTest {
  @TempDir Path dir;
  private final FakeClock clock = new FakeClock();
  private final List<Duration> slept = new ArrayList<>();
  private final List<String> progress = new ArrayList<>();

  private static final class FakeClock extends Clock {
    Instant now = Instant.parse("2026-11-21T10:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private JobRunner runner(Backoff backoff, DeadLetters dead, Duration maxElapsed) {
    return new JobRunner(backoff, dead, clock, d -> {
      slept.add(d);
      clock.now = clock.now.plus(d);
    }, maxElapsed, progress::add);
  }

  private static TransportException network() {
    return new TransportException("s3://b/p", "list origins", new IOException("connection refused"));
  }

  private static TransportException status(int status) {
    return new TransportException("http://peer:7465", "put x", status, new IOException("HTTP " + status));
  }

  @Test
  void retryableFailuresFollowTheScheduleThenDeadLetterPastTheMaximumElapsedTime() throws Exception {
    DeadLetters dead = DeadLetters.load(dir.resolve("dead_letter.json"));
    AtomicInteger calls = new AtomicInteger();
    JobRunner.Outcome<String> out = runner(new Backoff(), dead, Duration.ofMinutes(15)).run(new TargetId("nas"), "sync", () -> {
      calls.incrementAndGet();
      clock.now = clock.now.plusMillis(100); // each attempt takes a little time
      throw network();
    });
    assertFalse(out.succeeded());
    assertEquals(FailureKind.RETRYABLE, out.failure());
    List<Long> seconds = slept.stream().map(Duration::toSeconds).toList();
    assertEquals(List.of(0L, 5L, 10L, 20L, 40L, 60L, 60L), seconds.subList(0, 7), "immediate, 5, 10, 20, 40, then clamped at 60");
    long total = seconds.stream().mapToLong(Long::longValue).sum();
    assertTrue(total <= 15 * 60 && total + 60 > 15 * 60 - 60, "stopped just before 15 minutes: " + total + " s");
    assertEquals(calls.get(), out.attempts());
    List<DeadLetters.Entry> persisted = DeadLetters.load(dir.resolve("dead_letter.json")).entries();
    assertEquals(1, persisted.size());
    assertEquals(new TargetId("nas"), persisted.get(0).target());
    assertEquals(calls.get(), persisted.get(0).attempts());
    assertTrue(persisted.get(0).error().contains("connection refused"), persisted.get(0).error());
  }

  @Test
  void theFirstSuccessResetsTheScheduleForEveryJob() throws Exception {
    Backoff shared = new Backoff();
    DeadLetters dead = DeadLetters.load(dir.resolve("d.json"));
    AtomicInteger n = new AtomicInteger();
    JobRunner.Outcome<Integer> ok = runner(shared, dead, Duration.ofMinutes(15)).run(new TargetId("nas"), "sync", () -> {
      if (n.incrementAndGet() <= 3) {
        throw status(503);
      }
      return n.get();
    });
    assertTrue(ok.succeeded());
    assertEquals(4, ok.attempts());
    assertEquals(List.of(0L, 5L, 10L), slept.stream().map(Duration::toSeconds).toList());
    assertEquals(0, shared.failures());
    slept.clear();
    AtomicInteger m = new AtomicInteger();
    runner(shared, dead, Duration.ofMinutes(15)).run(new TargetId("usb"), "sync", () -> {
      if (m.incrementAndGet() == 1) {
        throw network();
      }
      return 0;
    });
    assertEquals(List.of(0L), slept.stream().map(Duration::toSeconds).toList(), "starts over at 'immediate' after the reset");
    assertTrue(dead.entries().isEmpty());
  }

  @Test
  void theScheduleIsSharedAcrossJobsAndADeadJobDoesNotBlockTheNext() throws Exception {
    Backoff shared = new Backoff();
    DeadLetters dead = DeadLetters.load(dir.resolve("d.json"));
    JobRunner short1 = runner(shared, dead, Duration.ofSeconds(30));
    JobRunner.Outcome<Object> first = short1.run(new TargetId("nas"), "sync", () -> {
      throw network();
    });
    assertFalse(first.succeeded());
    assertEquals(List.of(0L, 5L, 10L), slept.stream().map(Duration::toSeconds).toList(), "0+5+10 fit in 30 s; +20 would not");
    slept.clear();
    JobRunner.Outcome<String> second = short1.run(new TargetId("usb"), "sync", () -> "done");
    assertTrue(second.succeeded(), "later work runs");
    assertEquals(List.of(20L), slept.stream().map(Duration::toSeconds).toList(), "the next job waits the shared delay first");
    assertEquals(1, dead.entries().size());
  }

  @Test
  void terminalFailuresDeadLetterAtOnceAndPauseFailuresPauseWithoutRetrying() throws Exception {
    DeadLetters dead = DeadLetters.load(dir.resolve("d.json"));
    ArtifactName n = ArtifactName.checkpoint(new Origin("alpha-aaaaaa"), 1);
    JobRunner r = runner(new Backoff(), dead, Duration.ofMinutes(15));
    JobRunner.Outcome<Object> terminal = r.run(new TargetId("nas"), "push " + n, () -> {
      throw new ArtifactConflictException("folder:/x", n);
    });
    assertEquals(FailureKind.TERMINAL, terminal.failure());
    assertEquals(1, terminal.attempts());
    JobRunner.Outcome<Object> pause = r.run(new TargetId("vault"), "sync", () -> {
      throw new DecryptionException(n.encrypted(), "folder:/v", "no key");
    });
    assertEquals(FailureKind.PAUSE, pause.failure());
    assertTrue(slept.isEmpty(), "neither is retried");
    assertEquals(List.of(new TargetId("nas")), dead.entries().stream().map(DeadLetters.Entry::target).toList(), "a pause is not a dead letter");
    assertEquals(1, dead.clear(new TargetId("nas")));
    assertTrue(DeadLetters.load(dir.resolve("d.json")).entries().isEmpty(), "clearing is persisted");
  }

  @Test
  void failuresAreClassifiedByWhatTheTransportSaidAndByWhatTheyAre() {
    ArtifactName n = ArtifactName.checkpoint(new Origin("alpha-aaaaaa"), 1);
    assertEquals(FailureKind.RETRYABLE, Failures.classify(network()));
    assertEquals(FailureKind.RETRYABLE, Failures.classify(status(500)));
    assertEquals(FailureKind.RETRYABLE, Failures.classify(status(429)));
    assertEquals(FailureKind.TERMINAL, Failures.classify(status(403)));
    assertEquals(FailureKind.TERMINAL, Failures.classify(status(400)));
    assertEquals(FailureKind.PAUSE, Failures.classify(status(401)));
    assertEquals(FailureKind.PAUSE, Failures.classify(new TransportException("s3://b/p", "list", 404, "NoSuchBucket",
        new IOException("no bucket"), FailureKind.PAUSE)), "a transport's own verdict is kept");
    assertEquals(FailureKind.TERMINAL, Failures.classify(new TransportException("folder:/full", "write x",
        new IOException("No space left on device"))), "a full disk does not empty itself");
    assertEquals(FailureKind.TERMINAL, Failures.classify(new ArtifactCorruptException(n, "a checkpoint", "garbage")));
    assertEquals(FailureKind.TERMINAL, Failures.classify(new ArtifactConflictException("folder:/x", n)));
    assertEquals(FailureKind.RETRYABLE, Failures.classify(new dev.cairn.ledger.LedgerLockedException(java.nio.file.Path.of("/h/ledger/writer.lock"), "pid 123")));
    assertEquals(FailureKind.TERMINAL, Failures.classify(new IllegalStateException("a bug")));
  }

}
