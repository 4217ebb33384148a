package dev.cairn.exchange.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.exchange.crypt.AgeEncryption;
import dev.cairn.exchange.crypt.AgeIdentity;
import dev.cairn.exchange.crypt.EncryptedTransport;
import dev.cairn.exchange.crypt.TargetMarker;
import dev.cairn.exchange.crypt.TargetMarkers;
import dev.cairn.exchange.s3.S3Location;
import dev.cairn.exchange.s3.S3ProxyServer;
import dev.cairn.exchange.s3.S3Transport;
import dev.cairn.exchange.transport.FolderTransport;
import dev.cairn.exchange.transport.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What someone with write access to a target can and cannot do. Encryption is a property of the
 * target (issue 11, finding 6): a machine that reaches an encrypted target by its URL, without the
 * encryption settings, writes nothing there; nor does an encrypting machine mix ciphertext into a
 * plaintext target. A checkpoint forged straight into a bucket is reported and never applied. Over
 * a folder and a real S3 API server (S3Proxy).
 */
class TargetWriterTest {
  private static final AgeIdentity ALICE = AgeIdentity.generate();
  private static final AgeIdentity BOB = AgeIdentity.generate();
  private static S3ProxyServer s3;
  @TempDir Path dir;

  @BeforeAll
  static void startS3(@TempDir Path work) throws Exception {
    s3 = S3ProxyServer.start(work);
    s3.settings().client().createBucket(b -> b.bucket("vault"));
  }

  @AfterAll
  static void stopS3() throws Exception {
    s3.close();
  }

  private static Transport encrypted(Transport raw, AgeIdentity me, AgeIdentity other) {
    return new EncryptedTransport(raw, AgeEncryption.toRecipients(List.of(other.recipient()), List.of(me)));
  }

  private static long files(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void aPlaintextPushIntoAnEncryptedFolderIsRefusedAndWritesNothing() throws Exception {
    FolderTransport raw = new FolderTransport(dir.resolve("vault"));
    try (TestHome a = new TestHome(dir.resolve("a"), "alpha-aaaaaa"); TestHome b = new TestHome(dir.resolve("b"), "bravo-bbbbbb")) {
      FolderSyncTest.record(a, "secret", 3);
      a.sync(encrypted(raw, ALICE, BOB));
      TargetMarker marker = TargetMarker.parse(raw.marker().orElseThrow(), raw.describe());
      assertEquals(TargetMarker.Scheme.AGE_X25519, marker.scheme());
      assertEquals(2, marker.recipients().size());
      long before = files(dir.resolve("vault"));

      FolderSyncTest.record(b, "plain", 2);
      TargetMarkers.EncryptionMismatchException e = assertThrows(TargetMarkers.EncryptionMismatchException.class, () -> b.sync(raw));
      assertTrue(e.getMessage().contains("holds encrypted artifacts") && e.getMessage().contains("nothing was written"), e.getMessage());
      assertEquals(before, files(dir.resolve("vault")), "not one file written");
      b.sync(encrypted(raw, BOB, ALICE)); // with the target's encryption, b syncs as usual
      a.sync(encrypted(raw, ALICE, BOB));
      assertEquals(a.digest(), b.digest());
    }
  }

  @Test
  void anEncryptedPushIntoAPlaintextFolderIsRefusedWithOrWithoutAMarker() throws Exception {
    try (TestHome a = new TestHome(dir.resolve("a"), "alpha-aaaaaa"); TestHome b = new TestHome(dir.resolve("b"), "bravo-bbbbbb")) {
      FolderSyncTest.record(a, "plain", 3);
      FolderTransport marked = new FolderTransport(dir.resolve("marked"));
      a.sync(marked);
      assertEquals(TargetMarker.PLAINTEXT, TargetMarker.parse(marked.marker().orElseThrow(), marked.describe()));
      assertThrows(TargetMarkers.EncryptionMismatchException.class, () -> b.sync(encrypted(marked, BOB, ALICE)));

      // a folder written before markers existed: its plaintext artifacts say what it is
      FolderTransport legacy = new FolderTransport(dir.resolve("legacy"));
      a.sync(legacy);
      Files.delete(dir.resolve("legacy").resolve(TargetMarker.FILE));
      long before = files(dir.resolve("legacy"));
      assertThrows(TargetMarkers.EncryptionMismatchException.class, () -> b.sync(encrypted(legacy, BOB, ALICE)));
      assertEquals(before, files(dir.resolve("legacy")));
    }
  }

  @Test
  void aPlaintextPushIntoAnEncryptedBucketPrefixIsRefused() throws Exception {
    S3Transport raw = new S3Transport(s3.settings().client(), S3Location.parse("s3://vault/team"), 2);
    try (TestHome a = new TestHome(dir.resolve("a"), "alpha-aaaaaa"); TestHome b = new TestHome(dir.resolve("b"), "bravo-bbbbbb")) {
      FolderSyncTest.record(a, "secret", 3);
      a.sync(encrypted(raw, ALICE, BOB));
      int before = s3.settings().client().listObjectsV2(r -> r.bucket("vault").prefix("team/")).keyCount();
      FolderSyncTest.record(b, "plain", 2);
      assertThrows(TargetMarkers.EncryptionMismatchException.class, () -> b.sync(raw));
      assertEquals(before, s3.settings().client().listObjectsV2(r -> r.bucket("vault").prefix("team/")).keyCount(), "nothing written");
      s3.settings().client().listObjectsV2(r -> r.bucket("vault").prefix("team/")).contents()
          .forEach(o -> assertTrue(o.key().endsWith(".age") || o.key().endsWith(TargetMarker.FILE), o.key()));
    }
  }

  @Test
  void reconcileReportsPlaintextInAnEncryptedTargetAsCorruption() throws Exception {
    FolderTransport raw = new FolderTransport(dir.resolve("vault"));
    try (TestHome a = new TestHome(dir.resolve("a"), "alpha-aaaaaa")) {
      FolderSyncTest.record(a, "secret", 3);
      Transport vault = encrypted(raw, ALICE, BOB);
      a.sync(vault);
      // a plaintext artifact in the encrypted folder, as a machine without the encryption settings wrote them before markers
      var plainCheckpoint = a.store.list(a.origin, dev.cairn.exchange.artifact.ArtifactKind.CHECKPOINT, null).get(0).name();
      raw.putIfAbsent(plainCheckpoint, a.store.get(plainCheckpoint));
      Reconciler reconciler = new Reconciler(a.origin, a.store, a.sync, a.pins);
      ReconcileReport r = reconciler.reconcile(vault, false);
      assertEquals(1, r.wrongKind(), r.problems().toString());
      assertTrue(r.problems().get(0).contains("plaintext in an encrypted target"), r.problems().toString());
      assertTrue(!r.nothingToDo());
    }
  }

  @Test
  void aCheckpointForgedStraightIntoABucketIsReportedByEveryReaderAndNeverApplied() throws Exception {
    S3Transport bucket = new S3Transport(s3.settings().client(), S3Location.parse("s3://vault/forged"), 2);
    dev.cairn.exchange.Forger forger = new dev.cairn.exchange.Forger(dir.resolve("mallory"));
    try (TestHome a = new TestHome(dir.resolve("a"), "alpha-aaaaaa"); TestHome b = new TestHome(dir.resolve("b"), "bravo-bbbbbb");
        TestHome fresh = new TestHome(dir.resolve("c"), "charlie-cccccc")) {
      FolderSyncTest.record(a, "real", 3);
      a.sync(bucket);
      b.sync(bucket); // b pins alpha's real key
      String before = b.digest();
      dev.cairn.exchange.Forger.Forged forged = forger.checkpoint(a.origin, 9, 20);
      forged.segments().forEach(s -> bucket.putIfAbsent(s.name(), s.bytes()));
      bucket.putIfAbsent(forged.name(), forged.checkpointBytes());

      SyncReport pinned = b.sync(bucket);
      assertEquals(1, pinned.conflicted(), pinned.problems().toString());
      assertEquals(before, b.digest());
      SyncReport newcomer = fresh.sync(bucket); // knows neither key: two keys claim alpha, so it takes neither
      assertEquals(1, newcomer.conflicted(), newcomer.problems().toString());
      assertEquals(0, fresh.ledger.highWater(a.origin).value(), "nothing of alpha's applied, forged or real");
    }
  }
}
