package dev.cairn.cli.imports;

import dev.cairn.cli.command.BadInputException;
import dev.cairn.cli.home.HomeSession;
import dev.cairn.ledger.Admission;
import dev.cairn.ledger.CairnException;
import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.event.Curation;
import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.EventCodec;
import dev.cairn.ledger.event.Incoming;
import dev.cairn.ledger.json.JsonInput;
import dev.cairn.projection.View;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Imports an NDJSON file of events in two passes, so that a bad batch changes nothing: pass one
 * decodes and checks every line (format, origin of drafts, seq continuity and drift of stamped
 * events against the ledger); pass two appends. Lines without seq and hlc are local drafts,
 * stamped with this origin (a curation draft without prev gets the register version the view
 * holds); lines with a full envelope are appended as foreign events (duplicates are skipped,
 * far-future ones quarantined). Blank lines are ignored. One sync at the end makes the batch
 * durable, then the view catches up.
 *
 * <p>Not thread-safe; one import at a time per home (the ledger lock enforces it).
 */
final class EventFileImport {
  /** What an import did (or, in a dry run, would do). */
  record Summary(long lines, long local, long appended, long duplicates, long quarantined, long viewApplied) {}

  private final HomeSession session;
  private final Ledger ledger;
  private final View view;
  private final String inputName;

  EventFileImport(HomeSession session, String inputName) {
    this.session = session;
    this.ledger = session.ledger();
    this.view = session.view();
    this.inputName = inputName;
  }

  Summary run(Path file, boolean dryRun) throws IOException {
    Summary checked = check(file);
    if (dryRun) {
      return checked;
    }
    view.catchUp(ledger.reader());
    return append(file);
  }

  /** Called for each non-blank line, with its 1-based number. */
  private interface LineHandler {
    void line(Incoming incoming, long number);
  }

  /** Decodes every non-blank line of {@code file} in order; a line that does not decode is a {@link BadInputException}. */
  private long forEachLine(Path file, LineHandler handler) throws IOException {
    long lines = 0;
    try (InputStream in = Files.newInputStream(file)) {
      LineReader reader = new LineReader(in, JsonInput.MAX_DOCUMENT_BYTES);
      for (byte[] line = next(reader); line != null; line = next(reader)) {
        if (!isBlank(line)) {
          lines++;
          handler.line(decode(line, reader.number()), reader.number());
        }
      }
    }
    return lines;
  }

  private Summary check(Path file) throws IOException {
    Admission admission = ledger.admission();
    Origin local = ledger.localOrigin();
    long[] counts = new long[4]; // drafts, appended, duplicates, quarantined
    long lines = forEachLine(file, (incoming, number) -> {
      try {
        if (!incoming.isStamped()) {
          if (incoming.origin() != null && !incoming.origin().equals(local)) {
            throw new BadInputException(inputName, number, "field \"origin\": a local event (no seq, no hlc) must have origin "
                + local + " or none, found \"" + incoming.origin() + "\"");
          }
          admission.local();
          counts[0]++;
        } else {
          switch (admission.check(incoming.event())) {
            case APPENDED -> counts[1]++;
            case DUPLICATE -> counts[2]++;
            case QUARANTINED -> counts[3]++;
            default -> throw new IllegalStateException();
          }
        }
      } catch (BadInputException e) {
        throw e;
      } catch (CairnException e) {
        throw new BadInputException(inputName, number, e.getMessage());
      }
    });
    return new Summary(lines, counts[0], counts[1], counts[2], counts[3], 0);
  }

  private Summary append(Path file) throws IOException {
    PrevResolver prev = new PrevResolver(view);
    long[] counts = new long[4];
    long lines;
    try {
      lines = forEachLine(file, (incoming, number) -> {
        if (!incoming.isStamped()) {
          Draft draft = incoming.draft();
          if (draft.body() instanceof Curation c) {
            draft = new Draft(prev.resolve(c), draft.unknown());
          }
          prev.appended(ledger.appendLocal(draft));
          counts[0]++;
        } else {
          Event e = incoming.event();
          switch (ledger.appendForeign(e)) {
            case APPENDED -> {
              counts[1]++;
              prev.appended(e);
            }
            case DUPLICATE -> counts[2]++;
            case QUARANTINED -> counts[3]++;
            default -> throw new IllegalStateException();
          }
        }
      });
    } finally {
      ledger.sync(); // what was appended before a bad line stays durable and consistent
    }
    long applied = session.commit();
    return new Summary(lines, counts[0], counts[1], counts[2], counts[3], applied);
  }

  private byte[] next(LineReader reader) throws IOException {
    try {
      return reader.next();
    } catch (LineReader.LineTooLongException e) {
      throw new BadInputException(inputName, e.line, "expected an event of at most " + JsonInput.MAX_DOCUMENT_BYTES + " bytes, found a longer line");
    }
  }

  private Incoming decode(byte[] line, long number) {
    try {
      return EventCodec.decodeIncoming(line, 0, line.length);
    } catch (CairnException e) {
      throw new BadInputException(inputName, number, e.getMessage());
    }
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t') {
        return false;
      }
    }
    return true;
  }

}
