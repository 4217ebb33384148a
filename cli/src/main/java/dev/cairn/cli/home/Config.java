package dev.cairn.cli.home;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.cairn.cli.target.TargetSpec;
import dev.cairn.cli.target.TargetUrl;
import dev.cairn.exchange.trust.TrustMode;
import dev.cairn.ledger.DurableFile;
import dev.cairn.ledger.Origin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The home's {@code config.toml}:
 * <pre>
 * origin = "laptop-3f9a1c"          # this machine's identity, set once by init; never change it
 *
 * targets.nas.url = "folder:/mnt/nas/cairn"   # named sync targets: cairn target add NAME URL
 * targets.nas.encrypt_to = ["age1..."]       # optional: age-encrypt to these recipients (and this machine)
 * targets.s3.encrypt = "passphrase"          # optional: age-encrypt with the passphrase in secrets.toml
 * trust = "strict"                            # optional: only keys pinned by hand ("first-use" is the default)
 * </pre>
 * (written with dotted keys; a hand-written {@code [targets.nas]} table reads the same).
 * Secrets (tokens) are never here: they live in {@code secrets.toml} ({@link Secrets}). Immutable.
 */
public record Config(Origin origin, SortedMap<String, TargetSpec> targets, TrustMode trust) {
  private static final TomlMapper TOML = new TomlMapper();
  private static final Pattern TARGET_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  public Config {
    targets = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(targets));
  }

  public Config(Origin origin) {
    this(origin, new TreeMap<>(), TrustMode.FIRST_USE);
  }

  public static boolean isTargetName(String s) {
    return s != null && TARGET_NAME.matcher(s).matches();
  }

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
    TreeMap<String, TargetSpec> targets = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("targets").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode url = e.getValue().get("url");
      if (!isTargetName(e.getKey()) || url == null || !url.isTextual()) {
        throw new ConfigException(home.config(), "[targets." + e.getKey() + "]: expected a name of [a-z0-9-] and a url, found "
            + e.getValue());
      }
      java.util.List<String> to = new java.util.ArrayList<>();
      e.getValue().path("encrypt_to").forEach(r -> to.add(r.asText()));
      JsonNode mode = e.getValue().path("encrypt");
      if (!mode.isMissingNode() && !"passphrase".equals(mode.asText())) {
        throw new ConfigException(home.config(), "[targets." + e.getKey() + "] encrypt: expected \"passphrase\", found " + mode);
      }
      targets.put(e.getKey(), new TargetSpec(TargetUrl.parse(url.textValue(), "[targets." + e.getKey() + "] url"), to, !mode.isMissingNode(),
          e.getValue().path("scrypt_work_factor").asInt(TargetSpec.DEFAULT_WORK_FACTOR)));
    }
    JsonNode trust = node.path("trust");
    TrustMode mode = trust.isMissingNode() ? TrustMode.FIRST_USE : TrustMode.parse(trust.asText());
    if (mode == null) {
      throw new ConfigException(home.config(), "key 'trust': expected \"first-use\" or \"strict\", found " + trust);
    }
    return new Config(new Origin(origin.textValue()), targets, mode);
  }

  public Config withTarget(String name, TargetSpec spec) {
    TreeMap<String, TargetSpec> t = new TreeMap<>(targets);
    t.put(name, spec);
    return new Config(origin, t, trust);
  }

  public Config withoutTarget(String name) {
    TreeMap<String, TargetSpec> t = new TreeMap<>(targets);
    t.remove(name);
    return new Config(origin, t, trust);
  }

  public void write(Home home) {
    ObjectNode root = TOML.createObjectNode();
    root.put("origin", origin.value());
    if (trust != TrustMode.FIRST_USE) {
      root.put("trust", trust.word());
    }
    if (!targets.isEmpty()) {
      ObjectNode t = root.putObject("targets");
      targets.forEach((name, spec) -> {
        ObjectNode o = t.putObject(name).put("url", spec.url().text());
        if (!spec.encryptTo().isEmpty()) {
          spec.encryptTo().forEach(o.putArray("encrypt_to")::add);
        }
        if (spec.passphrase()) {
          o.put("encrypt", "passphrase");
          if (spec.scryptWorkFactor() != TargetSpec.DEFAULT_WORK_FACTOR) {
            o.put("scrypt_work_factor", spec.scryptWorkFactor());
          }
        }
      });
    }
    try {
      String text = "# cairn home configuration; see docs/cli.md\n"
          + "# origin: this machine's identity in every event it writes. Never change it.\n"
          + TOML.writeValueAsString(root).stripTrailing() + "\n";
      DurableFile.write(home.config(), text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException(home.config(), "cannot write: " + e.getMessage());
    }
  }
}
