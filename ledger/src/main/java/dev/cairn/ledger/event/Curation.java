package dev.cairn.ledger.event;

import dev.cairn.ledger.EventId;

/**
 * A curation event: it sets one last-writer-wins {@link Register} of a session to a value, and
 * names in {@code prev} the register version (the id of the winning event) its writer saw, or
 * null when the writer saw no value. Events on the same register with the same {@code prev} from
 * different origins and with different values are a fork: a recorded conflict.
 */
public sealed interface Curation extends EventBody
    permits SessionFlagged, SessionRenamed, SessionTagChanged, MessagePinned, MessageUnpinned {

  Register register();

  /** The register's new value as canonical JSON text (for example {@code true} or {@code "a title"}). */
  String value();

  /** The register version the writer saw, or null. */
  EventId prev();

  /** The same event with {@code prev} replaced. */
  Curation withPrev(EventId prev);
}
