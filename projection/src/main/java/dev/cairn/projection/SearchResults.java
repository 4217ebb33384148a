package dev.cairn.projection;

import java.util.List;

/**
 * What a search found: the hits, best first, and whether more messages matched than the ranking
 * covers ({@link SessionQueries#SEARCH_WINDOW}; the hits are then the best of the newest ones, and
 * more words would narrow the search). Immutable.
 */
public record SearchResults(List<SearchHit> hits, boolean windowed) {
  public SearchResults {
    hits = List.copyOf(hits);
  }
}
