package dev.cairn.cli.imports.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.cli.imports.redact.Redactor;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.SessionRecorded;
import dev.cairn.ledger.event.ToolCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Codex CLI importer on the project's rollout fixtures (cli/src/test/resources/codex), field by field. */
class CodexImportTest {
  private static final Origin ORIGIN = new Origin("lap-000001");
  @TempDir Path dir;
  private final List<Draft> drafts = new ArrayList<>();
  private final List<String> malformed = new ArrayList<>();

  private TranscriptImport.Summary run(Path root) throws IOException {
    TranscriptImport importer = new TranscriptImport(CodexFormat.INSTANCE, ORIGIN, dir.resolve("state/codex-import.json"), drafts::add,
        () -> -1L, Redactor.standard());
    return importer.run(root, true, new TranscriptImport.Listener() {
      @Override
      public void fileDone(long done, long total, long messages, long bytes) { }

      @Override
      public void malformed(Path file, long line, String reason) {
        malformed.add(file.getFileName() + ":" + line + ": " + reason);
      }
    });
  }

  private List<MessageAppended> messages(String id) {
    return Imported.messages(drafts, id);
  }

  private SessionRecorded session(String id) {
    return Imported.session(drafts, id);
  }

  @Test
  void aRolloutBecomesASessionWithTurnsToolCallsAndPerTurnUsage() throws IOException {
    TranscriptImport.Summary s = run(dev.cairn.cli.Fixtures.codexSessions());
    String id = "019a2d7a-41c4-78b1-b7cc-a45d62a89cd5";
    SessionRecorded r = session(id);
    assertEquals("codex", r.agent());
    assertEquals("Why does the sync test fail on CI?", r.title());
    assertEquals("/home/ana/projects/cairn", r.cwd());
    assertEquals("main", r.gitBranch());
    assertEquals("cairn", r.project(), "the folder's name: it does not exist on this machine");
    assertEquals(java.time.Instant.parse("2025-10-29T00:59:38.308Z"), r.startedAt());

    List<MessageAppended> ms = messages(id);
    assertEquals(List.of("user", "assistant", "user", "assistant", "compact-summary"), ms.stream().map(MessageAppended::role).toList());
    MessageAppended first = ms.get(1);
    assertEquals("gpt-5-codex", first.model());
    assertEquals("**Looking at the test logs**", first.thinking());
    assertEquals("The test asserted the exit code without the error text; it now prints stderr when it fails.", first.text());
    List<ToolCall> calls = first.toolCalls();
    assertEquals(List.of("shell", "apply_patch"), calls.stream().map(ToolCall::name).toList());
    assertEquals("Tests run: 9, Failures: 1\nexpected: <0> but was: <3>\n", calls.get(0).output(), "the shell output, not its JSON wrapper");
    assertTrue(calls.get(0).isError(), "exit code 1");
    assertTrue(calls.get(1).input().startsWith("*** Begin Patch"));
    assertTrue(calls.get(1).output().startsWith("Success."));
    // usage per turn: differences of the running totals, the repeated total adding nothing
    assertEquals(Map.of("input_tokens", 6900L, "cached_input_tokens", 5120L, "output_tokens", 410L, "reasoning_output_tokens", 128L,
        "total_tokens", 7310L), first.usage().counts());
    MessageAppended second = ms.get(3);
    assertEquals(Map.of("input_tokens", 3600L, "cached_input_tokens", 3072L, "output_tokens", 40L, "total_tokens", 3640L),
        second.usage().counts());
    assertEquals("local_shell", second.toolCalls().get(0).name());
    assertEquals("BUILD SUCCESS\n", second.toolCalls().get(0).output());
    assertEquals("All green now.", second.text());
    long totalInput = ms.stream().mapToLong(m -> m.usage().counts().getOrDefault("input_tokens", 0L)).sum();
    assertEquals(10500, totalInput, "the session's input tokens equal Codex's final running total");
    assertEquals("Summary: fixed the SyncCliTest assertion; the suite passes.", ms.get(4).text());

    assertEquals(List.of("rollout-2025-10-29T00-59-38-019a2d7a-41c4-78b1-b7cc-a45d62a89cd5.jsonl:25: not valid JSON (Unrecognized token 'not': "
        + "was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false'))"), malformed);
    assertEquals(Map.of(CodexFormat.NOT_ROLLOUT, 1L), s.skippedFiles());
  }

  @Test
  void theOlderFormatWithoutTheEnvelopeIsReadToo() throws IOException {
    run(dev.cairn.cli.Fixtures.codexSessions());
    String id = "5b1f0c1e-1111-4222-8333-944455556666";
    assertEquals("List the files", session(id).title());
    assertEquals("old", session(id).gitBranch());
    List<MessageAppended> ms = messages(id);
    assertEquals(2, ms.size());
    assertEquals("One file: README.md", ms.get(1).text());
    assertEquals("README.md\n", ms.get(1).toolCalls().get(0).output());
  }

  @Test
  void anUnchangedTreeAppendsNothingAndAGrownRolloutOnlyItsNewTurn() throws IOException {
    Path root = dir.resolve("sessions/2025/11/01");
    Files.createDirectories(root);
    Path file = root.resolve("rollout-2025-11-01T09-00-00-aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee.jsonl");
    String meta = "{\"timestamp\":\"2025-11-01T09:00:00Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"x\",\"cwd\":\"/tmp\"}}\n";
    String turn1 = "{\"timestamp\":\"2025-11-01T09:00:01Z\",\"type\":\"response_item\",\"payload\":{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"hello\"}]}}\n"
        + "{\"timestamp\":\"2025-11-01T09:00:02Z\",\"type\":\"response_item\",\"payload\":{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"hi\"}]}}\n";
    Files.writeString(file, meta + turn1);
    run(dir.resolve("sessions"));
    int first = drafts.size();
    assertEquals(3, first, "one session, two messages");
    run(dir.resolve("sessions"));
    assertEquals(first, drafts.size(), "unchanged: nothing");
    Files.writeString(file, meta + turn1
        + "{\"timestamp\":\"2025-11-01T09:01:00Z\",\"type\":\"response_item\",\"payload\":{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"again\"}]}}\n");
    run(dir.resolve("sessions"));
    List<String> added = drafts.subList(first, drafts.size()).stream().map(d -> d.body().type()).toList();
    assertEquals(List.of("session.recorded", "message.appended"), added, "the moved end time and the new message");
  }

  private static String item(String time, String role, String text) {
    String kind = role.equals("user") ? "input_text" : "output_text";
    return "{\"timestamp\":\"" + time + "\",\"type\":\"response_item\",\"payload\":{\"type\":\"message\",\"role\":\"" + role
        + "\",\"content\":[{\"type\":\"" + kind + "\",\"text\":\"" + text + "\"}]}}\n";
  }

  @Test
  void aForkOrSubAgentCopiesItsParentsTurnsAndOnlyItsOwnAreImported() throws IOException {
    String parentId = "11111111-2222-4333-8444-555555555555";
    String forkId = "66666666-7777-4888-8999-aaaaaaaaaaaa";
    String agentId = "bbbbbbbb-cccc-4ddd-8eee-ffffffffffff";
    Path day = Files.createDirectories(dir.resolve("sessions/2025/11/02"));
    String parentTurns = item("2025-11-02T09:00:01Z", "user", "Plan the migration") + item("2025-11-02T09:00:05Z", "assistant", "Three steps.");
    Files.writeString(day.resolve("rollout-2025-11-02T09-00-00-" + parentId + ".jsonl"),
        "{\"timestamp\":\"2025-11-02T09:00:00Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"" + parentId + "\",\"cwd\":\"/tmp\"}}\n"
            + parentTurns);
    Files.writeString(day.resolve("rollout-2025-11-02T10-00-00-" + forkId + ".jsonl"),
        "{\"timestamp\":\"2025-11-02T10:00:00Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"" + forkId + "\",\"forked_from_id\":\""
            + parentId + "\",\"cwd\":\"/tmp\"}}\n" + parentTurns + item("2025-11-02T10:00:01Z", "user", "Try step two first")
            + item("2025-11-02T10:00:04Z", "assistant", "Reordered."));
    Files.writeString(day.resolve("rollout-2025-11-02T11-00-00-" + agentId + ".jsonl"),
        "{\"timestamp\":\"2025-11-02T11:00:00Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"" + agentId + "\",\"source\":{\"subagent\":"
            + "{\"thread_spawn\":{\"parent_thread_id\":\"" + parentId + "\",\"depth\":1}}},\"cwd\":\"/tmp\"}}\n" + parentTurns
            + item("2025-11-02T11:00:01Z", "user", "Check step one") + item("2025-11-02T11:00:02Z", "assistant", "Step one is safe."));
    run(dir.resolve("sessions"));
    assertEquals(2, messages(parentId).size());
    SessionRecorded fork = session(forkId);
    assertEquals("lap-000001~" + parentId, fork.parent().toString());
    assertEquals("fork", fork.kind());
    assertEquals("Try step two first", fork.title(), "its own first prompt, not the copied one");
    assertEquals(List.of("Try step two first", "Reordered."), messages(forkId).stream().map(MessageAppended::text).toList());
    assertEquals(0, messages(forkId).get(0).ordinal());
    SessionRecorded agent = session(agentId);
    assertEquals("lap-000001~" + parentId, agent.parent().toString());
    assertEquals(null, agent.kind(), "a sub-agent: its parent says it");
    assertEquals(List.of("Check step one", "Step one is safe."), messages(agentId).stream().map(MessageAppended::text).toList());
  }
}
