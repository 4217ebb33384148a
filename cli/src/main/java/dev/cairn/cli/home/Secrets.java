package dev.cairn.cli.home;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.cairn.ledger.DurableFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code CAIRN_HOME/secrets.toml} (file mode 0600): per-target tokens ({@code targets.NAME.token}),
 * per-target encryption passphrases ({@code targets.NAME.passphrase})
 * and S3 settings ({@code [s3]}: endpoint, region, access_key_id, secret_access_key). Never
 * printed, never logged, never in config.toml. Immutable.
 */
public final class Secrets {
  private static final TomlMapper TOML = new TomlMapper();
  private final TreeMap<String, String> tokens;
  private final TreeMap<String, String> passphrases;
  private final TreeMap<String, String> s3;

  private Secrets(TreeMap<String, String> tokens, TreeMap<String, String> passphrases, TreeMap<String, String> s3) {
    this.tokens = tokens;
    this.passphrases = passphrases;
    this.s3 = s3;
  }

  static Path file(Home home) {
    return home.root().resolve("secrets.toml");
  }

  public static Secrets read(Home home) {
    TreeMap<String, String> tokens = new TreeMap<>();
    TreeMap<String, String> passphrases = new TreeMap<>();
    TreeMap<String, String> s3 = new TreeMap<>();
    try {
      JsonNode node = TOML.readTree(Files.readString(file(home), StandardCharsets.UTF_8));
      node.path("s3").fields().forEachRemaining(e -> s3.put(e.getKey(), e.getValue().asText()));
      for (Iterator<Map.Entry<String, JsonNode>> it = node.path("targets").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().hasNonNull("token")) {
          tokens.put(e.getKey(), e.getValue().get("token").asText());
        }
        if (e.getValue().hasNonNull("passphrase")) {
          passphrases.put(e.getKey(), e.getValue().get("passphrase").asText());
        }
      }
    } catch (NoSuchFileException e) {
      return new Secrets(tokens, passphrases, s3);
    } catch (IOException e) {
      throw new ConfigException(file(home), "not valid TOML (contents not shown: it holds secrets)");
    }
    return new Secrets(tokens, passphrases, s3);
  }

  /** A key of the [s3] table: endpoint, region, access_key_id, secret_access_key. */
  public Optional<String> s3(String key) {
    return Optional.ofNullable(s3.get(key));
  }

  public Optional<String> token(String target) {
    return Optional.ofNullable(tokens.get(target));
  }

  public Optional<String> passphrase(String target) {
    return Optional.ofNullable(passphrases.get(target));
  }

  public Secrets with(String target, String token) {
    return new Secrets(put(tokens, target, token), passphrases, s3);
  }

  public Secrets withPassphrase(String target, String passphrase) {
    return new Secrets(tokens, put(passphrases, target, passphrase), s3);
  }

  private static TreeMap<String, String> put(TreeMap<String, String> map, String key, String value) {
    TreeMap<String, String> t = new TreeMap<>(map);
    if (value == null) {
      t.remove(key);
    } else {
      t.put(key, value);
    }
    return t;
  }

  public void write(Home home) {
    ObjectNode root = TOML.createObjectNode();
    ObjectNode all = root.putObject("targets");
    tokens.forEach((name, token) -> all.putObject(name).put("token", token));
    passphrases.forEach((name, p) -> (all.has(name) ? (ObjectNode) all.get(name) : all.putObject(name)).put("passphrase", p));
    if (!s3.isEmpty()) {
      ObjectNode table = root.putObject("s3");
      s3.forEach(table::put);
    }
    Path f = file(home);
    try {
      DurableFile.write(f, ("# cairn secrets: keep this file private (mode 0600)\n" + TOML.writeValueAsString(root).stripTrailing() + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException(f, "cannot write: " + e.getMessage());
    }
  }
}
