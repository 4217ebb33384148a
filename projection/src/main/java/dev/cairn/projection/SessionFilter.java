package dev.cairn.projection;

/**
 * Which sessions {@code cairn sessions} lists. Null fields do not filter. {@code trashed}: {@code
 * HIDE} (default) leaves trashed sessions out, {@code ONLY} lists just them, {@code ALL} both.
 * {@code since} is an ISO-8601 prefix compared with {@code started_at} ({@code 2025-11} works).
 * {@code topLevel} leaves out sub-agent sessions (those with a parent); {@code after} (or null)
 * starts after a row of an earlier page.
 * Immutable.
 */
public record SessionFilter(Boolean starred, String tag, Trashed trashed, String project, String agent, String since, int limit,
    boolean topLevel, After after) {
  /** Where a page of the list ended: rows after it in the list's order (keyset paging, no OFFSET scan). Immutable. */
  public record After(String startedAt, String session) {
    public After {
      java.util.Objects.requireNonNull(session, "session");
      startedAt = startedAt == null ? "" : startedAt;
    }
  }

  public enum Trashed { HIDE, ONLY, ALL }

  public static final SessionFilter DEFAULT = new SessionFilter(null, null, Trashed.HIDE, null, null, null, 0, false, null);
}
