package dev.cairn.ledger.event;

import dev.cairn.ledger.EventFormatException;
import dev.cairn.ledger.EventId;
import dev.cairn.ledger.Hlc;
import dev.cairn.ledger.OrderKey;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.Seq;
import java.util.Objects;

/**
 * A stamped event: the envelope ({@code v}, {@code origin}, {@code seq}, {@code hlc}, {@code
 * type}) plus a typed {@link EventBody} and any fields this version does not know. See
 * docs/events.md for the byte-exact line format ({@link EventCodec}).
 *
 * <p>Immutable and thread-safe.
 */
public record Event(Origin origin, Seq seq, Hlc hlc, EventBody body, UnknownFields unknown) {
  /** The envelope format version this code writes and reads. */
  public static final int VERSION = 1;

  public Event {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(hlc, "hlc");
    Objects.requireNonNull(body, "body");
    if (seq == null || seq.value() < 1) {
      throw new EventFormatException("seq", "a positive integer", String.valueOf(seq));
    }
    unknown = unknown == null ? UnknownFields.NONE : unknown;
  }

  public Event(Origin origin, Seq seq, Hlc hlc, EventBody body) {
    this(origin, seq, hlc, body, UnknownFields.NONE);
  }

  public String type() {
    return body.type();
  }

  public EventId id() {
    return new EventId(origin, seq);
  }

  public OrderKey orderKey() {
    return new OrderKey(hlc, origin, seq);
  }

  /** The event without its stamp, as a local writer would have drafted it. */
  public Draft draft() {
    return new Draft(body, unknown);
  }
}
