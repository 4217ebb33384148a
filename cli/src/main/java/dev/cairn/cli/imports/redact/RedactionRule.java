package dev.cairn.cli.imports.redact;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One kind of secret: its name (what {@code [redacted:<name>]} says), the pattern that finds it, and
 * literal hints of which at least one must occur in a text before the pattern is tried (a cheap
 * {@code String.contains} keeps most text away from the regex engine; none: always try). When the
 * pattern has a group named {@code secret}, only that group is replaced (the key name of an
 * assignment, the user of a URL stay); otherwise the whole match.
 * {@code minEntropy} (bits per character, 0 for none) is asked of what would be replaced, so that
 * {@code password=changeme} passes and {@code password=Zq8#v...} does not. Immutable.
 */
public record RedactionRule(String name, Pattern pattern, List<String> hints, double minEntropy) {
  public RedactionRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pattern, "pattern");
    hints = List.copyOf(hints);
    if (!name.matches("[a-z0-9][a-z0-9-]{0,40}")) {
      throw new IllegalArgumentException("a rule name is 1-41 characters of [a-z0-9-], found '" + name + "'");
    }
  }

  /** Whether the pattern is worth trying on {@code text}. */
  boolean mayMatch(String text) {
    if (hints.isEmpty()) {
      return true;
    }
    for (String h : hints) {
      if (text.contains(h)) {
        return true;
      }
    }
    return false;
  }

  boolean hasSecretGroup() {
    return pattern.pattern().contains("(?<secret>");
  }
}
