package dev.cairn.projection;

import dev.cairn.ledger.CairnException;

/** A search query that FTS5 cannot parse; names the query and SQLite's complaint. */
public final class SearchSyntaxException extends CairnException {
  public SearchSyntaxException(String query, org.sqlite.SQLiteException cause) {
    super("search query '" + query + "' is not valid FTS5 syntax (" + detail(cause) + "); drop --fts to search for plain words", cause);
  }

  /** SQLite's own words: the message without the driver's "[SQLITE_ERROR] SQL error or missing database (...)" wrapping. */
  private static String detail(org.sqlite.SQLiteException e) {
    String m = String.valueOf(e.getMessage());
    int open = m.indexOf('(');
    return open >= 0 && m.endsWith(")") ? m.substring(open + 1, m.length() - 1) : m;
  }

  @Override
  public Kind kind() {
    return Kind.BAD_INPUT;
  }
}
