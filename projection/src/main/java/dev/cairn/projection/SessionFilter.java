package dev.cairn.projection;

/**
 * Which sessions a list or a search covers. Null fields do not filter. {@code trashed}: {@code
 * HIDE} (default) leaves trashed sessions out, {@code ONLY} keeps just them, {@code ALL} both.
 * {@code origin} is the machine that recorded the session. {@code since} and {@code until} are
 * ISO-8601 prefixes compared with {@code started_at} ({@code 2025-11} works; {@code until} is
 * inclusive of everything that starts with it). {@code titleText} keeps sessions whose title
 * contains it (case-insensitive for ASCII). {@code topLevel} leaves out sub-agent sessions (those
 * with a parent); {@code after} (or null) starts after a row of an earlier page.
 * Build one from {@link #DEFAULT} with the {@code with…} methods. Immutable.
 */
public record SessionFilter(Boolean starred, String tag, Trashed trashed, String project, String agent, String origin, String since,
    String until, String titleText, int limit, boolean topLevel, After after) {
  /** Where a page of the list ended: rows after it in the list's order (keyset paging, no OFFSET scan). Immutable. */
  public record After(String startedAt, String session) {
    public After {
      java.util.Objects.requireNonNull(session, "session");
      startedAt = startedAt == null ? "" : startedAt;
    }
  }

  public enum Trashed { HIDE, ONLY, ALL }

  private static final java.util.regex.Pattern DATE_PREFIX = java.util.regex.Pattern.compile("\\d{4}(-\\d{2}(-\\d{2}(T[0-9:.]*Z?)?)?)?");

  /** Whether {@code s} is what {@code since} and {@code until} take: an ISO-8601 prefix such as {@code 2025}, {@code 2025-11-20}. */
  public static boolean isDatePrefix(String s) {
    return s != null && DATE_PREFIX.matcher(s).matches();
  }

  /** Every session that is not trashed, no limit. */
  public static final SessionFilter DEFAULT = new SessionFilter(null, null, Trashed.HIDE, null, null, null, null, null, null, 0, false, null);

  public SessionFilter {
    java.util.Objects.requireNonNull(trashed, "trashed");
  }

  public SessionFilter withStarred(Boolean v) {
    return new SessionFilter(v, tag, trashed, project, agent, origin, since, until, titleText, limit, topLevel, after);
  }

  public SessionFilter withTag(String v) {
    return new SessionFilter(starred, v, trashed, project, agent, origin, since, until, titleText, limit, topLevel, after);
  }

  public SessionFilter withTrashed(Trashed v) {
    return new SessionFilter(starred, tag, v, project, agent, origin, since, until, titleText, limit, topLevel, after);
  }

  public SessionFilter withProject(String v) {
    return new SessionFilter(starred, tag, trashed, v, agent, origin, since, until, titleText, limit, topLevel, after);
  }

  public SessionFilter withAgent(String v) {
    return new SessionFilter(starred, tag, trashed, project, v, origin, since, until, titleText, limit, topLevel, after);
  }

  public SessionFilter withOrigin(String v) {
    return new SessionFilter(starred, tag, trashed, project, agent, v, since, until, titleText, limit, topLevel, after);
  }

  public SessionFilter withSince(String v) {
    return new SessionFilter(starred, tag, trashed, project, agent, origin, v, until, titleText, limit, topLevel, after);
  }

  public SessionFilter withUntil(String v) {
    return new SessionFilter(starred, tag, trashed, project, agent, origin, since, v, titleText, limit, topLevel, after);
  }

  public SessionFilter withTitleText(String v) {
    return new SessionFilter(starred, tag, trashed, project, agent, origin, since, until, v, limit, topLevel, after);
  }

  public SessionFilter withLimit(int v) {
    return new SessionFilter(starred, tag, trashed, project, agent, origin, since, until, titleText, v, topLevel, after);
  }

  public SessionFilter withTopLevel(boolean v) {
    return new SessionFilter(starred, tag, trashed, project, agent, origin, since, until, titleText, limit, v, after);
  }

  public SessionFilter withAfter(After v) {
    return new SessionFilter(starred, tag, trashed, project, agent, origin, since, until, titleText, limit, topLevel, v);
  }
}
