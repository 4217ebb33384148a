package dev.cairn.cli.imports.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.cli.imports.redact.Redactor;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.MessageAppended;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every line-based importer promises, checked on each agent's own shapes: re-import appends
 * nothing; a half-written last line waits and is imported when complete; a malformed line is
 * reported with file and line and the other sources are still imported; secrets are redacted.
 */
class AgentContractTest {
  private static final Origin ORIGIN = new Origin("lap-000001");
  private static final String SECRET = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
  @TempDir Path dir;

  /** An agent: its format, where a session file goes under the root, its first line, and a user message line of some text. */
  record Agent(AgentFormat format, String file, String header, Function<String, String> userLine) {
    @Override
    public String toString() {
      return format.name();
    }
  }

  static Stream<Arguments> agents() {
    return Stream.of(
        Arguments.of(new Agent(ClaudeFormat.INSTANCE, "-p/s1.jsonl", null,
            t -> "{\"type\":\"user\",\"uuid\":\"u\",\"sessionId\":\"s1\",\"cwd\":\"/tmp\",\"timestamp\":\"2025-11-20T10:00:00Z\","
                + "\"message\":{\"role\":\"user\",\"content\":\"" + t + "\"}}")),
        Arguments.of(new Agent(CodexFormat.INSTANCE, "2025/11/20/rollout-2025-11-20T10-00-00-12345678-1234-4234-8234-123456789012.jsonl",
            "{\"timestamp\":\"2025-11-20T10:00:00Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"x\",\"cwd\":\"/tmp\"}}",
            t -> "{\"timestamp\":\"2025-11-20T10:00:01Z\",\"type\":\"response_item\",\"payload\":{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"" + t + "\"}]}}")),
        Arguments.of(new Agent(GeminiFormat.INSTANCE, "tmp/h/chats/session-2025-11-20T10-00-s1.jsonl",
            "{\"sessionId\":\"s1\",\"startTime\":\"2025-11-20T10:00:00Z\",\"messages\":[]}",
            t -> "{\"id\":\"" + Integer.toHexString(t.hashCode()) + "\",\"timestamp\":\"2025-11-20T10:00:01Z\",\"type\":\"user\",\"content\":\"" + t + "\"}")),
        Arguments.of(new Agent(CopilotFormat.INSTANCE, "session-state/s1/events.jsonl",
            "{\"type\":\"session.start\",\"data\":{\"sessionId\":\"s1\",\"startTime\":\"2025-11-20T10:00:00Z\"},\"id\":\"e0\",\"timestamp\":\"2025-11-20T10:00:00Z\"}",
            t -> "{\"type\":\"user.message\",\"data\":{\"content\":\"" + t + "\"},\"id\":\"e" + Integer.toHexString(t.hashCode())
                + "\",\"timestamp\":\"2025-11-20T10:00:01Z\"}")));
  }

  private final List<Draft> drafts = new ArrayList<>();
  private final List<String> malformed = new ArrayList<>();

  private TranscriptImport.Summary run(Agent a, Path root) throws Exception {
    return new TranscriptImport(a.format(), ORIGIN, dir.resolve("state.json"), drafts::add, () -> -1L, Redactor.standard())
        .run(root, true, new TranscriptImport.Listener() {
          @Override
          public void fileDone(long done, long total, long messages, long bytes) { }

          @Override
          public void malformed(Path file, long line, String reason) {
            malformed.add(file.getFileName() + ":" + line);
          }
        });
  }

  private List<String> texts() {
    return drafts.stream().map(Draft::body).filter(MessageAppended.class::isInstance).map(b -> ((MessageAppended) b).text()).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("agents")
  void reImportHalfWrittenLinesMalformedLinesAndRedaction(Agent a) throws Exception {
    Path root = dir.resolve("root");
    Path file = root.resolve(a.file());
    Files.createDirectories(file.getParent());
    String head = a.header() == null ? "" : a.header() + "\n";
    Files.writeString(file, head + a.userLine().apply("first, with " + SECRET) + "\n");
    run(a, root);
    assertEquals(1, texts().size(), texts().toString());
    assertFalse(texts().get(0).contains(SECRET), "redacted: " + texts());
    assertTrue(texts().get(0).contains("[redacted:github-token]"), texts().toString());

    int before = drafts.size();
    run(a, root);
    assertEquals(before, drafts.size(), "re-import of an unchanged source appends nothing");

    String second = a.userLine().apply("second");
    Files.writeString(file, second.substring(0, second.length() / 2), StandardOpenOption.APPEND);
    run(a, root);
    assertEquals(1, texts().size(), "a half-written last line waits: " + texts());
    Files.writeString(file, second.substring(second.length() / 2) + "\n" + "{broken\n", StandardOpenOption.APPEND);
    Path other = root.resolve(a.file().replace("s1", "s2").replace("12345678-", "87654321-"));
    Files.createDirectories(other.getParent());
    Files.writeString(other, head + a.userLine().apply("in another source") + "\n");
    run(a, root);
    assertTrue(texts().contains("second"), "completed, it is imported: " + texts());
    assertTrue(texts().contains("in another source"), "a malformed line stops nothing else: " + texts());
    int headerLines = a.header() == null ? 0 : 1;
    assertEquals(List.of(file.getFileName() + ":" + (headerLines + 3)), malformed);
  }
}
