package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.cairn.ledger.Origin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

/**
 * The home's {@code config.toml}. Keys: {@code origin} (this machine's identity, set once by
 * {@code cairn init}; changing it makes this home a different machine to every peer).
 * Immutable.
 */
public record Config(Origin origin) {
  private static final TomlMapper TOML = new TomlMapper();

  public static Config read(Home home) {
    JsonNode node;
    try {
      node = TOML.readTree(Files.readString(home.config(), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new NotInitialisedException(home.root());
    } catch (IOException e) {
      throw new ConfigException(home.config(), "not valid TOML: " + e.getMessage());
    }
    JsonNode origin = node.get("origin");
    if (origin == null || !origin.isTextual() || !Origin.isValid(origin.textValue())) {
      throw new ConfigException(home.config(), "key 'origin': expected 1-63 characters of [a-z0-9-], found "
          + (origin == null ? "nothing" : origin.toString()));
    }
    return new Config(new Origin(origin.textValue()));
  }

  public void write(Home home) {
    String text = "# cairn home configuration; see docs/cli.md\n"
        + "# origin: this machine's identity in every event it writes. Never change it.\n"
        + "origin = \"" + origin.value() + "\"\n";
    try {
      dev.cairn.ledger.AtomicFile.write(home.config(), text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException(home.config(), "cannot write: " + e.getMessage());
    }
  }
}
