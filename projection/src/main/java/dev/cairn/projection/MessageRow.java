package dev.cairn.projection;

/**
 * One message of {@code cairn show}: tool calls, usage and image references as canonical JSON text
 * (or null). Immutable.
 */
public record MessageRow(long ordinal, String role, String text, String thinking, String at, String model,
    String toolCalls, String usage, boolean pinned, String pinNote, String images) {}
