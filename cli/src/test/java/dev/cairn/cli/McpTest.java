package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.cli.output.Json;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn mcp} as an agent meets it: a real child process driven by the MCP SDK's client over
 * stdio: initialize, list the tools, call each, bad arguments, and a trashed session that never
 * appears.
 */
class McpTest {
  @TempDir Path dir;
  Path home;
  McpSyncClient client;

  @BeforeEach
  void start() throws Exception {
    home = dir.resolve("home");
    assertEquals(0, Cli.run(home, "init", "--origin", "lap-000001").code());
    Path project = Files.createDirectories(dir.resolve("projects/-tmp"));
    try (var files = Files.list(Fixtures.claudeCode())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
        Files.copy(f, project.resolve(f.getFileName()));
      }
    }
    Files.writeString(project.resolve("secret-plans.jsonl"), "{\"type\":\"user\",\"uuid\":\"x1\",\"sessionId\":\"secret-plans\",\"cwd\":\"/tmp\","
        + "\"timestamp\":\"2025-06-14T16:00:00Z\",\"message\":{\"role\":\"user\",\"content\":\"the zanzibar surprise party\"}}\n");
    assertEquals(0, Cli.run(home, "import", "claude", dir.resolve("projects").toString()).code());
    assertEquals(0, Cli.run(home, "trash", "secret-plans").code());

    List<String> args = new ArrayList<>();
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-") || arg.startsWith("--enable-native-access")) {
        args.add(arg);
      }
    }
    args.addAll(List.of("-Dchronicle.analytics.disable=true", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "--home", home.toString(), "mcp"));
    ServerParameters params = ServerParameters.builder(ProcessHandle.current().info().command().orElse("java")).args(args).build();
    client = McpClient.sync(new StdioClientTransport(params, McpJsonDefaults.getMapper())).requestTimeout(Duration.ofSeconds(60)).build();
    client.initialize();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.closeGracefully();
    }
  }

  private JsonNode call(String tool, Map<String, Object> args) throws Exception {
    McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, args));
    assertFalse(Boolean.TRUE.equals(r.isError()), tool + " " + args + ": " + text(r));
    return Json.MAPPER.readTree(text(r));
  }

  private static String text(McpSchema.CallToolResult r) {
    return ((McpSchema.TextContent) r.content().get(0)).text();
  }

  private String error(String tool, Map<String, Object> args) {
    McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, args));
    assertTrue(Boolean.TRUE.equals(r.isError()), tool + " " + args + " should fail: " + text(r));
    return text(r);
  }

  @Test
  void anAgentListsTheToolsSearchesReadsAndCites() throws Exception {
    List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList();
    assertEquals(List.of("get_session", "list_sessions", "search", "usage"), names);
    client.listTools().tools().forEach(t -> assertTrue(t.description().length() > 80, "a description that says when to use it: " + t.name()));

    JsonNode found = call("search", Map.of("query", "decorator", "limit", 3));
    assertEquals(3, found.get("hits").size());
    JsonNode hit = found.get("hits").get(0);
    assertEquals("lap-000001~representative_messages", hit.get("session").asText());
    assertTrue(hit.get("snippet").asText().toLowerCase().contains("[decorator"), hit.toString());
    assertEquals(hit.get("session").asText() + "#m" + hit.get("ordinal").asInt(), hit.get("citation").asText());
    assertEquals("cairn show lap-000001~representative_messages", hit.get("show").asText());

    JsonNode sessions = call("list_sessions", Map.of("limit", 2));
    assertEquals(2, sessions.get("sessions").size());
    assertTrue(sessions.has("next"), "more than 2: a next page");
    JsonNode page2 = call("list_sessions", Map.of("limit", 2, "after", sessions.get("next").asText()));
    assertFalse(page2.get("sessions").get(0).get("session").asText().equals(sessions.get("sessions").get(0).get("session").asText()));

    JsonNode session = call("get_session", Map.of("session", "representative_messages", "limit", 2));
    assertEquals("lap-000001~representative_messages", session.get("session").asText(), "a native id names the session");
    assertEquals(2, session.get("messages").size());
    assertEquals(2, session.get("next_offset").asInt());
    assertEquals("lap-000001~representative_messages#m1", session.get("messages").get(1).get("citation").asText());
    JsonNode one = call("get_session", Map.of("session", "representative_messages", "ordinal", 1));
    assertEquals(1, one.get("messages").size());
    assertEquals(1, one.get("messages").get(0).get("ordinal").asInt());

    JsonNode usage = call("usage", Map.of("grouping", "total"));
    assertTrue(usage.get("total").get("output").asLong() > 0, usage.toString());
  }

  @Test
  void aTrashedSessionNeverAppearsAndBadArgumentsSayWhatWasExpected() throws Exception {
    assertEquals(0, call("search", Map.of("query", "zanzibar")).get("hits").size(), "trashed: not searched");
    for (JsonNode s : call("list_sessions", Map.of("limit", 100)).get("sessions")) {
      assertFalse(s.get("session").asText().contains("secret-plans"), s.toString());
    }
    assertTrue(error("get_session", Map.of("session", "secret-plans")).contains("found no session named 'secret-plans'"));
    String missing = error("search", Map.of());
    assertTrue(missing.contains("required property 'query' not found"), "the SDK checks the input schema first: " + missing);
    String blank = error("search", Map.of("query", "   "));
    assertTrue(blank.contains("query: expected a non-empty string, found an empty one"), blank);
    assertTrue(error("search", Map.of("query", "x", "limit", 500)).contains("limit: expected an integer from 1 to 50, found 500"));
    assertTrue(error("list_sessions", Map.of("since", "yesterday")).contains("since: expected a date like 2025-11-20, found 'yesterday'"));
    assertTrue(error("usage", Map.of("grouping", "hourly")).contains("grouping: expected daily"));
    assertTrue(error("get_session", Map.of("session", "representative_messages", "ordinal", 999)).contains("ordinal: expected 0.."));
  }
}
