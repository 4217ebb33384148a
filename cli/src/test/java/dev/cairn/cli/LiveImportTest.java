package dev.cairn.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.cli.command.Context;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'cairn serve' imports Claude Code transcripts as the agent writes them: a new file, then lines it grows by. */
class LiveImportTest {
  @TempDir Path dir;

  @Test
  void aTranscriptWrittenWhileTheServiceRunsIsInTheArchiveWithinTwoSeconds() throws Exception {
    Path home = dir.resolve("h");
    Path user = dir.resolve("user");
    Path projects = Files.createDirectories(user.resolve(".claude/projects"));
    assertEquals(0, Cli.run(home, "init", "--origin", "home-aaaaaa").code());
    StringWriter serverOut = new StringWriter();
    StringWriter serverErr = new StringWriter();
    Thread server = new Thread(() -> Main.run(new String[] {"--home", home.toString(), "serve", "--port", "0"},
        new Context(Map.of("HOME", user.toString()), InputStream.nullInputStream(), new PrintWriter(serverOut, true),
            new PrintWriter(serverErr, true), false)));
    server.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> serverOut.toString().contains("importing live from " + projects));
      assertEquals(0, Cli.json(home, "sessions").size());

      // a new project folder and a transcript in it, as Claude Code creates them
      List<String> lines = Files.readAllLines(Fixtures.claudeCode().resolve("representative_messages.jsonl"));
      Path transcript = Files.createDirectories(projects.resolve("-tmp")).resolve("representative_messages.jsonl");
      Files.write(transcript, lines.subList(0, 2));
      await("the new transcript").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100))
          .until(() -> Cli.json(home, "sessions").size() == 1);
      long before = Cli.json(home, "sessions").get(0).get("messages").asLong();

      // the agent goes on writing: the grown lines arrive too
      Files.write(transcript, lines);
      await("the grown transcript").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100))
          .until(() -> Cli.json(home, "sessions").get(0).get("messages").asLong() > before);
      assertTrue(serverOut.toString().contains("imported "), serverOut.toString());
      assertEquals("", serverErr.toString(), "a transcript read while it is being written is not an error");
    } finally {
      server.interrupt();
      server.join(10_000);
    }
  }
}
