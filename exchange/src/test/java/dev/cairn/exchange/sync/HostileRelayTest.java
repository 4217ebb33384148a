package dev.cairn.exchange.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.exchange.Forger;
import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.transport.FolderTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three homes in a line, alpha - mallory - charlie, through two folders; mallory relays honestly
 * at first, then writes forged, renumbered, cross-origin and own-origin artifacts into charlie's
 * folder. Every forgery is reported, nothing forged is applied, and once a person confirms the pins
 * the honest homes end with equal digests.
 */
class HostileRelayTest {
  @TempDir Path dir;

  @Test
  void aHostileMiddleIsReportedAndTheHonestHomesConverge() throws Exception {
    FolderTransport left = new FolderTransport(dir.resolve("left"));
    FolderTransport right = new FolderTransport(dir.resolve("right"));
    Forger forger = new Forger(dir.resolve("mallory-forging-key"));
    try (TestHome a = new TestHome(dir.resolve("a"), "alpha-aaaaaa"); TestHome m = new TestHome(dir.resolve("m"), "mallory-mmmmmm");
        TestHome c = new TestHome(dir.resolve("c"), "charlie-cccccc")) {
      FolderSyncTest.record(a, "a1", 4);
      FolderSyncTest.record(c, "c1", 3);
      a.sync(left);
      m.sync(left);
      m.sync(right);
      c.sync(right);
      m.sync(right);
      m.sync(left);
      a.sync(left);
      assertEquals(a.digest(), c.digest(), "an honest relay first: both pinned each other's keys");
      String honest = c.digest();

      // the real alpha goes on, and mallory relays it (honestly, so far)
      FolderSyncTest.record(a, "a2", 2);
      a.sync(left);
      m.sync(left);
      m.sync(right);

      // mallory turns: writes straight into charlie's folder
      Forger.Forged forgedAlpha = forger.checkpoint(a.origin, 50, 12);
      forgedAlpha.segments().forEach(s -> right.putIfAbsent(s.name(), s.bytes()));
      right.putIfAbsent(forgedAlpha.name(), forgedAlpha.checkpointBytes());
      byte[] alphaOne = right.get(ArtifactName.checkpoint(a.origin, 1));
      ArtifactName renumbered = ArtifactName.checkpoint(a.origin, 40);
      Files.write(dir.resolve("right").resolve(renumbered.path()), alphaOne); // a genuine checkpoint under another number
      ArtifactName crossOrigin = ArtifactName.checkpoint(c.origin, 41);
      Files.write(dir.resolve("right").resolve(crossOrigin.path()), alphaOne); // alpha's checkpoint filed as charlie's
      Forger.Forged forgedCharlie = forger.checkpoint(c.origin, 42, 5); // charlie's own origin, claimed by mallory
      forgedCharlie.segments().forEach(s -> right.putIfAbsent(s.name(), s.bytes()));
      right.putIfAbsent(forgedCharlie.name(), forgedCharlie.checkpointBytes());


      List<String> problems = new ArrayList<>();
      SyncReport hit = c.sync(right);
      problems.addAll(hit.problems());
      assertEquals(2, hit.conflicted(), "alpha and charlie itself are claimed by a second key: " + hit.problems());
      assertTrue(hit.forged() >= 2, hit.problems().toString());
      assertTrue(hit.quarantined() >= 2, "the renumbered and the cross-origin checkpoints: " + hit.problems());
      assertEquals(honest, c.digest(), "nothing of what mallory wrote was applied, nor anything more from alpha");

      // a person checks keys/signing.pub on alpha and here, and confirms both pins
      c.pins.trust(a.origin, a.key.publicKey(), Instant.now());
      c.pins.trust(c.origin, c.key.publicKey(), Instant.now());
      SyncReport healed = c.sync(right);
      problems.addAll(healed.problems());
      assertEquals(0, healed.conflicted(), healed.problems().toString());
      m.sync(right);
      m.sync(left);
      a.sync(left);
      assertEquals(a.digest(), c.digest(), "the honest homes converge");
      assertNotEquals(honest, c.digest(), "with alpha's new events");
      assertEquals(8, c.ledger.highWater(a.origin).value(), "all of alpha's eight events");

      String all = String.join("\n", problems);
      for (ArtifactName forged : List.of(forgedAlpha.name(), renumbered, crossOrigin)) {
        assertTrue(all.contains(forged.toString()), forged + " is reported: " + all);
      }
      assertTrue(all.contains("key conflict for origin " + c.origin), all);
      assertTrue(right.list(a.origin, ArtifactKind.CHECKPOINT, null).stream().noneMatch(i -> i.name().equals(forgedAlpha.name())),
          "the rejected forgery is moved aside once a person decided");
    }
  }
}
