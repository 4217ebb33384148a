package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.cli.output.Json;
import dev.cairn.exchange.Forger;
import dev.cairn.ledger.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trust through the real command line: a forged checkpoint on a target is a key conflict that
 * stops the origin and is reported by sync, status and peers (exit 5) until a person decides;
 * strict trust holds unknown origins back until a signed peer list is imported; a target's
 * encryption cannot be bypassed by naming it by its URL.
 */
class TrustCliTest {
  @TempDir Path dir;
  private Path a;
  private Path b;
  private Path shared;

  @BeforeEach
  void twoHomes() throws Exception {
    a = dir.resolve("a");
    b = dir.resolve("b");
    shared = java.nio.file.Files.createDirectories(dir.resolve("shared"));
    assertEquals(0, Cli.run(a, "init", "--origin", "home-aaaaaa").code());
    assertEquals(0, Cli.run(b, "init", "--origin", "desk-bbbbbb").code());
    assertEquals(0, Cli.runWithInput(a, CliTest.LOCAL, "import", "events", "-").code());
  }

  private static String key(Path home) throws Exception {
    return Files.readString(home.resolve("keys/signing.pub")).strip();
  }

  @Test
  void aForgedCheckpointInAFolderStopsTheOriginUntilAPersonDecides() throws Exception {
    assertEquals(0, Cli.run(a, "sync", shared.toString()).code());
    assertEquals(0, Cli.run(b, "sync", shared.toString()).code());
    String before = Cli.run(b, "digest").line();
    Forger.Forged forged = new Forger(dir.resolve("mallory")).checkpoint(new Origin("home-aaaaaa"), 7, 9);
    for (var s : forged.segments()) {
      Files.createDirectories(shared.resolve(s.name().path()).getParent());
      Files.write(shared.resolve(s.name().path()), s.bytes());
    }
    Files.write(shared.resolve(forged.name().path()), forged.checkpointBytes());

    Cli.Result sync = Cli.run(b, "sync", shared.toString());
    assertEquals(5, sync.code(), sync.out() + sync.err());
    assertTrue(sync.err().contains("key conflict for origin home-aaaaaa"), sync.err());
    assertEquals(before, Cli.run(b, "digest").line(), "nothing forged applied");
    Cli.Result status = Cli.run(b, "status");
    assertEquals(5, status.code(), status.out());
    assertTrue(status.out().contains("KEY CONFLICT home-aaaaaa"), status.out());
    Cli.Result peers = Cli.run(b, "peers");
    assertEquals(5, peers.code());
    assertTrue(peers.out().contains("KEY CONFLICT"), peers.out());
    JsonNode st = Json.MAPPER.readTree(Cli.run(b, "status", "--json").out());
    assertTrue(st.path("key_conflicts").has("home-aaaaaa"), st.toString());

    assertEquals(0, Cli.run(b, "peers", "trust", "home-aaaaaa", "--key", key(a)).code());
    Cli.Result healed = Cli.run(b, "sync", shared.toString());
    assertEquals(5, healed.code(), "the rejected forgery is still reported once, and moved aside: " + healed.err());
    Cli.Result clean = Cli.run(b, "sync", shared.toString());
    assertEquals(0, clean.code(), clean.err());
    assertEquals(0, Cli.run(b, "status").code());
    assertEquals(Cli.run(a, "digest").line(), Cli.run(b, "digest").line());
  }

  @Test
  void strictTrustHoldsAnUnknownOriginBackUntilItsSignedListIsImported() throws Exception {
    Files.writeString(b.resolve("config.toml"), "trust = \"strict\"\n", StandardOpenOption.APPEND);
    assertEquals(0, Cli.run(a, "sync", shared.toString()).code());
    String before = Cli.run(b, "digest").line();
    Cli.Result held = Cli.run(b, "sync", shared.toString());
    assertEquals(0, held.code(), held.err());
    assertTrue(held.err().contains("held back: origin home-aaaaaa"), held.err());
    assertEquals(before, Cli.run(b, "digest").line(), "nothing applied from an origin nobody trusted");
    Cli.Result status = Cli.run(b, "status");
    assertTrue(status.out().contains("trust       strict"), status.out());
    assertTrue(status.out().contains("held back   home-aaaaaa: key SHA256:"), status.out());

    Path list = dir.resolve("machines.json");
    assertEquals(0, Cli.run(a, "peers", "export", "--out", list.toString()).code());
    Cli.Result imported = Cli.run(b, "peers", "import", list.toString());
    assertEquals(0, imported.code(), imported.err());
    assertTrue(imported.out().contains("1 pinned"), imported.out());
    assertEquals(0, Cli.run(b, "sync", shared.toString()).code());
    assertEquals(Cli.run(a, "digest").line(), Cli.run(b, "digest").line());
    assertFalse(Cli.run(b, "status").out().contains("held back   home"), "released");
  }

  @Test
  void aPeerListThatWasChangedIsRefusedAndNothingIsImported() throws Exception {
    Path list = dir.resolve("machines.json");
    assertEquals(0, Cli.run(a, "peers", "export", "--out", list.toString()).code());
    String text = Files.readString(list);
    String other = Files.readString(b.resolve("keys/signing.pub")).strip();
    Files.writeString(list, text.replace(key(a), other));
    Cli.Result r = Cli.run(b, "peers", "import", list.toString());
    assertEquals(5, r.code(), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertTrue(r.err().contains("does not verify"), r.err());
    assertFalse(Cli.run(b, "peers", "--json").out().contains("home-aaaaaa"));
  }

  @Test
  void aTargetsEncryptionCannotBeBypassedByItsUrl() throws Exception {
    String recipient = Cli.json(b, "status", "--json").get("age_recipient").asText();
    Path vault = java.nio.file.Files.createDirectories(dir.resolve("vault"));
    assertEquals(0, Cli.run(a, "target", "add", "vault", "folder:" + vault, "--encrypt-to", recipient).code());
    assertEquals(0, Cli.run(a, "sync", "vault").code());
    long before;
    try (Stream<Path> s = Files.walk(vault)) {
      before = s.count();
    }
    assertEquals(0, Cli.runWithInput(b, CliTest.LOCAL.replace("home-aaaaaa", "desk-bbbbbb"), "import", "events", "-").code());
    Cli.Result r = Cli.run(b, "sync", "folder:" + vault);
    assertEquals(4, r.code(), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertTrue(r.err().contains("holds encrypted artifacts") && r.err().contains("nothing was written"), r.err());
    try (Stream<Path> s = Files.walk(vault)) {
      assertEquals(before, s.count(), "not one file written");
    }
    assertNotEquals(Cli.run(a, "digest").line(), Cli.run(b, "digest").line());
  }
}
