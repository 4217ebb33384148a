package dev.cairn.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.event.Event;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standard scenario delivered origin by origin; checks each rule of the view on the result. */
class ProjectionRulesTest {
  @TempDir Path dir;
  private View view;
  private Ledger ledger;

  @BeforeEach
  void deliver() {
    ledger = Homes.ledger(dir);
    for (Event e : Scenario.standard().all()) {
      ledger.appendForeign(e);
    }
    view = View.open(dir.resolve("view.db"));
    view.catchUp(ledger.reader());
  }

  @org.junit.jupiter.api.AfterEach
  void close() {
    view.close();
    ledger.close();
  }

  private Map<String, SessionRow> sessions() {
    return view.queries().sessions(true, 0).stream().collect(Collectors.toMap(SessionRow::session, r -> r));
  }

  @Test
  void theRecordedFieldsComeFromTheLatestRecord() {
    SessionRow one = sessions().get("alpha-aaaaaa~one");
    assertEquals("2025-11-21T20:00:00Z", one.endedAt());
    assertEquals(5, one.messages());
  }

  @Test
  void theCuratedTitleIsTheRegisterWithTheGreatestOrderKey() {
    assertEquals("Alpha again", sessions().get("alpha-aaaaaa~one").title());
  }

  @Test
  void aThreeWayForkRecordsTwoLosersAndTheWinnerStands() {
    List<ConflictRow> renames = view.queries().conflicts().stream().filter(c -> c.register().equals("display_title")).toList();
    assertEquals(2, renames.size());
    for (ConflictRow c : renames) {
      assertEquals("charlie-cccccc", c.winnerOrigin());
      assertEquals("\"Charlie's name\"", c.winnerValue());
      assertEquals("", c.prev());
    }
    assertEquals(List.of("alpha-aaaaaa", "bravo-bbbbbb"), renames.stream().map(ConflictRow::loserOrigin).toList());
  }

  @Test
  void laterWritesThatSawAVersionAreNotConflictsAndEqualValuesAreNotForks() {
    List<ConflictRow> all = view.queries().conflicts();
    assertTrue(all.stream().noneMatch(c -> c.register().startsWith("tag:")), "same-value tags or a causal untag are not conflicts");
    assertTrue(all.stream().noneMatch(c -> !c.prev().isEmpty()), "writes that named a prev were alone in their group");
    assertEquals(4, all.size(), all.toString());
  }

  @Test
  void starRaceAndPinRaceAreRecorded() {
    List<ConflictRow> all = view.queries().conflicts();
    ConflictRow star = all.stream().filter(c -> c.register().equals("starred")).findFirst().orElseThrow();
    assertEquals("false", star.winnerValue()); // equal wall times: origin breaks the tie, charlie > bravo
    assertEquals("bravo-bbbbbb", star.loserOrigin());
    ConflictRow pin = all.stream().filter(c -> c.register().equals("pin:2")).findFirst().orElseThrow();
    assertEquals("{\"note\":\"the real fix\",\"pinned\":true}", pin.winnerValue());
    SessionRow two = sessions().get("bravo-bbbbbb~two");
    assertFalse(two.starred());
    assertTrue(two.trashed());
    assertEquals("infra", two.tags());
    assertEquals(1, sessions().get("alpha-aaaaaa~one").pins());
    assertEquals(null, sessions().get("alpha-aaaaaa~one").tags(), "untagged");
  }

  @Test
  void aPurgeRemovesTheSessionAndEverythingAfterItIsIgnored() {
    assertFalse(sessions().containsKey("alpha-aaaaaa~three"));
    assertEquals(1, view.queries().count("tombstones"));
    assertTrue(view.queries().conflicts().stream().noneMatch(c -> c.session().equals("alpha-aaaaaa~three")));
    assertEquals(1, view.position().skippedPurged(), "the message written after the purge is skipped and counted");
    assertEquals(List.of(), view.queries().messages(dev.cairn.ledger.SessionId.parse("alpha-aaaaaa~three")));
  }

  @Test
  void unknownTypesAreSkippedAndCountedAndThePositionCoversEverything() {
    Position p = view.position();
    assertEquals(1, p.skippedUnknown());
    assertEquals(Scenario.standard().all().size(), p.entries());
    assertEquals(ledger.state().lastIndex(), p.ledgerIndex());
  }

  @Test
  void aSecondCatchUpAppliesNothing() {
    String before = view.digest();
    assertEquals(0, view.catchUp(ledger.reader()));
    assertEquals(before, view.digest());
  }

  @Test
  void theLaterWriteOfTheSameMessageIsTheMessage() throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("view.db"));
        var rs = c.createStatement().executeQuery("SELECT text FROM messages WHERE session = 'alpha-aaaaaa~one' AND ordinal = 4")) {
      assertTrue(rs.next());
      assertEquals("alpha message 4, edited", rs.getString(1));
    }
  }

  @Test
  void fullTextSearchFindsMessages() throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("view.db"));
        var rs = c.createStatement().executeQuery(
            "SELECT m.session, m.ordinal FROM messages_fts f JOIN messages m ON m.rowid = f.rowid WHERE messages_fts MATCH 'bravo'")) {
      assertTrue(rs.next());
      assertEquals("bravo-bbbbbb~two", rs.getString(1));
      assertFalse(rs.next());
    }
  }
}
