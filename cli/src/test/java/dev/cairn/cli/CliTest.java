package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.OriginNames;
import dev.cairn.cli.output.Json;
import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.event.SessionFlagged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path dir;

  static final String LOCAL = String.join("\n",
      "{\"type\":\"session.recorded\",\"session\":\"home-aaaaaa~s1\",\"agent\":\"claude-code\",\"source\":\"/t/s1.jsonl\",\"title\":\"first\",\"started_at\":\"2025-11-20T10:00:00Z\"}",
      "{\"type\":\"message.appended\",\"session\":\"home-aaaaaa~s1\",\"ordinal\":0,\"role\":\"user\",\"text\":\"hello decorators\"}",
      "{\"type\":\"session.starred\",\"session\":\"home-aaaaaa~s1\"}",
      "{\"type\":\"session.renamed\",\"session\":\"home-aaaaaa~s1\",\"title\":\"Decorators\"}",
      "{\"type\":\"session.renamed\",\"session\":\"home-aaaaaa~s1\",\"title\":\"Python decorators\"}") + "\n";

  private Path init(String name, String origin) {
    Path home = dir.resolve(name);
    Cli.Result r = Cli.run(home, "init", "--origin", origin);
    assertEquals(0, r.code(), r.err());
    return home;
  }

  private static JsonNode json(String s) throws Exception {
    return Json.MAPPER.readTree(s);
  }

  @Test
  void initCreatesAHomeOnceAndGeneratesAnOriginFromTheHostName() throws Exception {
    Path home = dir.resolve("h");
    Cli.Result first = Cli.run(home, "init", "--json");
    assertEquals(0, first.code(), first.err());
    String origin = json(first.out()).get("origin").asText();
    assertTrue(origin.matches("[a-z0-9-]+-[0-9a-f]{6}"), origin);
    Cli.Result again = Cli.run(home, "init", "--json");
    assertEquals(origin, json(again.out()).get("origin").asText());
    assertFalse(json(again.out()).get("created").asBoolean());
    assertTrue(Files.exists(home.resolve("config.toml")));
  }

  @Test
  void originsAreSanitisedHostNames() {
    assertEquals("my-laptop", OriginNames.sanitise("My_Laptop.local"));
    assertEquals("machine", OriginNames.sanitise("...."));
  }

  @Test
  void verbsOnAnUninitialisedHomeSayToRunInit() {
    Cli.Result r = Cli.run(dir.resolve("nothing"), "sessions");
    assertEquals(4, r.code());
    assertTrue(r.err().contains("run 'cairn init'"), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
  }

  @Test
  void importedLocalEventsShowInSessionsWithCuratedFields() throws Exception {
    Path home = init("h", "home-aaaaaa");
    Cli.Result imported = Cli.runWithInput(home, LOCAL, "import", "events", "-", "--json");
    assertEquals(0, imported.code(), imported.err());
    assertEquals(5, json(imported.out()).get("local").asLong());
    JsonNode sessions = json(Cli.run(home, "sessions", "--json").out());
    assertEquals(1, sessions.size());
    assertEquals("Python decorators", sessions.get(0).get("title").asText());
    assertTrue(sessions.get(0).get("starred").asBoolean());
  }

  @Test
  void localCurationWithoutPrevGetsTheVersionTheViewHolds() throws Exception {
    Path home = init("h", "home-aaaaaa");
    Cli.runWithInput(home, LOCAL, "import", "events", "-");
    List<JsonNode> renames = new ArrayList<>();
    for (String line : Cli.run(home, "tail", "--json", "--type", "session.renamed").out().strip().split("\n")) {
      renames.add(json(line));
    }
    assertEquals(2, renames.size());
    assertFalse(renames.get(0).has("prev"), "the first rename saw no title");
    assertEquals("home-aaaaaa/4", renames.get(1).get("prev").asText(), "the second saw the first");
  }

  @Test
  void tailJsonPipedIntoImportReplicatesAHomeWithTheSameDigest() {
    Path a = init("a", "home-aaaaaa");
    Cli.runWithInput(a, LOCAL, "import", "events", "-");
    Path b = init("b", "other-bbbbbb");
    String feed = Cli.run(a, "tail", "--from-start", "--json").out();
    Cli.Result imported = Cli.runWithInput(b, feed, "import", "events", "-");
    assertEquals(0, imported.code(), imported.err());
    assertEquals(Cli.run(a, "digest").line(), Cli.run(b, "digest").line());
    // importing the same feed again changes nothing
    Cli.Result again = Cli.runWithInput(b, feed, "import", "events", "-", "--json");
    assertTrue(again.out().contains("\"duplicates\":5"), again.out());
  }

  @Test
  void twoHomesFedTheSameEventsInDifferentOrdersPrintTheSameDigest() {
    Path source = init("src", "home-aaaaaa");
    Cli.runWithInput(source, LOCAL, "import", "events", "-");
    Path peer = init("peer", "desk-cccccc");
    Cli.runWithInput(peer, "{\"type\":\"session.renamed\",\"session\":\"home-aaaaaa~s1\",\"title\":\"From the desk\"}\n"
        + "{\"type\":\"session.tagged\",\"session\":\"home-aaaaaa~s1\",\"tag\":\"python\"}\n", "import", "events", "-");
    List<String> aLines = List.of(Cli.run(source, "tail", "--json").out().strip().split("\n"));
    List<String> cLines = List.of(Cli.run(peer, "tail", "--json").out().strip().split("\n"));
    String first = String.join("\n", aLines) + "\n" + String.join("\n", cLines) + "\n";
    String second = String.join("\n", cLines) + "\n" + String.join("\n", aLines) + "\n";
    Path x = init("x", "x-000001");
    Path y = init("y", "y-000002");
    assertEquals(0, Cli.runWithInput(x, first, "import", "events", "-").code());
    assertEquals(0, Cli.runWithInput(y, second, "import", "events", "-").code());
    assertEquals(Cli.run(x, "digest").line(), Cli.run(y, "digest").line());
  }

  @Test
  void rebuildKeepsTheDigest() {
    Path home = init("h", "home-aaaaaa");
    Cli.runWithInput(home, LOCAL, "import", "events", "-");
    String before = Cli.run(home, "digest").line();
    Cli.Result rebuilt = Cli.run(home, "rebuild");
    assertEquals(0, rebuilt.code(), rebuilt.err());
    assertTrue(rebuilt.out().contains(before), rebuilt.out());
    assertEquals(before, Cli.run(home, "digest").line());
  }

  @Test
  void aNamedTailResumes() {
    Path home = init("h", "home-aaaaaa");
    Cli.runWithInput(home, LOCAL, "import", "events", "-");
    assertEquals(5, Cli.run(home, "tail", "--name", "reader", "--json").out().strip().split("\n").length);
    assertEquals("", Cli.run(home, "tail", "--name", "reader", "--json").out().strip());
    Cli.runWithInput(home, "{\"type\":\"session.unstarred\",\"session\":\"home-aaaaaa~s1\"}\n", "import", "events", "-");
    assertTrue(Cli.run(home, "tail", "--name", "reader", "--json").out().contains("session.unstarred"));
  }

  @Test
  void statusReportsEntriesOriginsAndNoLag() throws Exception {
    Path home = init("h", "home-aaaaaa");
    Cli.runWithInput(home, LOCAL, "import", "events", "-");
    JsonNode s = json(Cli.run(home, "status", "--json").out());
    assertEquals(5, s.get("ledger_entries").asLong());
    assertEquals(5, s.get("high_water").get("home-aaaaaa").asLong());
    assertEquals(0, s.get("view_lag").asLong());
  }

  @Test
  void statusCountsEntriesTheViewHasNotAppliedYet() throws Exception {
    Path home = init("h", "home-aaaaaa");
    Cli.runWithInput(home, LOCAL, "import", "events", "-");
    try (Ledger ledger = new Home(home).openLedger()) { // appends without projecting
      ledger.appendLocal(new dev.cairn.ledger.event.Draft(SessionFlagged.unstarred(
          dev.cairn.ledger.SessionId.parse("home-aaaaaa~s1"), null)));
    }
    assertEquals(1, json(Cli.run(home, "status", "--json").out()).get("view_lag").asLong());
    assertTrue(Cli.run(home, "status").out().contains("1 entries behind"));
    Cli.run(home, "digest"); // a reading verb catches the view up
    assertEquals(0, json(Cli.run(home, "status", "--json").out()).get("view_lag").asLong());
  }

  @Test
  void aSecondWriterProcessGetsAClearError() {
    Path home = init("h", "home-aaaaaa");
    try (Ledger held = new Home(home).openLedger()) {
      Cli.Result r = Cli.runWithInput(home, LOCAL, "import", "events", "-");
      assertEquals(4, r.code());
      assertTrue(r.err().contains("another cairn process"), r.err());
    }
  }

  @Test
  void theDemoRunsEndToEnd() {
    Cli.Result r = Cli.run(dir.resolve("unused"), "demo", "--no-serve");
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("equal digests on both machines, and after the rebuild"), r.out());
    assertTrue(r.out().contains("loser   demo-"), "the concurrent rename is a recorded conflict: " + r.out());
  }

  @Test
  void unknownVerbsAndOptionsAreUsageErrors() {
    Cli.Result r = Cli.run(dir.resolve("h"), "frobnicate");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("cairn: "), r.err());
  }

  @Test
  void aHundredThousandEventFileImportsRebuildsAndDigests() throws Exception {
    Path home = init("h", "big-000001");
    Path file = dir.resolve("big.ndjson");
    Random random = new Random(1);
    List<String> lines = new ArrayList<>();
    for (int s = 0; s < 1000; s++) {
      lines.add("{\"type\":\"session.recorded\",\"session\":\"big-000001~s" + s + "\",\"agent\":\"claude-code\",\"source\":\"/t\"}");
      for (int m = 0; m < 99; m++) {
        lines.add("{\"type\":\"message.appended\",\"session\":\"big-000001~s" + s + "\",\"ordinal\":" + m
            + ",\"role\":\"user\",\"text\":\"message " + random.nextInt() + "\"}");
      }
    }
    Files.write(file, lines);
    Cli.Result imported = Cli.run(home, "import", "events", file.toString(), "--json");
    assertEquals(0, imported.code(), imported.err());
    assertEquals(100_000, json(imported.out()).get("local").asLong());
    String digest = Cli.run(home, "digest").line();
    assertEquals(0, Cli.run(home, "rebuild").code());
    assertEquals(digest, Cli.run(home, "digest").line());
    assertEquals(100_000, json(Cli.run(home, "status", "--json").out()).get("ledger_entries").asLong());
  }
}
