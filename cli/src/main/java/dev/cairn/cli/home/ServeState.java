package dev.cairn.cli.home;

import dev.cairn.ledger.DurableFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where this home's running service can be reached ({@code state/serve-url}: one line, its base
 * URL), written by {@code cairn serve} when it starts, read by {@code cairn open}. A hint: a stale
 * file only makes {@code open} say the service does not answer. Stateless.
 */
public final class ServeState {
  private ServeState() {}

  private static Path file(Home home) {
    return home.state().resolve("serve-url");
  }

  public static void write(Home home, String baseUrl) throws IOException {
    DurableFile.write(file(home), (baseUrl + "\n").getBytes(StandardCharsets.UTF_8));
  }

  public static Optional<String> read(Home home) throws IOException {
    try {
      String s = Files.readString(file(home), StandardCharsets.UTF_8).strip();
      return s.isEmpty() ? Optional.empty() : Optional.of(s);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }
}
