package dev.cairn.projection;

/** One message of {@code cairn show}: tool calls and usage as canonical JSON text (or null). Immutable. */
public record MessageRow(long ordinal, String role, String text, String thinking, String at, String model,
    String toolCalls, String usage, boolean pinned, String pinNote) {}
