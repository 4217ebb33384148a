package dev.cairn.projection;

/**
 * Which sessions {@code cairn sessions} lists. Null fields do not filter. {@code trashed}: {@code
 * HIDE} (default) leaves trashed sessions out, {@code ONLY} lists just them, {@code ALL} both.
 * {@code since} is an ISO-8601 prefix compared with {@code started_at} ({@code 2025-11} works).
 * {@code topLevel} leaves out sub-agent sessions (those with a parent).
 * Immutable.
 */
public record SessionFilter(Boolean starred, String tag, Trashed trashed, String project, String agent, String since, int limit,
    boolean topLevel) {
  public enum Trashed { HIDE, ONLY, ALL }

  public static final SessionFilter DEFAULT = new SessionFilter(null, null, Trashed.HIDE, null, null, null, 0, false);
}
