package dev.cairn.cli.imports.redact;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in text with {@code [redacted:<rule>]} before an importer builds its events, so
 * no copy of the archive (ledger, view, segments, any machine, any target) ever holds them and
 * every machine's digest agrees. Applies its rules in order; a match that an allow-list pattern
 * matches in full is left as it is. Counts what it replaced per rule.
 *
 * <p>Thread-safe: the import redacts on its reading thread and on its own; the counts are kept under a lock.
 */
public final class Redactor {
  /** Tells where a secret was replaced (for {@code --dry-run}). */
  public interface Sighting {
    void redacted(String rule, String where);
  }

  private final List<RedactionRule> rules;
  private final List<Pattern> allow;
  private final Map<String, Long> counts = new TreeMap<>();

  /** Which rules' hints a text holds, in one pass (rules with hints, in order; at most 63, else null: each rule checks its own). */
  private final HintAutomaton hints;
  /** For each rule, its bit in what {@link #hints} finds; -1 for a rule without hints (always tried). */
  private final int[] hintBit;

  public Redactor(List<RedactionRule> rules, List<Pattern> allow) {
    this.rules = List.copyOf(rules);
    this.allow = List.copyOf(allow);
    List<List<String>> withHints = new java.util.ArrayList<>();
    hintBit = new int[this.rules.size()];
    for (int i = 0; i < this.rules.size(); i++) {
      List<String> h = this.rules.get(i).hints();
      hintBit[i] = h.isEmpty() ? -1 : withHints.size();
      if (!h.isEmpty()) {
        withHints.add(h);
      }
    }
    HintAutomaton automaton;
    try {
      automaton = withHints.size() <= 63 ? new HintAutomaton(withHints) : null;
    } catch (IllegalArgumentException e) {
      automaton = null; // hints the one-pass scan cannot hold (beyond Latin-1): each rule checks its own
    }
    hints = automaton;
  }

  /** The built-in rules and no allow-list. */
  public static Redactor standard() {
    return new Redactor(SecretRules.BUILT_IN, List.of());
  }

  /** {@code text} with every secret replaced (null stays null); {@code where} and {@code sighting} say where, for reports. */
  public String redact(String text, String where, Sighting sighting) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    long found = hints == null ? -1L : hints.scan(text);
    for (int i = 0; i < rules.size(); i++) {
      RedactionRule rule = rules.get(i);
      boolean worthTrying = hints == null ? rule.mayMatch(out) : hintBit[i] < 0 || (found & 1L << hintBit[i]) != 0;
      if (worthTrying) {
        String before = out;
        out = apply(rule, out, where, sighting);
        if (out != before && hints != null) {
          found = hints.scan(out); // a replacement changed the text: later rules look at what it is now
        }
      }
    }
    return out;
  }

  /** {@code text} with every secret replaced. */
  public String redact(String text) {
    return redact(text, "", (r, w) -> { });
  }

  private String apply(RedactionRule rule, String text, String where, Sighting sighting) {
    Matcher m = rule.pattern().matcher(text);
    boolean group = rule.hasSecretGroup();
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      int start = group ? m.start("secret") : m.start();
      int end = group ? m.end("secret") : m.end();
      String found = text.substring(start, end);
      if (allowed(found) || (rule.minEntropy() > 0 && !random(found, rule.minEntropy()))) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, last, start).append("[redacted:").append(rule.name()).append(']');
      last = end;
      synchronized (counts) {
        counts.merge(rule.name(), 1L, Long::sum);
      }
      sighting.redacted(rule.name(), where);
    }
    if (out == null) {
      return text;
    }
    return out.append(text, last, text.length()).toString();
  }

  private boolean allowed(String found) {
    for (Pattern p : allow) {
      if (p.matcher(found).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code s} looks generated rather than written: letters and digits both, and at least {@code bits} of entropy per character. */
  static boolean random(String s, double bits) {
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      letter |= Character.isLetter(c);
      digit |= Character.isDigit(c);
    }
    return letter && digit && entropy(s) >= bits;
  }

  /** Shannon entropy of {@code s} in bits per character. */
  static double entropy(String s) {
    Map<Character, Integer> freq = new java.util.HashMap<>();
    for (int i = 0; i < s.length(); i++) {
      freq.merge(s.charAt(i), 1, Integer::sum);
    }
    double h = 0;
    for (int n : freq.values()) {
      double p = (double) n / s.length();
      h -= p * (Math.log(p) / Math.log(2));
    }
    return h;
  }

  /** Replacements so far, per rule name (sorted). */
  public Map<String, Long> counts() {
    synchronized (counts) {
      return java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
    }
  }

}
