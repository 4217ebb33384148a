package dev.cairn.projection;

/** One full-text match: the message, its session's curated title, a snippet and the FTS5 rank (lower is better). Immutable. */
public record SearchHit(String session, String title, long ordinal, String role, String snippet, double rank) {}
