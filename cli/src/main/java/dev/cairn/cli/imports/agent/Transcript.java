package dev.cairn.cli.imports.agent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one transcript file says, after parsing its complete lines: session-level fields,
 * the conversation messages in order, and what was skipped. Mutable while parsing; not thread-safe.
 */
final class Transcript {
  /** The first working directory recorded (the project is named from it). */
  String cwd;
  String gitBranch;
  String summary;
  String firstPrompt;
  String firstAssistantText;
  /** The parent session's native id when the transcript names it in its records (a Codex fork or sub-agent), else null. */
  String parentNative;
  /** The session's kind when its records say it ({@code fork}), else null. */
  String kind;
  /** Whether the transcript is a compaction run (its first prompt asks for a summary of the conversation). */
  boolean compaction;
  Instant startedAt;
  Instant endedAt;
  final List<ParsedMessage> messages = new ArrayList<>();
  /** Sub-agents this session started (their agent id, as in {@code agent-<id>.jsonl}) and the description it gave each. */
  final java.util.Map<String, String> subAgentTitles = new java.util.HashMap<>();
  /** Non-conversation records skipped (progress, system, file-history-snapshot, queue-operation, meta, other types). */
  long skipped;
  final List<Malformed> malformed = new ArrayList<>();

  /** A line that could not be used: its 1-based number, the byte offset it starts at, and why. */
  record Malformed(long line, long offset, String reason) {}

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

  /**
   * The first real user prompt, else a {@code summary} record, else the first assistant text;
   * {@code null} when the transcript has none of them (the importer then names it for what it is).
   */
  String title() {
    return firstPrompt != null ? firstPrompt : summary != null ? summary : firstAssistantText;
  }
}
