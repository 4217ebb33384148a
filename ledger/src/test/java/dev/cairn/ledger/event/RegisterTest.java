package dev.cairn.ledger.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.ledger.EventFormatException;
import dev.cairn.ledger.SessionId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A register writes back any value its events wrote: write(value) is an event whose register and value are those. */
class RegisterTest {
  private static final SessionId S = SessionId.parse("home-000001~s");

  @Test
  void everyEventsValueWritesBackToTheSameEvent() {
    List<Curation> all = List.of(SessionFlagged.starred(S, null), SessionFlagged.unstarred(S, null), SessionFlagged.trashed(S, null),
        SessionFlagged.restored(S, null), new SessionRenamed(S, "a \"quoted\" title é", null), SessionTagChanged.tagged(S, "ci", null),
        SessionTagChanged.untagged(S, "ci", null), new MessagePinned(S, 3, "the fix", null), new MessagePinned(S, 4, null, null),
        new MessageUnpinned(S, 3, null));
    for (Curation c : all) {
      Curation back = c.register().write(S, c.value());
      assertEquals(c, back, c.type());
      assertEquals(c.value(), back.value());
    }
  }

  @Test
  void aValueTheRegisterDoesNotHoldIsRefused() {
    assertThrows(EventFormatException.class, () -> Register.STARRED.write(S, "\"yes\""));
    assertThrows(EventFormatException.class, () -> Register.DISPLAY_TITLE.write(S, "true"));
    assertThrows(EventFormatException.class, () -> Register.pin(2).write(S, "true"));
    assertThrows(EventFormatException.class, () -> new Register("rating").write(S, "true"));
  }
}
