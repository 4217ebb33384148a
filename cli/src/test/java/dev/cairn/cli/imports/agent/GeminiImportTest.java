package dev.cairn.cli.imports.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.cli.imports.redact.Redactor;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.SessionRecorded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Gemini CLI importer on the project's chat fixtures (cli/src/test/resources/gemini), field by field. */
class GeminiImportTest {
  private static final Origin ORIGIN = new Origin("lap-000001");
  @TempDir Path dir;
  private final List<Draft> drafts = new ArrayList<>();

  private TranscriptImport.Summary run(Path root) throws IOException {
    return new TranscriptImport(GeminiFormat.INSTANCE, ORIGIN, dir.resolve("state/gemini-import.json"), drafts::add, () -> -1L,
        Redactor.standard()).run(root, true, TranscriptImport.Listener.QUIET);
  }

  private List<MessageAppended> messages(String id) {
    return Imported.messages(drafts, id);
  }

  private SessionRecorded session(String id) {
    return Imported.session(drafts, id);
  }

  @Test
  void aRecordLogBecomesItsCurrentMessagesWithRewritesAndRewindsApplied() throws IOException {
    TranscriptImport.Summary s = run(dev.cairn.cli.Fixtures.gemini());
    String id = "2025-11-03T09-00-3c2d1e0f";
    SessionRecorded r = session(id);
    assertEquals("gemini-cli", r.agent());
    assertEquals("Find the slow test in the ledger module", r.title(), "the first prompt outranks the $set summary");
    assertEquals("/home/ana/projects/cairn", r.cwd());
    assertEquals("cairn", r.project());
    List<MessageAppended> ms = messages(id);
    assertEquals(List.of("user", "assistant", "user", "assistant", "system", "command"), ms.stream().map(MessageAppended::role).toList(),
        "m3 and m4 were rewound; m2 was written twice and counts once; the unknown type is skipped");
    MessageAppended answer = ms.get(1);
    assertEquals("The slowest is LedgerRecoveryTest.", answer.text(), "the rewritten record wins");
    assertEquals("gemini-2.5-pro", answer.model());
    assertEquals("Scanning reports: Surefire reports list each class's time.", answer.thinking());
    assertEquals("run_shell_command", answer.toolCalls().get(0).name());
    assertTrue(answer.toolCalls().get(0).input().contains("Time elapsed"));
    assertEquals("Tests run: 6, Time elapsed: 40.1 s -- in LedgerRecoveryTest", answer.toolCalls().get(0).output());
    assertEquals(Map.of("input_tokens", 2100L, "output_tokens", 80L, "cached_input_tokens", 1024L, "thoughts_tokens", 40L,
        "tool_tokens", 0L, "total_tokens", 2220L), answer.usage().counts());
    assertEquals("Make it faster instead", ms.get(2).text());
    assertEquals("gemini-2.5-flash", ms.get(3).model());
    assertEquals("Request cancelled.", ms.get(4).text());
    assertEquals("/stats", ms.get(5).text());
    assertEquals(1, s.skippedRecords(), "the record type Gemini may add later");
  }

  @Test
  void aSubAgentsRecordingIsASessionUnderItsParent() throws IOException {
    run(dev.cairn.cli.Fixtures.gemini());
    SessionRecorded sub = session("2025-11-03T09-00-3c2d1e0f/codebase-investigator-1");
    assertEquals("lap-000001~2025-11-03T09-00-3c2d1e0f", sub.parent().toString(), "its folder is named by the parent's sessionId");
    assertEquals("Investigate which tests are slow", sub.title());
    assertEquals(2, messages("2025-11-03T09-00-3c2d1e0f/codebase-investigator-1").size());
  }

  @Test
  void theOlderWholeFileFormIsReadToo() throws IOException {
    run(dev.cairn.cli.Fixtures.gemini());
    String id = "2025-06-01T08-00-9a8b7c6d";
    assertEquals("What does cairn seal?", session(id).title());
    List<MessageAppended> ms = messages(id);
    assertEquals(2, ms.size());
    assertEquals("Each machine's own events, into signed segments.", ms.get(1).text());
    assertEquals(930L, ms.get(1).usage().counts().get("total_tokens"));
  }

  @Test
  void aRewindAfterImportReplacesTheRewoundMessagesAsTheSessionGoesOn() throws IOException {
    Path chats = Files.createDirectories(dir.resolve("g/tmp/abc/chats"));
    Path file = chats.resolve("session-2025-12-01T10-00-aaaa1111.jsonl");
    String head = "{\"sessionId\":\"aaaa1111\",\"startTime\":\"2025-12-01T10:00:00Z\",\"messages\":[]}\n"
        + "{\"id\":\"u1\",\"timestamp\":\"2025-12-01T10:00:01Z\",\"type\":\"user\",\"content\":\"one\"}\n"
        + "{\"id\":\"g1\",\"timestamp\":\"2025-12-01T10:00:02Z\",\"type\":\"gemini\",\"content\":\"first answer\"}\n";
    Files.writeString(file, head);
    run(dir.resolve("g"));
    assertEquals(List.of("one", "first answer"), messages("2025-12-01T10-00-aaaa1111").stream().map(MessageAppended::text).toList());
    Files.writeString(file, head + "{\"$rewindTo\":\"g1\"}\n"
        + "{\"id\":\"g2\",\"timestamp\":\"2025-12-01T10:00:09Z\",\"type\":\"gemini\",\"content\":\"second answer\"}\n");
    run(dir.resolve("g"));
    assertEquals(List.of("one", "second answer"), messages("2025-12-01T10-00-aaaa1111").stream().map(MessageAppended::text).toList(),
        "the rewound answer's place is taken; its event stays in the ledger");
    assertEquals(5, drafts.size(), "session, 2 messages, then the moved session record and the new answer");
  }
}
