package dev.cairn.cli.imports.redact;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which rules' hints occur in a text in one pass over it (an Aho-Corasick automaton over
 * every rule's literal hints), instead of one {@code String.contains} per hint: the redactor
 * reads every transcript byte, and with some thirty hints that was most of an import's time.
 * {@link #scan} returns a bit per rule (bit {@code i} for rule {@code i}) whose hints occur;
 * rules without hints are not its concern. At most 63 rules with hints. Immutable; thread-safe.
 */
final class HintAutomaton {
  /** Characters that occur in some hint get a class 1..n; every other character is class 0. */
  private final int[] charClass = new int[Character.MAX_VALUE + 1];
  private final int classes;
  /** goto[state * classes + class]: the next state (failure links already folded in). */
  private final int[] next;
  /** The rules any hint ending at a state (or at one of its suffixes) belongs to. */
  private final long[] output;

  HintAutomaton(List<List<String>> hintsPerRule) {
    if (hintsPerRule.size() > 63) {
      throw new IllegalArgumentException("at most 63 rules have hints; found " + hintsPerRule.size());
    }
    int n = 0;
    for (List<String> hints : hintsPerRule) {
      for (String h : hints) {
        for (int i = 0; i < h.length(); i++) {
          if (charClass[h.charAt(i)] == 0) {
            charClass[h.charAt(i)] = ++n;
          }
        }
      }
    }
    classes = n + 1;
    // the trie
    List<Map<Integer, Integer>> trie = new ArrayList<>();
    List<Long> out = new ArrayList<>();
    trie.add(new HashMap<>());
    out.add(0L);
    for (int rule = 0; rule < hintsPerRule.size(); rule++) {
      for (String h : hintsPerRule.get(rule)) {
        int state = 0;
        for (int i = 0; i < h.length(); i++) {
          int c = charClass[h.charAt(i)];
          Integer to = trie.get(state).get(c);
          if (to == null) {
            to = trie.size();
            trie.get(state).put(c, to);
            trie.add(new HashMap<>());
            out.add(0L);
          }
          state = to;
        }
        out.set(state, out.get(state) | 1L << rule);
      }
    }
    int states = trie.size();
    next = new int[states * classes];
    output = new long[states];
    int[] fail = new int[states];
    for (int s = 0; s < states; s++) {
      output[s] = out.get(s);
    }
    // breadth-first: each state's transitions, missing ones taken from its failure state
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < classes; c++) {
      Integer to = trie.get(0).get(c);
      next[c] = to == null ? 0 : to;
      if (to != null) {
        fail[to] = 0;
        queue.add(to);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      output[s] |= output[fail[s]];
      for (int c = 0; c < classes; c++) {
        Integer to = trie.get(s).get(c);
        if (to == null) {
          next[s * classes + c] = next[fail[s] * classes + c];
        } else {
          next[s * classes + c] = to;
          fail[to] = next[fail[s] * classes + c];
          queue.add(to);
        }
      }
    }
  }

  /** A bit per rule whose hints occur in {@code text}. */
  long scan(String text) {
    long found = 0;
    int state = 0;
    int[] cls = charClass;
    int[] go = next;
    int k = classes;
    for (int i = 0, len = text.length(); i < len; i++) {
      state = go[state * k + cls[text.charAt(i)]];
      found |= output[state];
    }
    return found;
  }
}
