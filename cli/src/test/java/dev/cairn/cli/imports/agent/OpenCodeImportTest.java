package dev.cairn.cli.imports.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.cli.imports.redact.Redactor;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.SessionRecorded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenCode importer on a real SQLite database built from the project's fixture (cli/src/test/resources/opencode). */
class OpenCodeImportTest {
  private static final Origin ORIGIN = new Origin("lap-000001");
  @TempDir Path dir;
  private Path root;
  private final List<Draft> drafts = new ArrayList<>();

  @BeforeEach
  void database() throws Exception {
    root = Files.createDirectories(dir.resolve("opencode"));
    String sql = new String(OpenCodeImportTest.class.getResourceAsStream("/opencode/opencode.sql").readAllBytes(), StandardCharsets.UTF_8);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("opencode.db")); Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL"); // as OpenCode runs it
      for (String stmt : sql.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
        if (!stmt.isBlank()) {
          s.execute(stmt);
        }
      }
    }
  }

  @Test
  void theOlderStorageTreeIsReadToo() throws Exception {
    Path from = Path.of(OpenCodeImportTest.class.getResource("/opencode/README.md").toURI()).getParent().resolve("storage");
    try (var files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path to = root.resolve("storage").resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    TranscriptImport.Summary s = run();
    assertEquals(3, s.files(), "two sessions in the database, one in the tree");
    SessionRecorded old = session("ses_old01");
    assertEquals("How does the hybrid logical clock order events?", old.title());
    assertEquals("/home/ana/projects/cairn", old.cwd());
    List<MessageAppended> ms = messages("ses_old01");
    assertEquals(List.of("user", "assistant"), ms.stream().map(MessageAppended::role).toList());
    assertEquals("gpt-4.1", ms.get(1).model());
    assertEquals(90L, ms.get(1).usage().counts().get("output_tokens"));
    int before = drafts.size();
    assertEquals(3, run().unchanged());
    assertEquals(before, drafts.size());
  }

  private TranscriptImport.Summary run() throws IOException {
    return new TranscriptImport(OpenCodeFormat.INSTANCE, ORIGIN, dir.resolve("state/opencode-import.json"), drafts::add, () -> -1L,
        Redactor.standard()).run(root, true, TranscriptImport.Listener.QUIET);
  }

  private List<MessageAppended> messages(String id) {
    return Imported.messages(drafts, id);
  }

  private SessionRecorded session(String id) {
    return Imported.session(drafts, id);
  }

  @Test
  void sessionsComeFromTheDatabaseWithTheirPartsAndChildren() throws IOException {
    TranscriptImport.Summary s = run();
    assertEquals(2, s.files());
    SessionRecorded main = session("ses_main01");
    assertEquals("opencode", main.agent());
    assertEquals("Rename SealCursor to SealMark everywhere", main.title());
    assertEquals("/home/ana/projects/cairn", main.cwd());
    assertTrue(main.source().endsWith("opencode.db#ses_main01"), main.source());
    List<MessageAppended> ms = messages("ses_main01");
    assertEquals(List.of("user", "assistant"), ms.stream().map(MessageAppended::role).toList());
    assertEquals("Rename SealCursor to SealMark everywhere", ms.get(0).text(), "the synthetic part is not what the person typed");
    MessageAppended answer = ms.get(1);
    assertEquals("claude-sonnet-4-5", answer.model());
    assertEquals("Find every use first.", answer.thinking());
    assertEquals("Renamed in 3 files; the build needs one more fix.", answer.text());
    assertEquals(List.of("grep", "bash"), answer.toolCalls().stream().map(c -> c.name()).toList());
    assertEquals("3 matches", answer.toolCalls().get(0).output());
    assertEquals("compilation failed", answer.toolCalls().get(1).output());
    assertTrue(answer.toolCalls().get(1).isError());
    assertEquals(Map.of("input_tokens", 1200L, "output_tokens", 340L, "reasoning_tokens", 50L, "cache_read_input_tokens", 8000L,
        "cache_creation_input_tokens", 1500L), answer.usage().counts());
    SessionRecorded child = session("ses_child01");
    assertEquals("lap-000001~ses_main01", child.parent().toString());
    assertEquals("List every use of SealCursor", child.title());
  }

  @Test
  void onlyASessionThatChangedIsReadAgainWhileTheDatabaseIsOpenForWriting() throws Exception {
    run();
    int first = drafts.size();
    TranscriptImport.Summary again = run();
    assertEquals(2, again.unchanged());
    assertEquals(first, drafts.size());
    try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("opencode.db")); Statement s = writer.createStatement()) {
      writer.setAutoCommit(false);
      s.execute("INSERT INTO message VALUES ('msg_13', 'ses_child01', 1762246900000, 1762246900000, '{\"role\":\"user\",\"time\":{\"created\":1762246900000}}')");
      s.execute("INSERT INTO part VALUES ('prt_13', 'msg_13', 'ses_child01', 1762246900001, 1762246900001, '{\"type\":\"text\",\"text\":\"And in tests?\"}')");
      writer.commit();
      s.execute("UPDATE project SET time_updated = time_updated + 1"); // OpenCode holds a write transaction open while cairn reads
      TranscriptImport.Summary third = run();
      writer.rollback();
      assertEquals(1, third.unchanged(), "the main session did not change");
      assertEquals(1, third.rewritten(), "the child did");
    }
    List<String> added = drafts.subList(first, drafts.size()).stream().map(d -> d.body().type()).toList();
    assertEquals(List.of("session.recorded", "message.appended"), added);
    assertEquals("And in tests?", messages("ses_child01").get(2).text());
  }
}
