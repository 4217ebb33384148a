package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.cli.output.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input gets exit code 3 and one line on stderr that names the line, what was
 * expected and what was found; the ledger and the view are exactly as before (same entries, same
 * digest), because a batch is checked whole before any of it is appended.
 */
class BadInputTest {
  @TempDir Path dir;
  private Path home;
  private String digestBefore;
  private long entriesBefore;

  private static final String GOOD = "{\"type\":\"session.starred\",\"session\":\"home-aaaaaa~s1\"}\n";
  private static final String ENV = "\"v\":1,\"origin\":\"peer-bbbbbb\",\"hlc\":\"20251121T080000.000Z-000000\",";

  record Case(String name, String input, String expected) {}

  static final List<Case> CASES = List.of(
      new Case("malformed JSON", GOOD + "{\"type\":\"session.starred\",\n", "line 2: field \"event\": expected valid JSON"),
      new Case("truncated line", GOOD + "{\"type\":\"session.starr", "line 2: field \"event\": expected valid JSON"),
      new Case("not an object", "[1,2,3]\n", "line 1: field \"event\": expected a JSON object"),
      new Case("float", "{\"type\":\"message.appended\",\"session\":\"home-aaaaaa~s1\",\"ordinal\":1.5,\"role\":\"user\",\"text\":\"x\"}\n",
          "line 1: field \"ordinal\": expected an integer"),
      new Case("path traversal in a session id", "{\"type\":\"session.starred\",\"session\":\"home-aaaaaa~../../etc/passwd\"}\n",
          "line 1: field \"session\""),
      new Case("path traversal in an origin", "{" + ENV.replace("peer-bbbbbb", "../peer") + "\"seq\":1,\"type\":\"session.starred\",\"session\":\"peer-bbbbbb~s\"}\n",
          "line 1: field \"origin\": expected 1-63 characters of [a-z0-9-]"),
      new Case("missing field", GOOD + GOOD + "{\"type\":\"session.renamed\",\"session\":\"home-aaaaaa~s1\"}\n",
          "line 3: field \"title\": expected a string, found nothing"),
      new Case("bad HLC", "{" + ENV.replace("20251121T080000.000Z-000000", "yesterday") + "\"seq\":1,\"type\":\"session.starred\",\"session\":\"peer-bbbbbb~s\"}\n",
          "line 1: field \"hlc\": expected an HLC like"),
      new Case("gap in a foreign origin", "{" + ENV + "\"seq\":2,\"type\":\"session.starred\",\"session\":\"peer-bbbbbb~s\"}\n",
          "line 1: events of origin peer-bbbbbb must arrive in order: expected seq 1, found seq 2"),
      new Case("local draft claiming another origin", "{\"origin\":\"peer-bbbbbb\",\"type\":\"session.starred\",\"session\":\"peer-bbbbbb~s\"}\n",
          "line 1: field \"origin\": a local event (no seq, no hlc) must have origin home-aaaaaa"),
      new Case("unsupported version", "{" + ENV.replace("\"v\":1", "\"v\":7") + "\"seq\":1,\"type\":\"session.starred\",\"session\":\"peer-bbbbbb~s\"}\n",
          "line 1: field \"v\": expected format version 1, found \"7\""),
      new Case("oversized line", "{\"type\":\"session.renamed\",\"session\":\"home-aaaaaa~s1\",\"title\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}\n",
          "line 1: expected an event of at most"));

  @BeforeEach
  void homeWithData() {
    home = dir.resolve("h");
    assertEquals(0, Cli.run(home, "init", "--origin", "home-aaaaaa").code());
    assertEquals(0, Cli.runWithInput(home, CliTest.LOCAL, "import", "events", "-").code());
    digestBefore = Cli.run(home, "digest").line();
    entriesBefore = entries();
  }

  private long entries() {
    String status = Cli.run(home, "status", "--json").out();
    return Long.parseLong(status.replaceAll(".*\"ledger_entries\":(\\d+).*", "$1").strip());
  }

  @Test
  void everyKindOfBadInputIsOneClearLineAndChangesNothing() {
    for (Case c : CASES) {
      Cli.Result r = Cli.runWithInput(home, c.input(), "import", "events", "-");
      assertEquals(3, r.code(), c.name() + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), c.name() + ": one line expected: " + r.err());
      assertTrue(r.err().startsWith("cairn: stdin line "), c.name() + ": " + r.err());
      assertTrue(r.err().contains(c.expected()), c.name() + ": expected '" + c.expected() + "' in: " + r.err());
      assertTrue(r.err().contains("nothing was imported"), c.name());
      assertEquals(entriesBefore, entries(), c.name() + ": the ledger changed");
      assertEquals(digestBefore, Cli.run(home, "digest").line(), c.name() + ": the view changed");
    }
  }

  @Test
  void aMissingFileIsBadInput() {
    Cli.Result r = Cli.run(home, "import", "events", dir.resolve("nope.ndjson").toString());
    assertEquals(3, r.code());
    assertTrue(r.err().contains("expected a readable file, found nothing"), r.err());
  }

  @Test
  void unknownTypesAreNotErrorsTheyAreStoredAndSkippedByTheView() {
    Cli.Result r = Cli.runWithInput(home, "{\"type\":\"session.rated\",\"session\":\"home-aaaaaa~s1\",\"stars\":5}\n", "import", "events", "-");
    assertEquals(0, r.code(), r.err());
    assertEquals(entriesBefore + 1, entries());
    assertEquals(digestBefore, Cli.run(home, "digest").line());
    assertTrue(Cli.run(home, "tail", "--json", "--type", "session.rated").out().contains("\"stars\":5"));
  }

  @Test
  void aFarFutureEventIsQuarantinedNotAppliedAndReported() throws Exception {
    String future = "{\"v\":1,\"origin\":\"peer-bbbbbb\",\"seq\":1,\"hlc\":\"29991231T000000.000Z-000000\","
        + "\"type\":\"session.renamed\",\"session\":\"home-aaaaaa~s1\",\"title\":\"from the future\"}\n";
    Cli.Result r = Cli.runWithInput(home, future, "import", "events", "-", "--json");
    assertEquals(0, r.code(), r.err());
    assertEquals(1, Json.MAPPER.readTree(r.out()).get("quarantined").asLong(), r.out());
    assertEquals(entriesBefore, entries());
    assertEquals(digestBefore, Cli.run(home, "digest").line());
    assertEquals(1, Cli.json(home, "status").get("quarantined").asLong());
  }

  @Test
  void aDryRunChecksAndChangesNothing() {
    Cli.Result r = Cli.runWithInput(home, GOOD, "import", "events", "-", "--dry-run");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("would import 1 events"), r.out());
    assertEquals(entriesBefore, entries());
  }
}
