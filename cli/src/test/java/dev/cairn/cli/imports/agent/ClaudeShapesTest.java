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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shapes of real Claude Code transcripts that issue 15 found mis-imported, each written as a
 * fixture and checked field by field: titles, kinds of message, projects, workflow sub-agents,
 * warnings once per line.
 */
class ClaudeShapesTest {
  private static final Origin ORIGIN = new Origin("lap-000001");
  @TempDir Path dir;
  private final List<Draft> drafts = new ArrayList<>();
  private final List<String> malformed = new ArrayList<>();

  private TranscriptImport.Summary run() throws IOException {
    TranscriptImport importer = new TranscriptImport(ClaudeFormat.INSTANCE, ORIGIN, dir.resolve("state/claude-import.json"), drafts::add, () -> -1L, Redactor.standard());
    return importer.run(dir.resolve("projects"), true, new TranscriptImport.Listener() {
      @Override
      public void fileDone(long done, long total, long messages, long bytes) { }

      @Override
      public void malformed(Path file, long line, String reason) {
        malformed.add(file.getFileName() + ":" + line);
      }
    });
  }

  private Path transcript(String name) {
    return dir.resolve("projects/-home-ana-cairn").resolve(name);
  }

  private SessionRecorded session(String id) {
    return Imported.session(drafts, id);
  }

  private List<MessageAppended> messages(String id) {
    return Imported.messages(drafts, id);
  }

  @Test
  void theTitleIsTheFirstRealPromptThenTheSummaryThenTheFirstAnswer() throws IOException {
    new TranscriptFile("t1").user("[Request interrupted by user for tool use]").user("[Request interrupted by user]")
        .user("<command-name>/clear</command-name>\n<command-message>clear</command-message>\n<command-args></command-args>")
        .user("<local-command-stdout></local-command-stdout>").summary("A summary")
        .user("Make the sync retry on 503").assistantText("m1", "ok").write(transcript("t1.jsonl"));
    new TranscriptFile("t2").user("<command-name>/model</command-name>").summary("Switching models")
        .assistantText("m1", "Set model to opus").write(transcript("t2.jsonl"));
    new TranscriptFile("t3").user("<command-name>/status</command-name>").assistantText("m1", "All good here.\nMore.")
        .write(transcript("t3.jsonl"));
    run();
    assertEquals("Make the sync retry on 503", session("t1").title());
    assertEquals("Switching models", session("t2").title());
    assertEquals("All good here.", session("t3").title());
  }

  @Test
  void commandsTheirOutputCompactionSummariesAndSystemNoticesAreWhatTheyAre() throws IOException {
    new TranscriptFile("k1").user("Refactor the ledger")
        .user("<command-name>/compact</command-name>\n<command-message>compact</command-message>\n<command-args>keep the tests</command-args>")
        .user("<local-command-stdout>\u001b[2mCompacted \u001b[22m(ctrl+o to see full summary)</local-command-stdout>")
        .system("compact_boundary", "{\"content\":\"Conversation compacted\",\"level\":\"info\",\"compactMetadata\":{\"trigger\":\"manual\",\"preTokens\":151234}}")
        .compactSummary("This session is being continued from a previous conversation. Summary: the ledger was refactored.")
        .system("api_error", "{\"level\":\"error\",\"error\":{\"message\":\"Overloaded\"},\"retryAttempt\":2,\"maxRetries\":10}")
        .system("local_command", "{\"content\":\"<command-name>/cost</command-name>\\n<command-args></command-args>\",\"level\":\"info\"}")
        .system("turn_duration", "{\"durationMs\":1200}")
        .assistantText("m1", "Done.").write(transcript("k1.jsonl"));
    TranscriptImport.Summary s = run();
    List<String> got = messages("k1").stream().map(m -> m.role() + ": " + m.text()).toList();
    assertEquals(List.of(
        "user: Refactor the ledger",
        "command: /compact keep the tests",
        "command-output: Compacted (ctrl+o to see full summary)",
        "system: Conversation compacted (manual), 151234 tokens before",
        "compact-summary: This session is being continued from a previous conversation. Summary: the ledger was refactored.",
        "system: API error: Overloaded (retry 2 of 10)",
        "command: /cost",
        "assistant: Done."), got);
    assertEquals(1, s.skippedRecords(), "the turn_duration notice");
    assertEquals("Refactor the ledger", session("k1").title());
  }

  @Test
  void theProjectIsTheFirstWorkingDirectoryNotTheLast() throws IOException {
    new TranscriptFile("p1").cwd("/home/ana/projects/cairn").user("Fix the icons").cwd("/home/ana/projects/cairn/assets")
        .assistantText("m1", "Fixed.").write(transcript("p1.jsonl"));
    run();
    assertEquals("cairn", session("p1").project());
    assertEquals("/home/ana/projects/cairn", session("p1").cwd());
  }

  @Test
  void allWorktreesOfARepositoryAreOneProject() throws Exception {
    Path repo = dir.resolve("src/spotter");
    Files.createDirectories(repo.resolve(".git/worktrees/spotter-dov"));
    Path worktree = dir.resolve("src/spotter-dov");
    Files.createDirectories(worktree.resolve("src"));
    Files.writeString(worktree.resolve(".git"), "gitdir: " + repo.resolve(".git/worktrees/spotter-dov") + "\n");
    Files.writeString(repo.resolve(".git/worktrees/spotter-dov/commondir"), "../..\n");
    new TranscriptFile("w1").cwd(worktree.resolve("src").toString()).user("Work in the worktree").assistantText("m1", "ok")
        .write(transcript("w1.jsonl"));
    new TranscriptFile("w2").cwd(repo.toString()).user("Work in the main checkout").assistantText("m1", "ok").write(transcript("w2.jsonl"));
    new TranscriptFile("w3").cwd("/nonexistent/elsewhere/tool").user("Gone").assistantText("m1", "ok").write(transcript("w3.jsonl"));
    run();
    assertEquals("spotter", session("w1").project(), "a worktree is its repository");
    assertEquals("spotter", session("w2").project());
    assertEquals("tool", session("w3").project(), "a folder that is gone: its name");
    assertEquals(worktree.resolve("src").toString(), session("w1").cwd(), "the cwd stays as recorded");
  }

  @Test
  void workflowSubAgentsAreImportedAndEveryFileNotImportedIsCountedWithWhy() throws IOException {
    new TranscriptFile("s1").user("Run the workflow").assistantText("m1", "ok").write(transcript("s1.jsonl"));
    new TranscriptFile("s1").user("Step one of the workflow").assistantText("m2", "done")
        .write(transcript("s1/subagents/workflows/wf-7/agent-a9.jsonl"));
    Files.writeString(transcript("notes.txt"), "not a transcript");
    Files.writeString(transcript("s1/subagents/agent-a1.meta.json"), "{}");
    TranscriptImport.Summary s = run();
    SessionRecorded wf = session("s1/workflows/wf-7/agent-a9");
    assertEquals("lap-000001~s1", wf.parent().toString());
    assertEquals("Step one of the workflow", wf.title());
    assertEquals(java.util.Map.of("not a .jsonl transcript", 2L), s.skippedFiles(), s.toString());
  }

  @Test
  void aMalformedLineIsReportedOnceNotOnEveryGrowth() throws IOException {
    Path file = transcript("g1.jsonl");
    TranscriptFile t = new TranscriptFile("g1").user("First").raw("{not json").assistantText("m1", "ok");
    t.write(file);
    run();
    assertEquals(List.of("g1.jsonl:2"), malformed);
    t.user("More").append(file);
    run();
    t.user("Even more").raw("[1,2]").append(file);
    run();
    assertEquals(List.of("g1.jsonl:2", "g1.jsonl:6"), malformed, "each bad line once, when it first appears");
  }

  @Test
  void aCompactionRunIsTitledForWhatItIs() throws IOException {
    new TranscriptFile("c1").user("Build the thing").assistantText("m1", "ok").write(transcript("c1.jsonl"));
    new TranscriptFile("c1").user(ClaudeParser.COMPACTION_PROMPT + " of the conversation so far...")
        .assistantText("m2", "<summary>1. Primary request...</summary>").write(transcript("c1/subagents/agent-acompact-1f2e.jsonl"));
    run();
    SessionRecorded c = session("c1/agent-acompact-1f2e");
    assertTrue(c.title().startsWith("Compaction of lap-000001~c1"), c.title());
    assertEquals(SessionRecorded.COMPACTION, c.kind());
    assertEquals(null, session("c1").kind(), "a main session's kind is its parent's absence");
  }

  @Test
  void aSubAgentIsTitledWithTheDescriptionItsParentGaveIt() throws IOException {
    new TranscriptFile("p9").user("Audit the code")
        .toolUse("m1", "toolu_a", "Task", "{\"description\":\"Find every caller of appendLocal\",\"prompt\":\"Search the repo...\",\"subagent_type\":\"Explore\"}")
        .toolResultWith("toolu_a", "Found 3 callers.", "{\"status\":\"completed\",\"agentId\":\"a1b2c3d\"}")
        .toolUse("m2", "toolu_b", "Agent", "{\"description\":\"Review the diff\",\"prompt\":\"Review...\"}")
        .toolResult("toolu_b", "Looks fine.\nagentId: e4f5a6b (use SendMessage with to: 'e4f5a6b' to continue this agent)", false)
        .assistantText("m3", "Both done.").write(transcript("p9.jsonl"));
    new TranscriptFile("p9").user("Search the repo...").assistantText("x1", "3 callers").write(transcript("p9/subagents/agent-a1b2c3d.jsonl"));
    new TranscriptFile("p9").user("Review...").assistantText("x2", "fine").write(transcript("p9/subagents/agent-e4f5a6b.jsonl"));
    new TranscriptFile("p9").user("Unlinked prompt").assistantText("x3", "?").write(transcript("p9/subagents/agent-0000000.jsonl"));
    run();
    assertEquals("Find every caller of appendLocal", session("p9/agent-a1b2c3d").title(), "by toolUseResult.agentId");
    assertEquals("Review the diff", session("p9/agent-e4f5a6b").title(), "by the result's agentId line");
    assertEquals("Unlinked prompt", session("p9/agent-0000000").title(), "no call names it: its own first prompt");
    // the sub-agent grows while its parent does not: its title is still the parent's description
    drafts.clear();
    new TranscriptFile("p9").user("Search the repo...").assistantText("x1", "3 callers").user("and the tests?")
        .write(transcript("p9/subagents/agent-a1b2c3d.jsonl"));
    run();
    assertEquals("Find every caller of appendLocal", session("p9/agent-a1b2c3d").title());
  }
}
