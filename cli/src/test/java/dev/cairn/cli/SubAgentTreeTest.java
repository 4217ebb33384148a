package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sub-agent tree at the CLI (issue 15): sub-agents and compactions fold under their parent,
 * {@code --all-kinds} lists them flat with their kind, {@code show} of the parent lists them and
 * marks the Task call that started each, and a bare session uuid names the parent, not "ambiguous".
 */
class SubAgentTreeTest {
  @TempDir Path dir;
  Path home;

  private static String line(String type, int n, String content) {
    return "{\"type\":\"" + type + "\",\"uuid\":\"u" + n + "\",\"sessionId\":\"6f1d2c3b\",\"cwd\":\"/tmp\",\"timestamp\":\"2025-11-20T10:00:"
        + String.format("%02d", n) + "Z\",\"message\":" + content + "}";
  }

  @BeforeEach
  void archive() throws Exception {
    home = dir.resolve("home");
    assertEquals(0, Cli.run(home, "init", "--origin", "lap-000001").code());
    Path project = dir.resolve("projects/-tmp");
    List<String> parent = new ArrayList<>();
    parent.add(line("user", 1, "{\"role\":\"user\",\"content\":\"Audit the importer\"}"));
    parent.add(line("assistant", 2, "{\"role\":\"assistant\",\"id\":\"m1\",\"model\":\"claude-sonnet-4-5\",\"content\":[{\"type\":\"tool_use\","
        + "\"id\":\"toolu_1\",\"name\":\"Task\",\"input\":{\"description\":\"List the record types\",\"prompt\":\"Read the parser\"}}]}"));
    parent.add(line("user", 3, "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\","
        + "\"content\":\"Seven types.\\nagentId: a7c1 (use SendMessage to continue)\"}]}"));
    parent.add(line("assistant", 4, "{\"role\":\"assistant\",\"id\":\"m2\",\"model\":\"claude-sonnet-4-5\",\"content\":[{\"type\":\"text\",\"text\":\"Done.\"}]}"));
    Files.createDirectories(project.resolve("6f1d2c3b/subagents"));
    Files.writeString(project.resolve("6f1d2c3b.jsonl"), String.join("\n", parent) + "\n");
    Files.writeString(project.resolve("6f1d2c3b/subagents/agent-a7c1.jsonl"),
        line("user", 5, "{\"role\":\"user\",\"content\":\"Read the parser\"}") + "\n"
            + line("assistant", 6, "{\"role\":\"assistant\",\"id\":\"s1\",\"content\":[{\"type\":\"text\",\"text\":\"Seven types.\"}]}") + "\n");
    Files.writeString(project.resolve("6f1d2c3b/subagents/agent-acompact-9e.jsonl"),
        line("user", 7, "{\"role\":\"user\",\"content\":\"Your task is to create a detailed summary of the conversation so far\"}") + "\n"
            + line("assistant", 8, "{\"role\":\"assistant\",\"id\":\"s2\",\"content\":[{\"type\":\"text\",\"text\":\"<summary>...</summary>\"}]}") + "\n");
    Cli.Result r = Cli.run(home, "import", "claude", dir.resolve("projects").toString());
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void subAgentsFoldUnderTheirParentAndAllKindsListsThemWithTheirKind() throws Exception {
    JsonNode folded = Cli.json(home, "sessions");
    assertEquals(1, folded.size(), folded.toString());
    assertEquals("lap-000001~6f1d2c3b", folded.get(0).get("session").asText());
    assertEquals(2, folded.get(0).get("sub_agents").asLong());
    assertEquals("main", folded.get(0).get("kind").asText());
    JsonNode flat = Cli.json(home, "sessions", "--all-kinds");
    assertEquals(3, flat.size(), flat.toString());
    java.util.Map<String, String> kinds = new java.util.TreeMap<>();
    java.util.Map<String, String> titles = new java.util.TreeMap<>();
    flat.forEach(s -> {
      kinds.put(s.get("session").asText(), s.get("kind").asText());
      titles.put(s.get("session").asText(), s.get("title").asText());
    });
    assertEquals(java.util.Map.of("lap-000001~6f1d2c3b", "main", "lap-000001~6f1d2c3b/agent-a7c1", "sub-agent",
        "lap-000001~6f1d2c3b/agent-acompact-9e", "compaction"), kinds);
    assertEquals("List the record types", titles.get("lap-000001~6f1d2c3b/agent-a7c1"), "titled by its parent's Task description");
    assertTrue(titles.get("lap-000001~6f1d2c3b/agent-acompact-9e").startsWith("Compaction of lap-000001~6f1d2c3b"), titles.toString());
    Cli.Result text = Cli.run(home, "sessions");
    assertTrue(text.out().contains("SUBS"), text.out());
  }

  @Test
  void showOfTheParentListsItsSubAgentsAndMarksTheTaskCallAndABareUuidNamesIt() throws Exception {
    Cli.Result show = Cli.run(home, "show", "6f1d2c3b");
    assertEquals(0, show.code(), "a bare uuid is the parent, not ambiguous with its sub-agents: " + show.err());
    assertTrue(show.out().contains("sub-agents 2"), show.out());
    assertTrue(show.out().contains("lap-000001~6f1d2c3b/agent-a7c1  List the record types  (sub-agent, 2 messages)"), show.out());
    assertTrue(show.out().contains("-> Task ") && show.out().contains("     started lap-000001~6f1d2c3b/agent-a7c1"), show.out());
    JsonNode json = Cli.json(home, "show", "6f1d2c3b");
    assertEquals("lap-000001~6f1d2c3b/agent-a7c1", json.get("messages").get(1).get("tool_calls").get(0).get("sub_agent").asText(), json.toString());
    assertEquals(2, json.get("sub_agents").size());
    Cli.Result sub = Cli.run(home, "show", "6f1d2c3b/agent-a7c1");
    assertTrue(sub.out().contains("(sub-agent of lap-000001~6f1d2c3b)"), sub.out());
    assertEquals(3, Cli.run(home, "show", "6f1d2c").code(), "a prefix of several ids is still ambiguous");
  }
}
