package dev.cairn.cli.mcp;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.output.Json;
import dev.cairn.ledger.CairnException;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine.Command;

/**
 * {@code cairn mcp}: a Model Context Protocol server over stdio (the official MCP Java SDK), read-only,
 * so an agent can search and cite this archive ({@link ArchiveTools}). It runs until the client
 * closes stdin. Nothing but the protocol goes to stdout.
 */
@Command(name = "mcp", header = "Serve this archive to an agent over MCP (stdio, read-only): search, list_sessions, get_session, usage.",
    mixinStandardHelpOptions = true,
    description = {"A Model Context Protocol server on stdin/stdout, for Claude Code, Codex and other agents: it",
        "searches and cites every machine's sessions this home holds; trashed and purged sessions never",
        "appear; nothing is written. Configuration snippets: docs/mcp.md."})
public final class McpCommand implements Callable<Integer> {
  private final Context ctx;

  public McpCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws InterruptedException {
    Home home = Home.of(ctx);
    dev.cairn.cli.home.Config.read(home); // not initialised: one line and exit 3 now, not an error on the first call
    ArchiveTools tools = new ArchiveTools(home);
    CountDownLatch closed = new CountDownLatch(1);
    java.io.InputStream in = new java.io.FilterInputStream(ctx.in()) { // the client closing stdin ends the server
      @Override
      public int read() throws java.io.IOException {
        int b = super.read();
        if (b < 0) {
          closed.countDown();
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws java.io.IOException {
        int n = super.read(buf, off, len);
        if (n < 0) {
          closed.countDown();
        }
        return n;
      }
    };
    StdioServerTransportProvider transport = new StdioServerTransportProvider(McpJsonDefaults.getMapper(), in, System.out);
    McpSyncServer server = McpServer.sync(transport)
        .serverInfo("cairn", "0.1.0")
        .instructions("The user's archive of AI coding-agent sessions from every machine they use (Claude Code, Codex, Gemini CLI,"
            + " Copilot CLI, OpenCode). Search it before answering questions about past work; cite what you use by its citation.")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .tools(
            tool("search", "Full-text search over every session's messages and tool output (all machines). Use it to find past work,"
                + " decisions, commands or errors. Returns up to 'limit' hits (default 10, at most 50), best first, each with a snippet"
                + " ([ ] mark the matched words) and a citation to pass to get_session.",
                schema(Map.of("query", prop("string", "Words to find (all of them); punctuation is literal."),
                    "limit", prop("integer", "Hits to return, 1-50 (default 10)."), "agent", prop("string", "Only this agent (claude-code, codex, gemini-cli, copilot-cli, opencode)."),
                    "project", prop("string", "Only this project."), "machine", prop("string", "Only sessions recorded on this machine (origin id)."),
                    "since", prop("string", "Only sessions started on or after this date (2025-11-20)."),
                    "until", prop("string", "Only sessions started on or before this date.")), List.of("query")),
                tools::search),
            tool("list_sessions", "List sessions newest first with title, agent, project, times and message count. Use it to browse"
                + " recent work or a project's sessions. Sub-agent sessions are folded under their parent unless all_kinds."
                + " Pages of 'limit' (default 20, at most 100); pass 'next' back as 'after' for the next page.",
                schema(Map.of("limit", prop("integer", "Sessions per page, 1-100 (default 20)."), "after", prop("string", "The 'next' value of the previous page."),
                    "agent", prop("string", "Only this agent."), "project", prop("string", "Only this project."),
                    "machine", prop("string", "Only this machine (origin id)."), "starred", prop("boolean", "Only starred sessions."),
                    "tag", prop("string", "Only sessions with this tag."), "since", prop("string", "Started on or after this date."),
                    "until", prop("string", "Started on or before this date."), "all_kinds", prop("boolean", "Also list sub-agent and compaction sessions.")),
                    List.of()),
                tools::listSessions),
            tool("get_session", "Read one session: its header and its messages, a page at a time (offset, limit up to 50). Long texts"
                + " and tool results are cut; get one message whole with 'ordinal'. Use it after search or list_sessions to read what"
                + " happened, and cite messages by their citation.",
                schema(Map.of("session", prop("string", "A session id, a unique prefix of one, or its native id (e.g. a Claude session uuid)."),
                    "offset", prop("integer", "First message (default 0)."), "limit", prop("integer", "Messages per page, 1-50 (default 20)."),
                    "ordinal", prop("integer", "Only this message, whole (up to 100,000 characters per field).")), List.of("session")),
                tools::getSession),
            tool("usage", "Tokens and cost across every machine, per day (default), week, month, session, project, machine, model or"
                + " in total, with the price table that priced each model. Use it for questions about spending or usage.",
                schema(Map.of("grouping", prop("string", "daily, weekly, monthly, session, project, machine, model or total."),
                    "since", prop("string", "From this date."), "until", prop("string", "Up to this date, inclusive."),
                    "agent", prop("string", "Only this agent."), "project", prop("string", "Only this project."),
                    "machine", prop("string", "Only this machine.")), List.of()),
                tools::usage))
        .build();
    Runtime.getRuntime().addShutdownHook(new Thread(closed::countDown));
    try {
      closed.await(); // until the client closes stdin, or a signal
    } finally {
      server.closeGracefully();
    }
    return 0;
  }

  private static McpServerFeatures.SyncToolSpecification tool(String name, String description, McpSchema.JsonSchema schema,
      Function<Map<String, Object>, com.fasterxml.jackson.databind.node.ObjectNode> handler) {
    return new McpServerFeatures.SyncToolSpecification.Builder()
        .tool(McpSchema.Tool.builder().name(name).description(description).inputSchema(schema)
            .annotations(new McpSchema.ToolAnnotations(null, true, false, true, false, null)).build())
        .callHandler((exchange, request) -> {
          try {
            return McpSchema.CallToolResult.builder().addTextContent(Json.write(handler.apply(request.arguments()))).isError(false).build();
          } catch (ArchiveTools.ToolInputException | CairnException e) {
            return McpSchema.CallToolResult.builder().addTextContent(e.getMessage()).isError(true).build();
          }
        })
        .build();
  }

  private static McpSchema.JsonSchema schema(Map<String, Object> properties, List<String> required) {
    return new McpSchema.JsonSchema("object", properties, required, false, null, null);
  }

  private static Map<String, Object> prop(String type, String description) {
    return Map.of("type", type, "description", description);
  }
}
