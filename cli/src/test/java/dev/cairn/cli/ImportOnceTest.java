package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.cli.output.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import events} reads its input once (issue 12, finding 6): from a named pipe, which can
 * only be read once, every line is checked and appended; reading it twice (check, then append)
 * would wait forever for a writer that is gone.
 */
class ImportOnceTest {
  @TempDir Path dir;

  @Test
  void anInputThatCanOnlyBeReadOnceIsImportedWhole() throws Exception {
    Path home = dir.resolve("home");
    assertEquals(0, Cli.run(home, "init", "--origin", "home-aaaaaa").code());
    Path fifo = dir.resolve("events.fifo");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    Assumptions.assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is not available here");
    Thread writer = new Thread(() -> {
      try {
        Files.write(fifo, CliTest.LOCAL.getBytes(StandardCharsets.UTF_8)); // blocks until the import opens the pipe, once
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();
    Cli.Result r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> Cli.run(home, "import", "events", fifo.toString(), "--json"));
    writer.join(10_000);
    assertEquals(0, r.code(), r.err());
    assertEquals(5, Json.MAPPER.readTree(r.out()).get("local").asLong(), r.out());
    assertTrue(Cli.json(home, "sessions").size() == 1);
  }
}
