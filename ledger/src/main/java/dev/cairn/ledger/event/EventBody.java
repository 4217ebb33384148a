package dev.cairn.ledger.event;

import dev.cairn.ledger.SessionId;

/**
 * The type-specific part of an event. One record per v1 type (SPEC §2), plus {@link UnknownEvent}
 * for types this version does not know, which are stored and passed on but not interpreted.
 *
 * <p>Records are immutable and thread-safe.
 */
public sealed interface EventBody
    permits SessionRecorded, MessageAppended, Curation, SessionPurged, BlobStored, UnknownEvent {

  /** The event's {@code type} field, for example {@code session.starred}. */
  String type();

  /** The session the event is about, or null for an unknown type and a {@link BlobStored}. */
  SessionId session();

  /** Writes this body's fields (not the envelope) into {@code out}. */
  void writeTo(Out out);
}
