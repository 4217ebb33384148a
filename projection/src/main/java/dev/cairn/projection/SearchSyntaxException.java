package dev.cairn.projection;

import dev.cairn.ledger.CairnException;

/** A search query that FTS5 cannot parse; names the query and SQLite's complaint. */
public final class SearchSyntaxException extends CairnException {
  public SearchSyntaxException(String query, String problem) {
    super("search query '" + query + "' is not valid FTS5 syntax ("
        + problem.replace("[SQLITE_ERROR] SQL error or missing database (", "").replaceAll("\\)$", "")
        + "); drop --fts to search for plain words");
  }

  @Override
  public Kind kind() {
    return Kind.BAD_INPUT;
  }
}
