package dev.cairn.cli.imports.claude;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one transcript file says, after parsing its complete lines: session-level fields,
 * the conversation messages in order, and what was skipped. Mutable while parsing; not thread-safe.
 */
final class Transcript {
  String cwd;
  String gitBranch;
  String summary;
  String firstPrompt;
  Instant startedAt;
  Instant endedAt;
  final List<ParsedMessage> messages = new ArrayList<>();
  /** Non-conversation records skipped (progress, system, file-history-snapshot, queue-operation, meta, other types). */
  long skipped;
  final List<Malformed> malformed = new ArrayList<>();

  /** A line that could not be used: its 1-based number and why. */
  record Malformed(long line, String reason) {}

  void seen(Instant t) {
    if (t == null) {
      return;
    }
    if (startedAt == null || t.isBefore(startedAt)) {
      startedAt = t;
    }
    if (endedAt == null || t.isAfter(endedAt)) {
      endedAt = t;
    }
  }

  String title() {
    return summary != null ? summary : firstPrompt;
  }
}
