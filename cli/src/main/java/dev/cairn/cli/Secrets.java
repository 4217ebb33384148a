package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.cairn.ledger.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code CAIRN_HOME/secrets.toml} (file mode 0600): per-target tokens, {@code [targets.NAME]
 * token = "..."}. Never printed, never logged, never in config.toml. Immutable.
 */
final class Secrets {
  private static final TomlMapper TOML = new TomlMapper();
  private final TreeMap<String, String> tokens;

  private Secrets(TreeMap<String, String> tokens) {
    this.tokens = tokens;
  }

  static Path file(Home home) {
    return home.root().resolve("secrets.toml");
  }

  static Secrets read(Home home) {
    TreeMap<String, String> tokens = new TreeMap<>();
    try {
      JsonNode node = TOML.readTree(Files.readString(file(home), StandardCharsets.UTF_8));
      for (Iterator<Map.Entry<String, JsonNode>> it = node.path("targets").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().hasNonNull("token")) {
          tokens.put(e.getKey(), e.getValue().get("token").asText());
        }
      }
    } catch (NoSuchFileException e) {
      return new Secrets(tokens);
    } catch (IOException e) {
      throw new ConfigException(file(home), "not valid TOML (contents not shown: it holds secrets)");
    }
    return new Secrets(tokens);
  }

  Optional<String> token(String target) {
    return Optional.ofNullable(tokens.get(target));
  }

  Secrets with(String target, String token) {
    TreeMap<String, String> t = new TreeMap<>(tokens);
    if (token == null) {
      t.remove(target);
    } else {
      t.put(target, token);
    }
    return new Secrets(t);
  }

  void write(Home home) {
    ObjectNode root = TOML.createObjectNode();
    ObjectNode all = root.putObject("targets");
    tokens.forEach((name, token) -> all.putObject(name).put("token", token));
    Path f = file(home);
    try {
      if (!Files.exists(f)) {
        Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      AtomicFile.write(f, ("# cairn secrets: keep this file private (mode 0600)\n" + TOML.writeValueAsString(root).stripTrailing() + "\n").getBytes(StandardCharsets.UTF_8));
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new ConfigException(f, "cannot write: " + e.getMessage());
    }
  }
}
