package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn import} without an agent imports every agent whose folder exists, one summary line
 * each; {@code import codex} imports one; the agent is in the view for filters.
 */
class ImportAllAgentsTest {
  @TempDir Path dir;

  @Test
  void everyAgentWhoseFolderExistsIsImportedWithOneLineEach() throws Exception {
    Path home = dir.resolve("home");
    assertEquals(0, Cli.run(home, "init", "--origin", "lap-000001").code());
    Path claude = dir.resolve("claude-config");
    Path project = Files.createDirectories(claude.resolve("projects/-tmp"));
    Files.copy(Fixtures.claudeCode().resolve("session_b.jsonl"), project.resolve("session_b.jsonl"));
    Path codex = dir.resolve("codex-home");
    Files.createDirectories(codex);
    copyTree(Fixtures.codexSessions(), codex.resolve("sessions"));
    Path user = dir.resolve("user");
    copyTree(Fixtures.gemini(), user.resolve(".gemini"));
    copyTree(Fixtures.copilot(), user.resolve(".copilot"));
    Map<String, String> env = Map.of("CLAUDE_CONFIG_DIR", claude.toString(), "CODEX_HOME", codex.toString(), "HOME", user.toString());

    Cli.Result all = Cli.runWithEnv(home, env, InputStream.nullInputStream(), "import");
    assertEquals(0, all.code(), all.err());
    assertTrue(all.out().lines().anyMatch(l -> l.startsWith("claude: imported 1 files")), all.out());
    assertTrue(all.out().lines().anyMatch(l -> l.startsWith("codex: imported 2 files")), all.out());
    assertTrue(all.out().lines().anyMatch(l -> l.startsWith("gemini: imported 3 files")), all.out());
    assertEquals(2, Cli.json(home, "sessions", "--agent", "gemini-cli").size());
    assertTrue(all.out().lines().anyMatch(l -> l.startsWith("copilot: imported 2 files")), all.out());
    assertEquals(2, Cli.json(home, "sessions", "--agent", "copilot-cli").size());
    JsonNode codexSessions = Cli.json(home, "sessions", "--agent", "codex");
    assertEquals(2, codexSessions.size(), codexSessions.toString());
    assertEquals(1, Cli.json(home, "sessions", "--agent", "claude-code").size());

    // a mixed home syncs to a second machine: it shows every agent's sessions, and both views are equal
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Path other = dir.resolve("other");
    assertEquals(0, Cli.run(other, "init", "--origin", "desk-000002").code());
    assertEquals(0, Cli.run(home, "sync", "folder:" + shared).code());
    assertEquals(0, Cli.run(other, "sync", "folder:" + shared).code());
    for (String agent : new String[] {"claude-code", "codex", "gemini-cli", "copilot-cli"}) {
      assertEquals(Cli.json(home, "sessions", "--agent", agent).size(), Cli.json(other, "sessions", "--agent", agent).size(), agent);
    }
    assertEquals(Cli.run(home, "digest").line(), Cli.run(other, "digest").line(), "equal digests");

    Cli.Result again = Cli.runWithEnv(home, env, InputStream.nullInputStream(), "import", "codex", "--json");
    JsonNode s = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(again.out());
    assertEquals("codex", s.get("agent").asText());
    assertEquals(2, s.get("unchanged").asLong(), "nothing changed: nothing read");
    assertEquals(0, s.get("message_events").asLong());

    Cli.Result none = Cli.runWithEnv(dir.resolve("home"), Map.of("CLAUDE_CONFIG_DIR", dir.resolve("nothing").toString(),
        "CODEX_HOME", dir.resolve("nothing").toString(), "HOME", dir.resolve("nobody").toString()), InputStream.nullInputStream(), "import");
    assertTrue(none.out().startsWith("no agent's folder here"), none.out());
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
