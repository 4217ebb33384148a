package dev.cairn.cli.imports.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.cli.imports.redact.Redactor;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.SessionRecorded;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Copilot CLI importer on the project's event-log fixtures (cli/src/test/resources/copilot), field by field. */
class CopilotImportTest {
  private static final Origin ORIGIN = new Origin("lap-000001");
  @TempDir Path dir;
  private final List<Draft> drafts = new ArrayList<>();

  private TranscriptImport.Summary run() throws IOException {
    return new TranscriptImport(CopilotFormat.INSTANCE, ORIGIN, dir.resolve("state/copilot-import.json"), drafts::add, () -> -1L,
        Redactor.standard()).run(dev.cairn.cli.Fixtures.copilot(), true, TranscriptImport.Listener.QUIET);
  }

  private List<MessageAppended> messages(String id) {
    return Imported.messages(drafts, id);
  }

  private SessionRecorded session(String id) {
    return Imported.session(drafts, id);
  }

  @Test
  void anEventLogBecomesASessionWithAnswersToolCallsAndNotices() throws IOException {
    TranscriptImport.Summary s = run();
    String id = "7d0b2f1e-3c4a-4b5d-8e6f-708192a3b4c5";
    SessionRecorded r = session(id);
    assertEquals("copilot-cli", r.agent());
    assertEquals("Add a --json flag to the status verb", r.title(), "the content the person typed, not the transformed one");
    assertEquals("/home/ana/projects/cairn", r.cwd());
    assertEquals("main", r.gitBranch());
    List<MessageAppended> ms = messages(id);
    assertEquals(List.of("user", "assistant", "assistant", "system"), ms.stream().map(MessageAppended::role).toList());
    MessageAppended first = ms.get(1);
    assertEquals("claude-sonnet-4.5", first.model());
    assertEquals("The flag belongs in StatusCommand.", first.thinking());
    assertEquals(List.of("view", "bash"), first.toolCalls().stream().map(c -> c.name()).toList(),
        "the requested call, and the one that ran without a request joins the last answer");
    assertEquals("public final class StatusCommand { ... }", first.toolCalls().get(0).output());
    assertEquals("exit code 1: 2 tests failed", first.toolCalls().get(1).output());
    assertTrue(first.toolCalls().get(1).isError());
    assertEquals("Added --json; two tests need updating.", ms.get(2).text());
    assertEquals("error: Rate limited, retrying in 5 s", ms.get(3).text());
    assertEquals(Map.of(), s.skippedFiles(), "workspace.yaml sits inside a session folder: not a candidate");
  }

  @Test
  void theOlderOneFilePerSessionLayoutIsReadToo() throws IOException {
    run();
    String id = "2a1b0c9d-8e7f-4a6b-9c5d-4e3f2a1b0c9d";
    assertEquals("What is in the README?", session(id).title());
    assertEquals(List.of("What is in the README?", "A tour of cairn."), messages(id).stream().map(MessageAppended::text).toList());
  }
}
