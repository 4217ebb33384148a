package dev.cairn.web;

import dev.cairn.ledger.event.Curation;

/**
 * How a page's action reaches the ledger: the composition root supplies the same writer the CLI
 * verbs use (same prev rules, the writer lock), so the UI is just another writer.
 */
public interface Curations {
  /** Appends {@code change} with prev = the register version the view holds, unless the register already has that value; returns whether it appended. */
  boolean apply(Curation change);

  /** Appends {@code change} with prev = the register version the view holds even when the value is the same: it settles a conflict. */
  void resolve(Curation change);
}
