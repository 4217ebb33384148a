package dev.cairn.cli.home;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.cairn.cli.imports.redact.RedactionRule;
import dev.cairn.cli.imports.redact.Redactor;
import dev.cairn.cli.imports.redact.SecretRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code [redact]} table of the home's {@code config.toml}: what importers redact.
 * <pre>
 * [redact]
 * off = ["assignment"]                 # built-in rules to turn off
 * allow = ["AKIAIOSFODNN7EXAMPLE"]     # regexes: a match that one of these matches in full is kept
 * [redact.rules]
 * internal-token = "itk_[A-Za-z0-9]{32}"   # more rules: name = regex (a group named 'secret' limits the replacement to it)
 * </pre>
 * Without the table every built-in rule is on and nothing is allowed. Immutable.
 */
public record RedactionConfig(Set<String> off, List<Pattern> allow, List<RedactionRule> added) {
  private static final TomlMapper TOML = new TomlMapper();

  public RedactionConfig {
    off = Set.copyOf(off);
    allow = List.copyOf(allow);
    added = List.copyOf(added);
  }

  /** Reads {@code [redact]} from the home's config (all defaults when the file or the table is absent). */
  public static RedactionConfig read(Home home) {
    JsonNode node;
    try {
      node = TOML.readTree(Files.readString(home.config(), StandardCharsets.UTF_8)).path("redact");
    } catch (NoSuchFileException e) {
      return new RedactionConfig(Set.of(), List.of(), List.of());
    } catch (IOException e) {
      throw new ConfigException(home.config(), "not valid TOML: " + e.getMessage());
    }
    Set<String> known = new TreeSet<>();
    SecretRules.BUILT_IN.forEach(r -> known.add(r.name()));
    Set<String> off = new TreeSet<>();
    for (JsonNode n : node.path("off")) {
      if (!known.contains(n.asText())) {
        throw new ConfigException(home.config(), "[redact] off: expected names of built-in rules " + known + ", found '" + n.asText() + "'");
      }
      off.add(n.asText());
    }
    List<Pattern> allow = new ArrayList<>();
    for (JsonNode n : node.path("allow")) {
      allow.add(pattern(home, "[redact] allow", n.asText()));
    }
    List<RedactionRule> added = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("rules").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().matches("[a-z0-9][a-z0-9-]{0,40}") || known.contains(e.getKey())) {
        throw new ConfigException(home.config(), "[redact.rules]: expected a new rule name of [a-z0-9-], found '" + e.getKey() + "'");
      }
      added.add(new RedactionRule(e.getKey(), pattern(home, "[redact.rules] " + e.getKey(), e.getValue().asText()), List.of(), 0));
    }
    return new RedactionConfig(off, allow, added);
  }

  private static Pattern pattern(Home home, String where, String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new ConfigException(home.config(), where + ": expected a regular expression, found '" + regex + "' (" + e.getDescription() + ")");
    }
  }

  /** A redactor with these settings (one per import run). */
  public Redactor redactor() {
    List<RedactionRule> rules = new ArrayList<>();
    SecretRules.BUILT_IN.stream().filter(r -> !off.contains(r.name())).forEach(rules::add);
    rules.addAll(added);
    return new Redactor(rules, allow);
  }
}
