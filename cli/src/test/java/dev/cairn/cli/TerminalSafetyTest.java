package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transcript must not be able to drive the user's terminal (issue 19): escape sequences and bidi
 * overrides in titles, texts and tool output are shown as escapes by show, sessions and search;
 * {@code --json} keeps the exact text.
 */
class TerminalSafetyTest {
  @TempDir Path dir;

  @Test
  void escapeSequencesFromTranscriptsAreShownNotObeyed() throws Exception {
    Path home = dir.resolve("home");
    assertEquals(0, Cli.run(home, "init", "--origin", "lap-000001").code());
    Path project = Files.createDirectories(dir.resolve("p/-tmp"));
    String hostile = "\\u001b]0;pwned\\u0007 hello quokka \\u001b[2J\\u001b[31m red \\u202egnp.exe";
    Files.writeString(project.resolve("t1.jsonl"), "{\"type\":\"user\",\"uuid\":\"u1\",\"sessionId\":\"t1\",\"cwd\":\"/tmp\","
        + "\"timestamp\":\"2025-11-20T10:00:00Z\",\"message\":{\"role\":\"user\",\"content\":\"" + hostile + "\"}}\n");
    assertEquals(0, Cli.run(home, "import", "claude", dir.resolve("p").toString()).code());
    for (String[] verb : new String[][] {{"show", "t1"}, {"sessions"}, {"search", "quokka"}}) {
      Cli.Result r = Cli.run(home, verb);
      assertEquals(0, r.code(), r.err());
      for (char c : new char[] {'\u001b', '\u0007', '\u202e'}) {
        assertFalse(r.out().indexOf(c) >= 0, String.join(" ", verb) + " printed U+" + Integer.toHexString(c) + ": " + r.out());
      }
    }
    assertTrue(Cli.run(home, "search", "quokka").out().contains("\\x1b[2J"), "the snippet shows the escape as text");
    assertTrue(Cli.run(home, "show", "t1").out().contains("\\x1b]0;pwned\\x07 hello quokka \\x1b[2J\\x1b[31m red \\u202egnp.exe"));
    String json = Cli.json(home, "show", "t1").get("messages").get(0).get("text").asText();
    assertEquals("\u001b]0;pwned\u0007 hello quokka \u001b[2J\u001b[31m red \u202egnp.exe", json, "--json keeps the exact text");
  }
}
