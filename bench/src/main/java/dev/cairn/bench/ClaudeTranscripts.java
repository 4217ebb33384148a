package dev.cairn.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

/**
 * Writes a {@code ~/.claude/projects} tree of transcripts with the record mix of real ones (issue
 * 18's 1.1 GB archive): user prompts, assistant turns split one content block per line (thinking,
 * text, tool_use) under one message id with usage, a tool_result line per call with its output
 * (about half the bytes: log-normal sizes, tail to 400 KB), {@code progress} records while a tool
 * runs (about 30 % of the bytes), {@code file-history-snapshot} records, and a {@code summary}
 * now and then. Lines carry the envelope fields Claude Code writes (uuid, parentUuid, sessionId,
 * cwd, version, gitBranch, timestamp). Deterministic for a seed. Stateless apart from its
 * generator; not thread-safe.
 */
public final class ClaudeTranscripts {
  private static final JsonFactory JSON = new JsonFactory();
  private static final String[] TOOLS = {"Bash", "Read", "Edit", "Grep", "Glob", "Write"};

  private final Random random;
  private final TextPool pool;
  private long uuid;

  public ClaudeTranscripts(long seed) {
    this.random = new Random(seed);
    this.pool = new TextPool(seed ^ 0xc1a0de, 24 << 20);
  }

  /** What was written: files, conversation records (user and assistant lines) and bytes. */
  public record Written(int files, long turns, long bytes) {}

  /** Writes {@code files} transcripts under {@code projects}. */
  public Written write(Path projects, int files) throws IOException {
    long turns = 0;
    long bytes = 0;
    for (int f = 0; f < files; f++) {
      String project = "-home-dev-project-" + (f % 25);
      String session = String.format("%08x-%04x-4%03x-8%03x-%012x", random.nextInt(), f & 0xffff, random.nextInt(0x1000),
          random.nextInt(0x1000), random.nextLong() & 0xffffffffffffL);
      Path file = projects.resolve(project).resolve(session + ".jsonl");
      Files.createDirectories(file.getParent());
      try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
        turns += transcript(out, session, "/home/dev/project-" + (f % 25), 1_735_689_600_000L + f * 3_600_000L);
      }
      bytes += Files.size(file);
    }
    return new Written(files, turns, bytes);
  }

  /** Writes one transcript of at least {@code bytes} bytes (turn after turn) under {@code folder}; returns its size. */
  public long writeOne(Path folder, String session, long bytes) throws IOException {
    Files.createDirectories(folder);
    Path file = folder.resolve(session + ".jsonl");
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      long t = 1_735_689_600_000L;
      while (Files.size(file) < bytes) {
        transcript(out, session, "/home/dev/big", t);
        out.flush();
        t += 3_600_000L;
      }
    }
    return Files.size(file);
  }

  private long transcript(OutputStream out, String session, String cwd, long start) throws IOException {
    int userTurns = (int) Math.min(400, Math.max(1, Math.exp(Math.log(12) + random.nextGaussian() * 1.1)));
    long t = start;
    String parent = null;
    long turns = 0;
    for (int u = 0; u < userTurns; u++) {
      parent = line(out, "user", session, cwd, parent, t += 5_000, g -> {
        g.writeObjectFieldStart("message");
        g.writeStringField("role", "user");
        g.writeStringField("content", pool.slice(random, size(300, 1.2, 20_000)));
        g.writeEndObject();
      });
      turns++;
      if (random.nextInt(3) == 0) {
        parent = snapshot(out, session, cwd, parent, t);
      }
      int steps = 1 + random.nextInt(6);
      for (int s = 0; s < steps; s++) {
        String messageId = "msg_01" + Long.toHexString(random.nextLong());
        if (random.nextInt(10) < 3) {
          parent = assistant(out, session, cwd, parent, t += 1_000, messageId, "thinking", pool.slice(random, size(600, 1.0, 8_000)));
          turns++;
        }
        parent = assistant(out, session, cwd, parent, t += 1_000, messageId, "text", pool.slice(random, size(250, 1.2, 10_000)));
        turns++;
        if (s == steps - 1 && random.nextBoolean()) {
          break; // the turn ends with an answer
        }
        String tool = TOOLS[random.nextInt(TOOLS.length)];
        String toolId = "toolu_01" + Long.toHexString(random.nextLong());
        String input = pool.slice(random, size(120, 1.0, 6_000));
        parent = line(out, "assistant", session, cwd, parent, t += 500, g -> {
          g.writeStringField("requestId", "req_" + messageId);
          message(g, messageId);
          g.writeArrayFieldStart("content");
          g.writeStartObject();
          g.writeStringField("type", "tool_use");
          g.writeStringField("id", toolId);
          g.writeStringField("name", tool);
          g.writeObjectFieldStart("input");
          g.writeStringField("command", input);
          g.writeEndObject();
          g.writeEndObject();
          g.writeEndArray();
          usage(g);
          g.writeEndObject();
        });
        turns++;
        int output = size(1_600, 1.7, 400_000);
        int progress = (int) (output * (0.3 + random.nextDouble() * 0.9)); // a tool's running output, as progress records
        while (progress > 0) {
          int chunk = Math.min(progress, 400 + random.nextInt(8_000));
          progress -= chunk;
          String data = pool.slice(random, chunk);
          String p = parent;
          line(out, "progress", session, cwd, p, t += 200, g -> {
            g.writeStringField("toolUseID", toolId);
            g.writeObjectFieldStart("data");
            g.writeStringField("type", "bash_progress");
            g.writeStringField("output", data);
            g.writeEndObject();
          });
        }
        String result = pool.slice(random, output);
        parent = line(out, "user", session, cwd, parent, t += 800, g -> {
          g.writeObjectFieldStart("message");
          g.writeStringField("role", "user");
          g.writeArrayFieldStart("content");
          g.writeStartObject();
          g.writeStringField("type", "tool_result");
          g.writeStringField("tool_use_id", toolId);
          g.writeStringField("content", result);
          g.writeBooleanField("is_error", random.nextInt(25) == 0);
          g.writeEndObject();
          g.writeEndArray();
          g.writeEndObject();
          g.writeObjectFieldStart("toolUseResult");
          g.writeStringField("stdout", result.substring(0, Math.min(result.length(), 200)));
          g.writeBooleanField("interrupted", false);
          g.writeEndObject();
        });
      }
    }
    if (random.nextInt(4) == 0) {
      line(out, "summary", session, cwd, parent, t, g -> g.writeStringField("summary", pool.slice(random, 60).replace('\n', ' ')));
    }
    return turns;
  }

  private String assistant(OutputStream out, String session, String cwd, String parent, long t, String messageId, String kind, String text)
      throws IOException {
    return line(out, "assistant", session, cwd, parent, t, g -> {
      g.writeStringField("requestId", "req_" + messageId);
      message(g, messageId);
      g.writeArrayFieldStart("content");
      g.writeStartObject();
      g.writeStringField("type", kind);
      g.writeStringField(kind, text);
      if (kind.equals("thinking")) {
        g.writeStringField("signature", "EqQBCkYIBxgCKkB" + Long.toHexString(random.nextLong()));
      }
      g.writeEndObject();
      g.writeEndArray();
      usage(g);
      g.writeEndObject();
    });
  }

  private String snapshot(OutputStream out, String session, String cwd, String parent, long t) throws IOException {
    line(out, "file-history-snapshot", session, cwd, parent, t, g -> {
      g.writeStringField("messageId", "m" + uuid);
      g.writeObjectFieldStart("snapshot");
      g.writeObjectFieldStart("trackedFileBackups");
      for (int i = 0; i < 1 + random.nextInt(8); i++) {
        g.writeObjectFieldStart("src/main/java/dev/x/File" + random.nextInt(200) + ".java");
        g.writeStringField("backupFileName", Long.toHexString(random.nextLong()) + "@v" + random.nextInt(9));
        g.writeNumberField("version", random.nextInt(9));
        g.writeStringField("backupTime", Instant.ofEpochMilli(t).toString());
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    });
    return parent; // snapshots are not in the conversation chain
  }

  private static void message(JsonGenerator g, String messageId) throws IOException {
    g.writeObjectFieldStart("message");
    g.writeStringField("id", messageId);
    g.writeStringField("type", "message");
    g.writeStringField("role", "assistant");
    g.writeStringField("model", "claude-sonnet-4-5-20250929");
  }

  private void usage(JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("usage");
    g.writeNumberField("input_tokens", random.nextInt(20));
    g.writeNumberField("cache_creation_input_tokens", random.nextInt(5_000));
    g.writeNumberField("cache_read_input_tokens", random.nextInt(150_000));
    g.writeNumberField("output_tokens", random.nextInt(2_000));
    g.writeStringField("service_tier", "standard");
    g.writeEndObject();
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** Writes one record with the envelope fields; returns its uuid. */
  private String line(OutputStream out, String type, String session, String cwd, String parent, long t, Body body) throws IOException {
    String id = String.format("%08x-0000-4000-8000-%012x", (int) (uuid >> 32), uuid & 0xffffffffffffL);
    uuid++;
    JsonGenerator g = JSON.createGenerator(out);
    g.writeStartObject();
    g.writeStringField("parentUuid", parent);
    g.writeBooleanField("isSidechain", false);
    g.writeStringField("userType", "external");
    g.writeStringField("cwd", cwd);
    g.writeStringField("sessionId", session);
    g.writeStringField("version", "2.0.14");
    g.writeStringField("gitBranch", "main");
    g.writeStringField("type", type);
    body.write(g);
    g.writeStringField("uuid", id);
    g.writeStringField("timestamp", Instant.ofEpochMilli(t).toString());
    g.writeEndObject();
    g.flush();
    out.write('\n');
    return id;
  }

  private int size(int median, double sigma, int max) {
    return (int) Math.min(max, Math.max(4, Math.exp(Math.log(median) + random.nextGaussian() * sigma)));
  }
}
