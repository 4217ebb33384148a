package dev.cairn.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.ledger.Hlc;
import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.Seq;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.EventBody;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.SessionFlagged;
import dev.cairn.ledger.event.SessionRecorded;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search: the ranking window over the newest matches, snippets, the session filters it shares
 * with the list, and the list's new filters (machine, until, title text).
 */
class SearchTest {
  static final Origin A = new Origin("alpha-aaaaaa");
  static final Origin B = new Origin("bravo-bbbbbb");
  static final SessionId OLD = SessionId.parse("alpha-aaaaaa~old");
  static final SessionId NEW = SessionId.parse("alpha-aaaaaa~new");
  static final SessionId BRAVO = SessionId.parse("bravo-bbbbbb~far");
  static final SessionId BIN = SessionId.parse("alpha-aaaaaa~binned");

  @TempDir Path dir;
  private final Map<Origin, Integer> seqs = new HashMap<>();
  private Ledger ledger;
  private View view;

  @BeforeEach
  void deliver() {
    ledger = Homes.ledger(dir);
    add(A, recorded(OLD, "Old work on the parser", "claude-code", "2025-11-01T09:00:00Z"));
    add(A, message(OLD, 0, "the zebra appears once, long ago, with common words"));
    for (int i = 1; i <= 30; i++) {
      add(A, message(OLD, i, "common words number " + i));
    }
    add(A, recorded(NEW, "New work", "claude-code", "2025-11-20T09:00:00Z"));
    for (int i = 0; i < 20; i++) {
      add(A, message(NEW, i, "common words again " + i));
    }
    add(B, recorded(BRAVO, "Far away", "codex", "2025-11-21T09:00:00Z"));
    add(B, message(BRAVO, 0, "common words from bravo"));
    add(A, recorded(BIN, "Binned", "claude-code", "2025-11-22T09:00:00Z"));
    add(A, message(BIN, 0, "common words in the bin, and a zebra"));
    add(A, new SessionFlagged(SessionFlagged.Flag.TRASHED, BIN, null));
    view = View.open(dir.resolve("view.db"));
    view.catchUp(ledger.reader());
  }

  @AfterEach
  void close() {
    view.close();
    ledger.close();
  }

  @Test
  void aRareWordIsFoundWhereverItIsAndTheSearchSaysItRankedEverything() {
    SearchResults r = view.queries().search("\"zebra\"", SessionFilter.DEFAULT, 10, 5);
    assertFalse(r.windowed(), "one match (the trashed one is not searched): no window");
    assertEquals(1, r.hits().size());
    SearchHit hit = r.hits().get(0);
    assertEquals(OLD.toString(), hit.session());
    assertEquals(0, hit.ordinal());
    assertEquals("Old work on the parser", hit.title());
    assertTrue(hit.snippet().contains("[zebra]"), hit.snippet());
  }

  @Test
  void aCommonWordIsRankedAmongTheNewestMatchesAndTheResultSaysSo() {
    SearchResults r = view.queries().search("\"common\"", SessionFilter.DEFAULT, 100, 5);
    assertTrue(r.windowed(), "52 matches, a window of 5");
    assertEquals(5, r.hits().size(), "all of the window and nothing older");
    // the newest five matching messages that are not trashed: bravo's one and NEW's last four
    assertEquals(Map.of(NEW.toString(), 4L, BRAVO.toString(), 1L),
        r.hits().stream().collect(java.util.stream.Collectors.groupingBy(SearchHit::session, java.util.stream.Collectors.counting())));
    SearchResults all = view.queries().search("\"common\"", SessionFilter.DEFAULT, 100, 1000);
    assertFalse(all.windowed());
    assertEquals(52, all.hits().size());
    assertEquals(all.hits(), view.queries().search("\"common\"", SessionFilter.DEFAULT, 100).hits(), "the default window covers them all");
  }

  @Test
  void theLimitKeepsTheBestAndSnippetsAreBuiltForThoseOnly() {
    SearchResults r = view.queries().search("\"common\"", SessionFilter.DEFAULT, 3, 1000);
    assertEquals(3, r.hits().size());
    for (int i = 1; i < r.hits().size(); i++) {
      assertTrue(r.hits().get(i - 1).rank() <= r.hits().get(i).rank(), "best (lowest bm25) first: " + r.hits());
    }
    r.hits().forEach(h -> assertTrue(h.snippet().contains("[common]"), h.snippet()));
  }

  @Test
  void searchTakesTheListsFilters() {
    assertEquals(List.of(BRAVO.toString()), sessions(view.queries().search("\"common\"", SessionFilter.DEFAULT.withOrigin(B.toString()), 100)));
    assertEquals(List.of(BRAVO.toString()), sessions(view.queries().search("\"common\"", SessionFilter.DEFAULT.withAgent("codex"), 100)));
    assertEquals(List.of(OLD.toString()), sessions(view.queries().search("\"common\"", SessionFilter.DEFAULT.withUntil("2025-11-01"), 100)));
    assertEquals(List.of(BIN.toString()),
        sessions(view.queries().search("\"zebra\"", SessionFilter.DEFAULT.withTrashed(SessionFilter.Trashed.ONLY), 100)));
    assertEquals(List.of(BIN.toString(), OLD.toString()), sessions(view.queries().search("\"zebra\"", true, 100)));
  }

  @Test
  void theListFiltersByMachineDateRangeAndTitleText() {
    assertEquals(List.of(BRAVO.toString()), ids(SessionFilter.DEFAULT.withOrigin("bravo-bbbbbb")));
    assertEquals(List.of(BRAVO.toString(), NEW.toString()), ids(SessionFilter.DEFAULT.withSince("2025-11-20").withUntil("2025-11-21")),
        "until is inclusive of the whole day");
    assertEquals(List.of(OLD.toString()), ids(SessionFilter.DEFAULT.withTitleText("PARSER")));
    assertEquals(List.of(), ids(SessionFilter.DEFAULT.withUntil("2025-10")));
  }

  @Test
  void aMalformedQueryIsATypedError() {
    assertThrows(SearchSyntaxException.class, () -> view.queries().search("\"unclosed", SessionFilter.DEFAULT, 10));
  }

  private List<String> ids(SessionFilter f) {
    return view.queries().sessions(f).stream().map(SessionRow::session).toList();
  }

  private static List<String> sessions(SearchResults r) {
    return r.hits().stream().map(SearchHit::session).distinct().sorted().toList();
  }

  private void add(Origin o, EventBody body) {
    int seq = seqs.merge(o, 1, Integer::sum);
    ledger.appendForeign(new Event(o, new Seq(seq), new Hlc(1_763_754_392_000L + 1000L * (seqs.values().stream().mapToInt(i -> i).sum()), 0),
        body, dev.cairn.ledger.event.UnknownFields.NONE));
  }

  private static SessionRecorded recorded(SessionId id, String title, String agent, String started) {
    return new SessionRecorded(id, agent, "cairn", title, Instant.parse(started), null, "/tmp/" + id.nativeId() + ".jsonl", null,
        "/home/dev/cairn", "main");
  }

  private static MessageAppended message(SessionId id, long ordinal, String text) {
    return new MessageAppended(id, ordinal, ordinal % 2 == 0 ? "user" : "assistant", text, null,
        Instant.parse("2025-11-21T19:00:00Z").plusSeconds(ordinal), null, List.of(), null);
  }
}
