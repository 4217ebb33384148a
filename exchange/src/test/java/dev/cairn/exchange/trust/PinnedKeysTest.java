package dev.cairn.exchange.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.SigningKey;
import dev.cairn.ledger.Origin;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pins, key conflicts, rejected keys and strict trust, each decision kept across a reload of peers.json. */
class PinnedKeysTest {
  private static final Origin X = new Origin("xray-xxxxxx");
  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  @TempDir Path dir;

  private SigningKey.PublicKeyText key(String name) {
    return SigningKey.loadOrCreate(dir.resolve(name)).publicKey();
  }

  private Path file() {
    return dir.resolve("peers.json");
  }

  private static ArtifactName cp(long n) {
    return ArtifactName.checkpoint(X, n);
  }

  @Test
  void theFirstKeySeenIsPinnedAndTheSameKeyPassesAgain() {
    SigningKey.PublicKeyText real = key("real");
    PinnedKeys pins = PinnedKeys.load(file());
    pins.check(cp(1), real, NOW, "folder:/t");
    pins.check(cp(2), real, NOW, "folder:/t");
    assertEquals(real, PinnedKeys.load(file()).get(X).orElseThrow().key());
  }

  @Test
  void aSecondKeyStartsAConflictThatStopsTheOriginEvenForThePinnedKeyAndSurvivesAReload() {
    SigningKey.PublicKeyText real = key("real");
    SigningKey.PublicKeyText other = key("other");
    PinnedKeys pins = PinnedKeys.load(file());
    pins.check(cp(1), real, NOW, "folder:/t");
    KeyConflictException e = assertThrows(KeyConflictException.class, () -> pins.check(cp(2), other, NOW, "http://relay"));
    assertTrue(e.getMessage().contains("http://relay") && e.getMessage().contains(other.fingerprint()), e.getMessage());
    PinnedKeys reloaded = PinnedKeys.load(file());
    assertTrue(reloaded.inConflict(X));
    assertThrows(KeyConflictException.class, () -> reloaded.check(cp(3), real, NOW, "folder:/t"), "nothing more from X, whoever signs");
    assertEquals(1, reloaded.conflicts().get(X).size());
    assertThrows(KeyConflictException.class, () -> reloaded.check(cp(4), other, NOW, "folder:/t"));
    assertEquals(1, PinnedKeys.load(file()).conflicts().get(X).size(), "the same claim is recorded once");
  }

  @Test
  void aPersonsDecisionEndsTheConflictAndTheOtherKeyIsRefusedAsForgedFromThenOn() {
    SigningKey.PublicKeyText real = key("real");
    SigningKey.PublicKeyText other = key("other");
    PinnedKeys pins = PinnedKeys.load(file());
    pins.check(cp(1), real, NOW, "folder:/t");
    assertThrows(KeyConflictException.class, () -> pins.check(cp(2), other, NOW, "folder:/t"));
    pins.trust(X, real, NOW);
    PinnedKeys decided = PinnedKeys.load(file());
    assertFalse(decided.inConflict(X));
    decided.check(cp(3), real, NOW, "folder:/t");
    assertThrows(ForgedCheckpointException.class, () -> decided.check(cp(4), other, NOW, "folder:/t"));
    assertFalse(PinnedKeys.load(file()).inConflict(X), "a rejected key does not stop the origin again");
  }

  @Test
  void choosingTheNewKeyRejectsTheOldOne() {
    SigningKey.PublicKeyText old = key("old");
    SigningKey.PublicKeyText renewed = key("renewed");
    PinnedKeys pins = PinnedKeys.load(file());
    pins.check(cp(1), old, NOW, "folder:/t");
    assertThrows(KeyConflictException.class, () -> pins.check(cp(2), renewed, NOW, "folder:/t"));
    pins.trust(X, renewed, NOW);
    pins.check(cp(3), renewed, NOW, "folder:/t");
    assertThrows(ForgedCheckpointException.class, () -> PinnedKeys.load(file()).check(cp(4), old, NOW, "folder:/t"));
  }

  @Test
  void strictTrustHoldsAnUnknownOriginBackUntilTrustedAndShowsItsKey() {
    SigningKey.PublicKeyText real = key("real");
    PinnedKeys pins = PinnedKeys.load(file(), TrustMode.STRICT);
    assertThrows(UntrustedOriginException.class, () -> pins.check(cp(1), real, NOW, "folder:/t"));
    PinnedKeys reloaded = PinnedKeys.load(file(), TrustMode.STRICT);
    assertEquals(real, reloaded.untrusted().get(X).key());
    assertTrue(reloaded.get(X).isEmpty(), "nothing pinned by itself");
    reloaded.trust(X, real, NOW);
    PinnedKeys trusted = PinnedKeys.load(file(), TrustMode.STRICT);
    trusted.check(cp(2), real, NOW, "folder:/t");
    assertTrue(trusted.untrusted().isEmpty());
  }

  @Test
  void aClaimRefusedAtTheDoorIsRecordedAsAConflictOrAHeldBackOrigin() {
    SigningKey.PublicKeyText real = key("real");
    SigningKey.PublicKeyText other = key("other");
    PinnedKeys pins = PinnedKeys.load(file());
    pins.recordRefused(new KeyClaim(X, other, "pushed", NOW)); // nothing pinned, first use: nothing to record
    assertFalse(pins.inConflict(X));
    pins.check(cp(1), real, NOW, "folder:/t");
    pins.recordRefused(new KeyClaim(X, other, "pushed", NOW));
    assertTrue(PinnedKeys.load(file()).inConflict(X));

    Origin y = new Origin("yankee-yyyyyy");
    PinnedKeys strict = PinnedKeys.load(dir.resolve("strict.json"), TrustMode.STRICT);
    strict.recordRefused(new KeyClaim(y, other, "pushed", NOW));
    assertEquals(other, PinnedKeys.load(dir.resolve("strict.json"), TrustMode.STRICT).untrusted().get(y).key());
  }

  @Test
  void aDamagedPeersFileIsATypedErrorNamingIt() throws Exception {
    java.nio.file.Files.writeString(file(), "{\"peers\":{\"xray-xxxxxx\":{\"key\":\"not a key\"");
    PinnedKeys.PeersFileException e = assertThrows(PinnedKeys.PeersFileException.class, () -> PinnedKeys.load(file()));
    assertTrue(e.getMessage().contains("peers.json is damaged"), e.getMessage());
    assertEquals(dev.cairn.ledger.CairnException.Kind.CORRUPT, e.kind());
  }
}
