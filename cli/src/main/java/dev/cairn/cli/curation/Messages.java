package dev.cairn.cli.curation;

import dev.cairn.cli.query.SessionRefException;
import dev.cairn.ledger.SessionId;
import dev.cairn.projection.MessageRow;
import dev.cairn.projection.View;
import java.util.List;

/** Checks on message ordinals given on the command line. Stateless. */
final class Messages {
  private Messages() {}

  static void requireExists(View view, SessionId session, long ordinal) {
    List<MessageRow> messages = view.queries().messages(session);
    if (messages.stream().noneMatch(m -> m.ordinal() == ordinal)) {
      throw new SessionRefException.NoSuchMessage(session, ordinal, messages.isEmpty() ? -1 : messages.get(messages.size() - 1).ordinal());
    }
  }
}
