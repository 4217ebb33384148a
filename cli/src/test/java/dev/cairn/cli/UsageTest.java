package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn usage} (issue 17) across two machines synced into one home: a Claude Code split turn
 * counted once with its last snapshot, sub-agents counted, a long-context request at its tier, a
 * Codex turn from running totals, an unpriced model, a price override; totals checked exactly.
 */
class UsageTest {
  @TempDir Path dir;
  Path a;

  private static String claude(String type, String uuid, String time, String message) {
    return "{\"type\":\"" + type + "\",\"uuid\":\"" + uuid + "\",\"sessionId\":\"s1\",\"cwd\":\"/tmp\",\"timestamp\":\"" + time + "\",\"message\":"
        + message + "}";
  }

  private static String answer(String id, String model, String block, String usage) {
    return "{\"role\":\"assistant\",\"id\":\"" + id + "\",\"model\":\"" + model + "\",\"content\":[" + block + "],\"usage\":" + usage + "}";
  }

  @BeforeEach
  void twoMachines() throws Exception {
    a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertEquals(0, Cli.run(a, "init", "--origin", "lap-000001").code());
    assertEquals(0, Cli.run(b, "init", "--origin", "desk-000002").code());
    Path project = Files.createDirectories(dir.resolve("claude/-tmp"));
    String sonnet = "claude-sonnet-4-5-20250929";
    Files.writeString(project.resolve("s1.jsonl"), String.join("\n", List.of(
        claude("user", "u1", "2025-11-20T10:00:00Z", "{\"role\":\"user\",\"content\":\"Plan it\"}"),
        // one API response written as two lines with the same message.id; the snapshots differ, the last holds the final output
        claude("assistant", "a1", "2025-11-20T10:00:05Z", answer("msg_A", sonnet, "{\"type\":\"text\",\"text\":\"Looking.\"}",
            "{\"input_tokens\":100,\"cache_creation_input_tokens\":1000,\"cache_read_input_tokens\":5000,\"output_tokens\":10}")),
        claude("assistant", "a2", "2025-11-20T10:00:06Z", answer("msg_A", sonnet,
            "{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"Read\",\"input\":{}}",
            "{\"input_tokens\":100,\"cache_creation_input_tokens\":1000,\"cache_read_input_tokens\":5000,\"output_tokens\":42}")),
        claude("user", "u2", "2025-11-20T10:00:07Z", "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":\"ok\"}]}"),
        claude("assistant", "a3", "2025-11-20T10:00:09Z", answer("msg_B", sonnet, "{\"type\":\"text\",\"text\":\"Done.\"}",
            "{\"input_tokens\":50,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":6000,\"output_tokens\":8}")),
        claude("user", "u3", "2025-11-21T09:00:00Z", "{\"role\":\"user\",\"content\":\"Now the big one\"}"),
        claude("assistant", "a4", "2025-11-21T09:00:09Z", answer("msg_C", sonnet, "{\"type\":\"text\",\"text\":\"Read it all.\"}",
            "{\"input_tokens\":150000,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":60000,\"output_tokens\":100}")),
        claude("assistant", "a5", "2025-11-21T09:01:00Z", answer("msg_D", "mystery-model-1", "{\"type\":\"text\",\"text\":\"?\"}",
            "{\"input_tokens\":7,\"output_tokens\":3}")))) + "\n");
    Files.createDirectories(project.resolve("s1/subagents"));
    Files.writeString(project.resolve("s1/subagents/agent-x1.jsonl"), String.join("\n", List.of(
        claude("user", "v1", "2025-11-20T10:00:06Z", "{\"role\":\"user\",\"content\":\"Find it\"}"),
        claude("assistant", "v2", "2025-11-20T10:00:07Z", answer("msg_S", "claude-haiku-4-5-20251001", "{\"type\":\"text\",\"text\":\"Found.\"}",
            "{\"input_tokens\":20,\"output_tokens\":5}")))) + "\n");
    assertEquals(0, Cli.run(a, "import", "claude", dir.resolve("claude").toString()).code());

    Path day = Files.createDirectories(dir.resolve("codex/2025/11/20"));
    Files.writeString(day.resolve("rollout-2025-11-20T11-00-00-12345678-1234-4234-8234-123456789012.jsonl"), String.join("\n", List.of(
        "{\"timestamp\":\"2025-11-20T11:00:00Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"c\",\"cwd\":\"/tmp\"}}",
        "{\"timestamp\":\"2025-11-20T11:00:00Z\",\"type\":\"turn_context\",\"payload\":{\"model\":\"gpt-5-codex\"}}",
        "{\"timestamp\":\"2025-11-20T11:00:01Z\",\"type\":\"response_item\",\"payload\":{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"hi\"}]}}",
        "{\"timestamp\":\"2025-11-20T11:00:02Z\",\"type\":\"response_item\",\"payload\":{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"hello\"}]}}",
        "{\"timestamp\":\"2025-11-20T11:00:03Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\",\"info\":{\"total_token_usage\":{\"input_tokens\":1000,\"cached_input_tokens\":400,\"output_tokens\":50,\"total_tokens\":1050}}}}"))
        + "\n");
    assertEquals(0, Cli.run(b, "import", "codex", dir.resolve("codex").toString()).code());
    Path shared = Files.createDirectories(dir.resolve("shared"));
    assertEquals(0, Cli.run(b, "sync", "folder:" + shared).code());
    assertEquals(0, Cli.run(a, "sync", "folder:" + shared).code());
  }

  @Test
  void totalsAcrossMachinesCountEachResponseOnceWithItsTierAndPrice() throws Exception {
    JsonNode total = Cli.json(a, "usage", "total").get("total");
    assertEquals(100 + 50 + 150_000 + 7 + 20 + 600, total.get("input").asLong(), "codex's cached input is not input: " + total);
    assertEquals(42 + 8 + 100 + 3 + 5 + 50, total.get("output").asLong(), "the split turn's last snapshot, once");
    assertEquals(1000, total.get("cache_write").asLong());
    assertEquals(5000 + 6000 + 60_000 + 400, total.get("cache_read").asLong());
    assertEquals(10, total.get("unpriced_tokens").asLong(), "the mystery model: unpriced, not guessed");
    double sonnet = (3.0 * 100 + 15 * 42 + 3.75 * 1000 + 0.30 * 5000) / 1e6 + (3.0 * 50 + 15 * 8 + 0.30 * 6000) / 1e6;
    double longContext = (6.0 * 150_000 + 22.5 * 100 + 0.60 * 60_000) / 1e6;
    double haiku = (1.0 * 20 + 5.0 * 5) / 1e6;
    double gpt = (1.25 * 600 + 10.0 * 50 + 0.125 * 400) / 1e6;
    assertEquals(sonnet + longContext + haiku + gpt, total.get("cost").asDouble(), 1e-9);
    JsonNode priced = null;
    for (JsonNode m : total.get("models")) {
      if (m.get("model").asText().startsWith("claude-sonnet")) {
        priced = m;
      }
    }
    assertEquals("bundled", priced.get("table").asText());
    assertEquals("2025-11-20", priced.get("table_date").asText());
  }

  @Test
  void rowsByMachineDayAndAPriceOverride() throws Exception {
    JsonNode machines = Cli.json(a, "usage", "machine").get("rows");
    assertEquals(2, machines.size(), machines.toString());
    assertEquals("desk-000002", machines.get(0).get("group").asText());
    assertEquals(600, machines.get(0).get("input").asLong(), "the other machine's tokens are here after a sync");
    JsonNode days = Cli.json(a, "usage", "daily").get("rows");
    assertEquals(List.of("2025-11-20", "2025-11-21"), List.of(days.get(0).get("group").asText(), days.get(1).get("group").asText()));
    assertEquals(100 + 50 + 20 + 600, days.get(0).get("input").asLong());
    JsonNode split = Cli.json(a, "usage", "total", "--by-machine").get("rows");
    assertEquals(2, split.size());
    assertEquals(1, Cli.json(a, "usage", "total", "--agent", "codex").get("rows").size());
    assertEquals(600, Cli.json(a, "usage", "total", "--agent", "codex").get("total").get("input").asLong());
    assertEquals(50 + 20 + 600 + 100, Cli.json(a, "usage", "total", "--until", "2025-11-20").get("total").get("input").asLong());

    Path prices = dir.resolve("prices.toml");
    Files.writeString(prices, "date = \"2026-01-01\"\n[models.mystery]\nmatch = [\"mystery-model\"]\ninput = 1.0\noutput = 2.0\n"
        + "cache_write = 0.0\ncache_read = 0.0\n");
    JsonNode withOverride = Cli.json(a, "usage", "total", "--prices", prices.toString()).get("total");
    assertEquals(0, withOverride.get("unpriced_tokens").asLong());
    assertEquals(Cli.json(a, "usage", "total").get("total").get("cost").asDouble() + (7 * 1.0 + 3 * 2.0) / 1e6, withOverride.get("cost").asDouble(), 1e-9);

    Cli.Result text = Cli.run(a, "usage", "daily");
    assertTrue(text.out().startsWith("DAILY"), text.out());
    assertTrue(text.out().contains("unpriced: 10 tokens"), text.out());
    Cli.Result bad = Cli.run(a, "usage", "hourly");
    assertEquals(3, bad.code());
    assertTrue(bad.err().contains("expected daily, weekly, monthly, session, project, machine, model or total, found 'hourly'"), bad.err());
  }
}
