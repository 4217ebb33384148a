package dev.cairn.cli.imports.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass hint scan finds exactly the rules whose hints {@code String.contains} finds, hint by hint. */
class HintAutomatonTest {
  @Test
  void findsWhatContainsFinds() {
    List<List<String>> hints = new ArrayList<>();
    for (RedactionRule r : SecretRules.BUILT_IN) {
      if (!r.hints().isEmpty()) {
        hints.add(r.hints());
      }
    }
    hints.add(List.of("aa", "aab", "b")); // overlapping hints and hints that are suffixes of others
    hints.add(List.of("ab"));
    HintAutomaton automaton = new HintAutomaton(hints);
    List<String> pieces = new ArrayList<>();
    hints.forEach(pieces::addAll);
    pieces.addAll(List.of(" ", "x", "é", "中", "\n", "AK", "IA", "eyJ", "sk-", "ant", "://", "a", "b", "ecre", "t"));
    Random r = new Random(3);
    for (int round = 0; round < 3_000; round++) {
      StringBuilder text = new StringBuilder();
      int n = r.nextInt(12);
      for (int i = 0; i < n; i++) {
        String p = pieces.get(r.nextInt(pieces.size()));
        text.append(r.nextInt(4) == 0 && p.length() > 2 ? p.substring(1) : p); // cut pieces: near misses
      }
      String s = text.toString();
      long expected = 0;
      for (int rule = 0; rule < hints.size(); rule++) {
        for (String h : hints.get(rule)) {
          if (s.contains(h)) {
            expected |= 1L << rule;
          }
        }
      }
      assertEquals(expected, automaton.scan(s), () -> "hints in \"" + s + "\"");
    }
  }
}
