package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every curation verb and query through the real command line and view, on imported fixtures. */
class CurationAndQueryTest {
  private static final Path FIXTURES = Fixtures.claudeCode();
  @TempDir Path dir;
  private Path home;

  @BeforeEach
  void importFixtures() throws Exception {
    Path project = Files.createDirectories(dir.resolve("projects/-home-ana-demo"));
    for (String f : new String[] {"representative_messages.jsonl", "session_b.jsonl", "todowrite_examples.jsonl", "edge_cases.jsonl"}) {
      Files.copy(FIXTURES.resolve(f), project.resolve(f));
    }
    home = dir.resolve("home");
    assertEquals(0, Cli.run(home, "init", "--origin", "lap-000001").code());
    Cli.Result r = Cli.run(home, "import", "claude", dir.resolve("projects").toString(), "--json");
    assertEquals(0, r.code(), r.err());
  }

  private JsonNode json(String... args) throws Exception {
    return Cli.json(home, args);
  }

  private long entries() throws Exception {
    return json("status", "--json").get("ledger_entries").asLong();
  }

  private JsonNode session(String id) throws Exception {
    for (JsonNode s : json("sessions", "--all", "--json")) {
      if (s.get("session").asText().equals(id)) {
        return s;
      }
    }
    throw new AssertionError("no session " + id);
  }

  @Test
  void importingTwiceAppendsNothingTheSecondTime() throws Exception {
    long before = entries();
    JsonNode again = json("import", "claude", dir.resolve("projects").toString(), "--json");
    assertEquals(0, again.get("session_events").asLong() + again.get("message_events").asLong());
    assertEquals(4, again.get("unchanged").asLong());
    assertEquals(before, entries());
  }

  @Test
  void starAndUnstarChangeTheViewAndRepeatsAppendNothing() throws Exception {
    long before = entries();
    assertTrue(json("star", "session_b", "--json").get("appended").asBoolean());
    assertTrue(session("lap-000001~session_b").get("starred").asBoolean());
    JsonNode again = json("star", "session_b", "--json");
    assertFalse(again.get("appended").asBoolean());
    assertEquals(before + 1, entries());
    assertTrue(Cli.run(home, "star", "session_b").out().contains("already starred; nothing appended"));
    JsonNode unstar = json("unstar", "lap-000001~session_b", "--json");
    assertEquals("lap-000001/" + (before + 1), unstar.get("prev").asText(), "prev is the version the view held");
    assertFalse(session("lap-000001~session_b").get("starred").asBoolean());
    assertFalse(json("unstar", "session_b", "--json").get("appended").asBoolean());
  }

  @Test
  void renameTagPinTrashRestoreShowInSessionsAndShow() throws Exception {
    json("rename", "repr", "Decorators, explained");
    json("tag", "repr", "python", "howto");
    json("untag", "repr", "howto");
    json("pin", "repr", "3", "--note", "the edit");
    JsonNode s = session("lap-000001~representative_messages");
    assertEquals("Decorators, explained", s.get("title").asText());
    assertEquals("python", s.get("tags").asText());
    assertEquals(1, s.get("pins").asLong());
    JsonNode shown = json("show", "repr", "--json");
    JsonNode pinned = shown.get("messages").get(3);
    assertTrue(pinned.get("pinned").asBoolean());
    assertEquals("the edit", pinned.get("pin_note").asText());
    assertEquals("Edit", pinned.get("tool_calls").get(0).get("name").asText());
    json("unpin", "repr", "3");
    assertEquals(0, session("lap-000001~representative_messages").get("pins").asLong());
    json("trash", "todo");
    assertEquals(3, json("sessions", "--json").size(), "trashed sessions are hidden");
    assertEquals(1, json("sessions", "--trashed", "--json").size());
    json("restore", "todo");
    assertEquals(4, json("sessions", "--json").size());
    assertFalse(json("rename", "repr", "Decorators, explained", "--json").get("appended").asBoolean());
  }

  @Test
  void purgeNeedsYesAndRemovesTheSession() throws Exception {
    Cli.Result refused = Cli.run(home, "purge", "session_b");
    assertEquals(2, refused.code());
    assertTrue(refused.err().contains("--yes"));
    json("purge", "session_b", "--yes", "--json");
    assertEquals(3, json("sessions", "--all", "--json").size());
    Cli.Result gone = Cli.run(home, "star", "session_b");
    assertEquals(3, gone.code());
  }

  @Test
  void sessionReferencesResolveByUniquePrefixAndAmbiguityListsCandidates() {
    Cli.Result ambiguous = Cli.run(home, "star", "lap-000001~");
    assertEquals(3, ambiguous.code());
    assertTrue(ambiguous.err().contains("matches 4 sessions: lap-000001~edge_cases, lap-000001~representative_messages"), ambiguous.err());
    Cli.Result none = Cli.run(home, "star", "zzz");
    assertEquals(3, none.code());
    assertTrue(none.err().contains("no session matches 'zzz'"), none.err());
    assertEquals(0, Cli.run(home, "star", "lap-000001~edge").code());
    assertEquals(0, Cli.run(home, "star", "edge_c").code(), "a prefix of the native id works too");
  }

  @Test
  void pinOfAMissingMessageIsBadInput() {
    Cli.Result r = Cli.run(home, "pin", "session_b", "7");
    assertEquals(3, r.code());
    assertTrue(r.err().contains("has no message 7 (its messages are 0..1)"), r.err());
  }

  @Test
  void sessionFiltersCombine() throws Exception {
    json("star", "repr");
    json("tag", "repr", "python");
    json("tag", "todo", "python");
    assertEquals(1, json("sessions", "--starred", "--json").size());
    assertEquals(2, json("sessions", "--tag", "python", "--json").size());
    assertEquals(1, json("sessions", "--tag", "python", "--starred", "--json").size());
    assertEquals(4, json("sessions", "--project", "tmp", "--json").size(), "project is the cwd folder name");
    assertEquals(0, json("sessions", "--project", "demo", "--json").size());
    assertEquals(0, json("sessions", "--agent", "codex", "--json").size());
    assertEquals(1, json("sessions", "--since", "2025-06-14T12", "--json").size());
    assertEquals(2, json("sessions", "--limit", "2", "--json").size());
    assertEquals(3, Cli.run(home, "sessions", "--since", "last week").code());
    assertEquals(4, json("sessions", "--machine", "lap-000001", "--json").size());
    assertEquals(0, json("sessions", "--machine", "desk-000002", "--json").size());
    assertEquals(3, json("sessions", "--until", "2025-06-14T11", "--json").size(), "everything but the one started at 12h");
    Cli.Result badUntil = Cli.run(home, "sessions", "--until", "tomorrow");
    assertEquals(3, badUntil.code());
    assertTrue(badUntil.err().contains("--until") && badUntil.err().contains("expected a date like 2025-11-20, found 'tomorrow'"), badUntil.err());
  }

  @Test
  void searchRanksMatchesInTextAndToolOutputWithSnippets() throws Exception {
    JsonNode hits = json("search", "decorator", "--json");
    assertTrue(hits.size() >= 3, hits.toString());
    for (JsonNode h : hits) {
      assertTrue(h.get("snippet").asText().toLowerCase().contains("[decorator"), h.toString());
      assertEquals("lap-000001~representative_messages", h.get("session").asText());
    }
    JsonNode tool = json("search", "repeat(3)", "--json"); // punctuation is not FTS syntax in plain mode
    assertTrue(tool.size() >= 1);
    assertEquals(0, json("search", "nonexistentword", "--json").size());
    Cli.Result bad = Cli.run(home, "search", "--fts", "\"unbalanced");
    assertEquals(3, bad.code());
    assertTrue(bad.err().contains("not valid FTS5 syntax (unterminated string)"), bad.err());
    assertFalse(bad.err().contains("SQLITE_ERROR"), "SQLite's own words, not the driver's wrapping: " + bad.err());
    json("trash", "repr");
    assertEquals(0, json("search", "decorator", "--json").size(), "trashed sessions are not searched");
    assertTrue(json("search", "decorator", "--all", "--json").size() >= 3);
    assertEquals(0, json("search", "decorator", "--all", "--machine", "desk-000002", "--json").size(), "search takes the list's filters");
    assertTrue(json("search", "decorator", "--all", "--machine", "lap-000001", "--json").size() >= 3);
  }

  @Test
  void conflictsListsAConcurrentRenameFromAnotherMachine() throws Exception {
    json("rename", "session_b", "Mine");
    String peer = "{\"v\":1,\"origin\":\"desk-000002\",\"seq\":1,\"hlc\":\"20250101T000000.000Z-000000\","
        + "\"type\":\"session.renamed\",\"session\":\"lap-000001~session_b\",\"title\":\"Theirs\"}\n";
    assertEquals(0, Cli.runWithInput(home, peer, "import", "events", "-").code());
    JsonNode c = json("conflicts", "--json");
    assertEquals(1, c.size());
    assertEquals("lap-000001", c.get(0).get("winner_origin").asText());
    assertTrue(c.get(0).get("loser_value").isTextual(), "a JSON string, not JSON text in a string: " + c.get(0).get("loser_value"));
    assertEquals("Theirs", c.get(0).get("loser_value").asText());
    assertEquals("Mine", c.get(0).get("winner_value").asText());
    assertFalse(c.get(0).get("resolved").asBoolean());
    assertTrue(Cli.run(home, "conflicts").out().contains("loser   desk-000002/1"));

    json("rename", "session_b", "Settled"); // this write saw the winner: the conflict is resolved
    assertEquals(0, json("conflicts", "--json").size(), "open conflicts only, by default");
    assertTrue(Cli.run(home, "conflicts").out().contains("no open conflicts"));
    JsonNode all = json("conflicts", "--all", "--json");
    assertEquals(1, all.size());
    assertTrue(all.get(0).get("resolved").asBoolean());
    assertEquals("Settled", all.get(0).get("resolution").asText());
    assertTrue(all.get(0).get("resolved_by").asText().startsWith("lap-000001/"), all.toString());
  }
}
