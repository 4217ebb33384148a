package dev.cairn.cli.imports.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.ledger.Origin;
import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.SessionRecorded;
import dev.cairn.ledger.event.ToolCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer on real fixtures and on written transcripts, with drafts collected instead of appended. */
class ClaudeImportTest {
  private static final Origin ORIGIN = new Origin("lap-000001");
  private static final Path FIXTURES = dev.cairn.cli.Fixtures.claudeCode();
  @TempDir Path dir;
  private final List<Draft> drafts = new ArrayList<>();
  private final List<String> malformed = new ArrayList<>();

  private TranscriptImport.Summary run(Path root) throws IOException {
    TranscriptImport importer = new TranscriptImport(ClaudeFormat.INSTANCE, ORIGIN, dir.resolve("state/claude-import.json"), drafts::add, () -> -1L, dev.cairn.cli.imports.redact.Redactor.standard());
    return importer.run(root, true, new TranscriptImport.Listener() {
      @Override
      public void fileDone(long done, long total, long messages, long bytes) { }

      @Override
      public void malformed(Path file, long line, String reason) {
        malformed.add(file.getFileName() + ":" + line + ": " + reason);
      }
    });
  }

  private List<MessageAppended> messages() {
    return drafts.stream().map(Draft::body).filter(MessageAppended.class::isInstance).map(MessageAppended.class::cast).toList();
  }

  private List<SessionRecorded> sessions() {
    return drafts.stream().map(Draft::body).filter(SessionRecorded.class::isInstance).map(SessionRecorded.class::cast).toList();
  }

  private Path projects() {
    return dir.resolve("projects");
  }

  @Test
  void theFixturesImportWithMalformedLinesReportedByLine() throws IOException {
    Path project = Files.createDirectories(projects().resolve("-tmp"));
    try (Stream<Path> files = Files.list(FIXTURES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
        Files.copy(f, project.resolve(f.getFileName()));
      }
    }
    TranscriptImport.Summary s = run(projects());
    assertEquals(4, s.files());
    assertEquals(4, sessions().size());
    assertEquals(21, messages().size(), "8 + 2 + 4 + 7 (see cli/src/test/resources/claude-code/README.md)");
    assertEquals(7, s.malformedLines(), malformed.toString());
    assertTrue(malformed.get(0).startsWith("edge_cases.jsonl:3: not valid JSON"), malformed.toString());
    assertTrue(malformed.contains("edge_cases.jsonl:13: expected \"message.content\" to be a string or an array, found none"), malformed.toString());
    assertTrue(malformed.contains("edge_cases.jsonl:11: expected \"message\" to be an object, found string \"error\""), malformed.toString());
    assertTrue(malformed.contains("edge_cases.jsonl:15: expected a JSON object, found number"), malformed.toString());
    // the representative session: the Edit tool call got its result from the next line
    MessageAppended edit = messages().stream().filter(m -> m.session().nativeId().equals("representative_messages") && m.ordinal() == 3)
        .findFirst().orElseThrow();
    assertEquals("Edit", edit.toolCalls().get(0).name());
    assertTrue(edit.toolCalls().get(0).output() != null && !edit.toolCalls().get(0).output().isEmpty());
    SessionRecorded rep = sessions().stream().filter(r -> r.session().nativeId().equals("representative_messages")).findFirst().orElseThrow();
    assertEquals("Hello Claude! Can you help me understand how Python decorators work?", rep.title());
    assertEquals("tmp", rep.project());
  }

  @Test
  void splitAssistantTurnsBecomeOneMessageWithThinkingToolCallsAndLateResults() throws IOException {
    new TranscriptFile("s1")
        .user("Why is the build slow?")
        .noise()
        .assistantThinking("msg_A", "Look at the surefire config first.")
        .assistantText("msg_A", "Let me look.")
        .toolUse("msg_A", "toolu_1", "Bash", "{\"command\":\"mvn -q verify\",\"timeout\":120.5}")
        .toolUse("msg_A", "toolu_2", "Read", "{\"file_path\":\"pom.xml\"}")
        .toolResult("toolu_2", "<project>...</project>", false)
        .meta("<command-name>/clear</command-name>")
        .toolResult("toolu_1", "BUILD FAILURE", true)
        .assistantText("msg_B", "The tests fork a JVM per class.")
        .write(projects().resolve("-home-ana-projects-cairn/s1.jsonl"));
    TranscriptImport.Summary s = run(projects());
    List<MessageAppended> ms = messages();
    assertEquals(3, ms.size(), ms.toString());
    MessageAppended a = ms.get(1);
    assertEquals("assistant", a.role());
    assertEquals(1, a.ordinal());
    assertEquals("Let me look.", a.text());
    assertEquals("Look at the surefire config first.", a.thinking());
    assertEquals("claude-sonnet-4-5-20250929", a.model());
    assertEquals(List.of(new ToolCall("toolu_1", "Bash", "{\"command\":\"mvn -q verify\",\"timeout\":120.5}", "BUILD FAILURE", true),
        new ToolCall("toolu_2", "Read", "{\"file_path\":\"pom.xml\"}", "<project>...</project>", false)), a.toolCalls());
    assertTrue(a.usage().get("input_tokens") > 0);
    assertEquals(0, a.usage().get("service_tier"), "non-integer usage fields are not token counts");
    assertEquals("The tests fork a JVM per class.", ms.get(2).text());
    assertEquals(5, s.skippedRecords(), "4 noise records + 1 meta line");
    SessionRecorded r = sessions().get(0);
    assertEquals("Why is the build slow?", r.title());
    assertEquals("cairn", r.project());
    assertEquals("main", r.gitBranch());
    assertEquals("/home/ana/projects/cairn", r.cwd());
    assertEquals("lap-000001~s1", r.session().toString());
  }

  @Test
  void theFirstRealPromptOutranksASummaryRecordAndSubAgentsAreSessionsWithAParent() throws IOException {
    Path project = projects().resolve("-p");
    new TranscriptFile("s2").summary("Refactor the ledger").user("<command-name>x</command-name>").user("real prompt")
        .assistantText("m1", "ok").write(project.resolve("s2.jsonl"));
    new TranscriptFile("s2").user("Find every caller of appendLocal").assistantText("m2", "Found 3.")
        .write(project.resolve("s2/subagents/agent-a1b2.jsonl"));
    run(projects());
    SessionRecorded main = sessions().stream().filter(r -> r.parent() == null).findFirst().orElseThrow();
    SessionRecorded sub = sessions().stream().filter(r -> r.parent() != null).findFirst().orElseThrow();
    assertEquals("real prompt", main.title(), "the first real prompt (not the command); the summary is the fallback");
    assertEquals("lap-000001~s2/agent-a1b2", sub.session().toString());
    assertEquals(main.session(), sub.parent());
    assertEquals("Find every caller of appendLocal", sub.title());
  }

  @Test
  void unicodeAOneMegabyteLineAndLoneSurrogatesSurvive() throws IOException {
    String big = "x".repeat(1_000_000);
    new TranscriptFile("s3").user("café 中文 العربية 🎉").assistantText("m", big)
        .raw("{\"type\":\"user\",\"timestamp\":\"2025-11-20T11:00:00Z\",\"message\":{\"role\":\"user\",\"content\":\"cut \\ud83c emoji\"}}")
        .write(projects().resolve("-p/s3.jsonl"));
    run(projects());
    assertEquals("café 中文 العربية 🎉", messages().get(0).text());
    assertEquals(1_000_000, messages().get(1).text().length());
    assertEquals("cut \uFFFD emoji", messages().get(2).text());
  }

  @Test
  void aHalfWrittenLastLineIsNotConsumedUntilItIsComplete() throws IOException {
    Path file = projects().resolve("-p/s4.jsonl");
    new TranscriptFile("s4").user("first").write(file);
    String half = "{\"type\":\"assistant\",\"timestamp\":\"2025-11-20T11:00:00Z\",\"message\":{\"id\":\"m\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"sec";
    Files.writeString(file, half, java.nio.file.StandardOpenOption.APPEND);
    TranscriptImport.Summary first = run(projects());
    assertEquals(1, messages().size());
    assertEquals(0, first.malformedLines(), "an incomplete last line is pending, not malformed");
    assertEquals(half.length(), first.pendingBytes());
    drafts.clear();
    Files.writeString(file, "ond\"}]}}\n", java.nio.file.StandardOpenOption.APPEND);
    TranscriptImport.Summary second = run(projects());
    assertEquals(1, second.grown());
    assertEquals(1, messages().size());
    assertEquals("second", messages().get(0).text());
    assertEquals(1, messages().get(0).ordinal());
  }

  @Test
  void reImportingAnUnchangedTreeEmitsNothingAndReadsNoFile() throws IOException {
    new TranscriptFile("s5").user("hello").assistantText("m", "hi").write(projects().resolve("-p/s5.jsonl"));
    run(projects());
    drafts.clear();
    TranscriptImport.Summary again = run(projects());
    assertEquals(0, drafts.size());
    assertEquals(1, again.unchanged());
    assertEquals(0, again.bytesRead(), "unchanged files are not read");
  }

  @Test
  void aGrownFileYieldsOnlyNewMessagesAndTheMessageWhoseResultArrived() throws IOException {
    Path file = projects().resolve("-p/s6.jsonl");
    TranscriptFile t = new TranscriptFile("s6");
    t.user("run the tests").toolUse("m1", "toolu_9", "Bash", "{\"command\":\"mvn test\"}").write(file);
    run(projects());
    assertEquals(2, messages().size());
    assertNull(messages().get(1).toolCalls().get(0).output());
    drafts.clear();
    t.toolResult("toolu_9", "Tests run: 61", false).assistantText("m2", "All green.").append(file);
    TranscriptImport.Summary s = run(projects());
    assertEquals(1, s.grown());
    List<MessageAppended> ms = messages();
    assertEquals(2, ms.size(), "the completed tool call and the new message, nothing else");
    assertEquals(1, ms.get(0).ordinal());
    assertEquals("Tests run: 61", ms.get(0).toolCalls().get(0).output());
    assertEquals(2, ms.get(1).ordinal());
    assertEquals(1, sessions().size(), "ended_at moved: the session is re-recorded");
  }

  @Test
  void aRewrittenFileReImportsWithoutDuplicates() throws IOException {
    Path file = projects().resolve("-p/s7.jsonl");
    new TranscriptFile("s7").user("one").assistantText("m1", "two").user("three").write(file);
    run(projects());
    drafts.clear();
    new TranscriptFile("s7").user("one").assistantText("m1", "two, edited").user("three").write(file);
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    TranscriptImport.Summary s = run(projects());
    assertEquals(1, s.rewritten());
    assertEquals(1, messages().size());
    assertEquals("two, edited", messages().get(0).text());
    assertEquals(1, messages().get(0).ordinal());
  }

  @Test
  void aMissingProjectsFolderIsBadInput() {
    var e = org.junit.jupiter.api.Assertions.assertThrows(dev.cairn.cli.command.BadInputException.class, () -> run(dir.resolve("none")));
    assertTrue(e.getMessage().contains("expected a Claude Code projects folder"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("state/claude-import.json")));
  }

  static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
