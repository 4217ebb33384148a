package dev.cairn.cli.imports.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * OpenCode: {@code $XDG_DATA_HOME/opencode/opencode.db} (else {@code
 * ~/.local/share/opencode/opencode.db}), a SQLite database with {@code session}, {@code message}
 * and {@code part} tables whose {@code data} columns hold JSON. Read read-only while OpenCode may
 * be writing it; what changed is decided per session (its newest {@code time_updated} across the
 * three tables), not per file. The older {@code storage/} tree of JSON files is read too
 * (docs/import-opencode.md). Stateless.
 */
public final class OpenCodeFormat implements AgentFormat {
  public static final OpenCodeFormat INSTANCE = new OpenCodeFormat();
  static final String DB = "opencode.db";
  static final String STORAGE = "storage#";
  static final String NOT_STORED_SESSION = "not a storage/session/<project>/<id>.json file";
  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenCodeFormat() {}

  @Override
  public String name() {
    return "opencode";
  }

  @Override
  public String agent() {
    return "opencode";
  }

  @Override
  public String folderDescription() {
    return "an OpenCode data folder (like ~/.local/share/opencode, holding opencode.db)";
  }

  @Override
  public Path defaultRoot(java.util.function.UnaryOperator<String> env, Path userHome) {
    String xdg = env.apply("XDG_DATA_HOME");
    return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local").resolve("share")).resolve("opencode");
  }

  @Override
  public Transcript parse(byte[] data, int length) {
    throw new IllegalStateException("OpenCode sessions are read from its database, not parsed from files");
  }

  @Override
  public List<Source> sources(Path root, Map<String, Long> skipped) throws IOException {
    List<Source> out = new ArrayList<>(storageSources(root.resolve("storage"), skipped));
    Path db = root.resolve(DB);
    if (!Files.isRegularFile(db)) {
      return out;
    }
    String sql = "SELECT s.id, s.parent_id, max(s.time_updated,"
        + " coalesce((SELECT max(m.time_updated) FROM message m WHERE m.session_id = s.id), 0),"
        + " coalesce((SELECT max(p.time_updated) FROM part p WHERE p.session_id = s.id), 0)) FROM session s ORDER BY s.time_created, s.id";
    try (Connection c = open(db); PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        String id = rs.getString(1);
        out.add(new Source(db, "opencode", id, rs.getString(2), null, null, DB + "#" + id, rs.getLong(3)));
      }
    } catch (SQLException e) {
      throw new IOException("cannot read " + db + " (" + e.getMessage() + ")", e);
    }
    return out;
  }

  @Override
  public Transcript load(Source src) throws IOException {
    if (src.key().startsWith(STORAGE)) {
      return loadStorage(src);
    }
    Transcript t = new Transcript();
    try (Connection c = open(src.file())) {
      try (PreparedStatement p = c.prepareStatement("SELECT directory, title, time_created FROM session WHERE id = ?")) {
        p.setString(1, src.nativeId());
        try (ResultSet rs = p.executeQuery()) {
          if (rs.next()) {
            t.cwd = blankToNull(rs.getString(1));
            String title = blankToNull(rs.getString(2));
            t.summary = title == null ? null : Clean.title(title);
            t.seen(Instant.ofEpochMilli(rs.getLong(3)));
          }
        }
      }
      Map<String, List<JsonNode>> parts = new HashMap<>();
      try (PreparedStatement p = c.prepareStatement("SELECT message_id, data FROM part WHERE session_id = ? ORDER BY time_created, id")) {
        p.setString(1, src.nativeId());
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            JsonNode part = json(rs.getString(2), t);
            if (part != null) {
              parts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(part);
            }
          }
        }
      }
      try (PreparedStatement p = c.prepareStatement("SELECT id, data FROM message WHERE session_id = ? ORDER BY time_created, id")) {
        p.setString(1, src.nativeId());
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            JsonNode data = json(rs.getString(2), t);
            if (data != null) {
              message(t, data, parts.getOrDefault(rs.getString(1), List.of()));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IOException("cannot read session " + src.nativeId() + " from " + src.file() + " (" + e.getMessage() + ")", e);
    }
    return t;
  }

  /**
   * The older tree: {@code storage/session/<project>/<id>.json}, {@code storage/message/<session>/<id>.json},
   * {@code storage/part/<message>/<id>.json}. A session's version is the newest modification time
   * of its files.
   */
  private static List<Source> storageSources(Path storage, Map<String, Long> skipped) throws IOException {
    List<Source> out = new ArrayList<>();
    Path sessions = storage.resolve("session");
    if (!Files.isDirectory(sessions)) {
      return out;
    }
    try (java.util.stream.Stream<Path> files = Files.walk(sessions, 2)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".json")) {
          skipped.merge(NOT_STORED_SESSION, 1L, Long::sum);
          continue;
        }
        String id = name.substring(0, name.length() - ".json".length());
        JsonNode session;
        try {
          session = JSON.readTree(f.toFile());
        } catch (IOException e) {
          skipped.merge(NOT_STORED_SESSION, 1L, Long::sum);
          continue;
        }
        long version = Files.getLastModifiedTime(f).toMillis();
        for (Path m : list(storage.resolve("message").resolve(id))) {
          version = Math.max(version, Files.getLastModifiedTime(m).toMillis());
          String messageId = m.getFileName().toString().replace(".json", "");
          for (Path part : list(storage.resolve("part").resolve(messageId))) {
            version = Math.max(version, Files.getLastModifiedTime(part).toMillis());
          }
        }
        String parent = session.path("parentID").asText(null);
        out.add(new Source(f, "opencode", id, parent == null || parent.isBlank() ? null : parent, null, null, STORAGE + id, version));
      }
    }
    return out;
  }

  private static Transcript loadStorage(Source src) throws IOException {
    Transcript t = new Transcript();
    Path storage = src.file().getParent().getParent().getParent();
    JsonNode session = JSON.readTree(src.file().toFile());
    t.cwd = blankToNull(session.path("directory").asText(null));
    String title = blankToNull(session.path("title").asText(null));
    t.summary = title == null ? null : Clean.title(title);
    if (session.path("time").path("created").canConvertToLong()) {
      t.seen(Instant.ofEpochMilli(session.path("time").path("created").asLong()));
    }
    List<JsonNode> messages = new ArrayList<>();
    for (Path m : list(storage.resolve("message").resolve(src.nativeId()))) {
      JsonNode data = json(Files.readString(m), t);
      if (data != null) {
        messages.add(data);
      }
    }
    messages.sort(java.util.Comparator.comparingLong((JsonNode n) -> n.path("time").path("created").asLong(0)).thenComparing(n -> n.path("id").asText("")));
    for (JsonNode data : messages) {
      List<JsonNode> parts = new ArrayList<>();
      for (Path p : list(storage.resolve("part").resolve(data.path("id").asText("")))) {
        JsonNode part = json(Files.readString(p), t);
        if (part != null) {
          parts.add(part);
        }
      }
      parts.sort(java.util.Comparator.comparing(n -> n.path("id").asText("")));
      message(t, data, parts);
    }
    return t;
  }

  private static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }

  private static void message(Transcript t, JsonNode data, List<JsonNode> parts) {
    String role = data.path("role").asText("");
    Instant at = data.path("time").path("created").canConvertToLong() ? Instant.ofEpochMilli(data.path("time").path("created").asLong()) : null;
    if (!role.equals("user") && !role.equals("assistant")) {
      t.skipped++;
      return;
    }
    t.seen(at);
    ParsedMessage m = new ParsedMessage(role, null, at);
    if (role.equals("assistant")) {
      String model = data.path("modelID").asText(null);
      m.model = model == null || model.isBlank() ? null : model;
      JsonNode tokens = data.path("tokens");
      put(m, "input_tokens", tokens.get("input"));
      put(m, "output_tokens", tokens.get("output"));
      put(m, "reasoning_tokens", tokens.get("reasoning"));
      put(m, "cache_read_input_tokens", tokens.path("cache").get("read"));
      put(m, "cache_creation_input_tokens", tokens.path("cache").get("write"));
      String cwd = data.path("path").path("cwd").asText(null);
      if (t.cwd == null && cwd != null && !cwd.isBlank()) {
        t.cwd = cwd;
      }
    }
    for (JsonNode part : parts) {
      switch (part.path("type").asText("")) {
        case "text" -> {
          if (!part.path("synthetic").asBoolean(false)) {
            m.appendText(Clean.text(part.path("text").asText(""), ClaudeParser.TEXT_MAX));
          }
        }
        case "reasoning" -> m.appendThinking(Clean.text(part.path("text").asText(""), ClaudeParser.TEXT_MAX));
        case "tool" -> {
          JsonNode state = part.path("state");
          String id = part.path("callID").asText(null);
          ParsedMessage.Call call = new ParsedMessage.Call(id, Clean.text(part.path("tool").asText("unknown"), 200),
              state.has("input") ? Clean.text(state.get("input").toString(), ClaudeParser.TOOL_MAX) : null);
          call.message = m;
          String status = state.path("status").asText("");
          String output = status.equals("error") ? state.path("error").asText(null) : state.path("output").asText(null);
          call.output = output == null ? null : Clean.text(output, ClaudeParser.TOOL_MAX);
          call.isError = status.equals("error");
          m.calls.put(id == null ? "#" + m.calls.size() : id, call);
        }
        case "file" -> m.appendText("[file " + part.path("filename").asText(part.path("url").asText("?")) + "]");
        default -> t.skipped++; // step markers, snapshots, patches, agents, compaction markers
      }
    }
    String text = m.text.toString().strip();
    if (role.equals("user")) {
      if (text.isEmpty() && m.calls.isEmpty()) {
        return;
      }
      if (t.firstPrompt == null && !text.isEmpty() && !text.startsWith("<")) {
        t.firstPrompt = Clean.title(text);
      }
    } else if (t.firstAssistantText == null && !text.isEmpty()) {
      t.firstAssistantText = Clean.title(text);
    }
    t.messages.add(m);
  }

  private static void put(ParsedMessage m, String name, JsonNode v) {
    if (v != null && v.canConvertToLong() && v.asLong() >= 0) {
      m.usage.put(name, v.asLong());
    }
  }

  private static JsonNode json(String s, Transcript t) {
    try {
      JsonNode n = s == null ? null : JSON.readTree(s);
      if (n != null && n.isObject()) {
        return n;
      }
    } catch (IOException e) {
      // counted below
    }
    t.malformed.add(new Transcript.Malformed(0, 0, "a data column that is not a JSON object"));
    return null;
  }

  /** A read-only connection that waits for a writer (OpenCode) rather than failing at once. */
  private static Connection open(Path db) throws SQLException {
    Properties p = new Properties();
    p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
    p.setProperty("busy_timeout", "5000");
    return DriverManager.getConnection("jdbc:sqlite:file:" + db.toAbsolutePath() + "?mode=ro", p);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
