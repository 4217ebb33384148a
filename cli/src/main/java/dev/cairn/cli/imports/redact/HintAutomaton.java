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
  /** Characters that occur in some hint get a class 1..n; every other character is class 0 (hints are Latin-1; see {@link #scan}). */
  private final int[] charClass = new int[256];
  private final int classes;
  /** The longest hint's length. */
  private final int longest;
  /** next[state + class]: the next state, itself stored as its row's offset (state * classes), failure links folded in. */
  private final int[] next;
  /** The rules any hint ending at a state (or at one of its suffixes) belongs to, by the state's row offset. */
  private final long[] outputByRow;

  HintAutomaton(List<List<String>> hintsPerRule) {
    if (hintsPerRule.size() > 63) {
      throw new IllegalArgumentException("at most 63 rules have hints; found " + hintsPerRule.size());
    }
    int n = 0;
    for (List<String> hints : hintsPerRule) {
      for (String h : hints) {
        for (int i = 0; i < h.length(); i++) {
          if (h.charAt(i) > 0xff || h.charAt(i) == '?') {
            throw new IllegalArgumentException("hints are Latin-1 text without '?'; found " + h);
          }
          if (charClass[h.charAt(i)] == 0) {
            charClass[h.charAt(i)] = ++n;
          }
        }
      }
    }
    classes = n + 1;
    int max = 1;
    for (List<String> hints : hintsPerRule) {
      for (String h : hints) {
        max = Math.max(max, h.length());
      }
    }
    longest = max;
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
    long[] output = new long[states];
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
      // (states are plain numbers while building; turned into row offsets below)
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
    for (int k = 0; k < next.length; k++) {
      next[k] *= classes;
    }
    outputByRow = new long[states * classes];
    for (int st = 0; st < states; st++) {
      outputByRow[st * classes] = output[st];
    }
  }

  /**
   * A bit per rule whose hints occur in {@code text}. The text is read as Latin-1 bytes (the JDK's
   * vectorised conversion; a character above U+00FF becomes '?', which no hint holds, so it matches
   * nothing, as it would not).
   */
  long scan(String text) {
    byte[] t = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    int[] cls = charClass;
    int[] go = next;
    long[] out = outputByRow;
    // two halves walked side by side: each step waits on the last one's load, so two independent
    // walks go twice as fast; the second half starts early enough to see a hint across the middle
    int mid = t.length / 2;
    int second = Math.max(0, mid - (longest - 1));
    int firstLength = mid;
    int secondLength = t.length - second;
    int common = Math.min(firstLength, secondLength);
    long found = 0;
    int a = 0;
    int b = 0;
    for (int k = 0; k < common; k++) {
      a = go[a + cls[t[k] & 0xff]];
      b = go[b + cls[t[second + k] & 0xff]];
      found |= out[a] | out[b];
    }
    for (int k = common; k < firstLength; k++) {
      a = go[a + cls[t[k] & 0xff]];
      found |= out[a];
    }
    for (int k = common; k < secondLength; k++) {
      b = go[b + cls[t[second + k] & 0xff]];
      found |= out[b];
    }
    return found;
  }
}
