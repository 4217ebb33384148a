package dev.cairn.projection;

/** One line of {@code cairn sessions}: a session with its curated fields resolved. Immutable. */
public record SessionRow(
    String session,
    String title,
    String project,
    String agent,
    String startedAt,
    String endedAt,
    boolean starred,
    boolean trashed,
    String tags,
    long pins,
    long messages,
    String parent,
    String kind) {}
