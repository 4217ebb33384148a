package dev.cairn.ledger.event;

import java.util.Objects;

/**
 * An event before the ledger stamps it with origin, seq and HLC: what a local writer (an
 * importer, a curation verb) hands to {@code Ledger.appendLocal}. It may carry its {@link
 * CanonicalBody} ({@link #encoded}), computed once by a writer that needs those bytes anyway (the
 * importer hashes them); the ledger then puts the envelope around them instead of encoding the
 * event again. Immutable.
 */
public record Draft(EventBody body, UnknownFields unknown, CanonicalBody canonical) {
  public Draft {
    Objects.requireNonNull(body, "body");
    unknown = unknown == null ? UnknownFields.NONE : unknown;
  }

  public Draft(EventBody body, UnknownFields unknown) {
    this(body, unknown, null);
  }

  public Draft(EventBody body) {
    this(body, UnknownFields.NONE, null);
  }

  /** A draft of {@code body} carrying its {@link CanonicalBody}. */
  public static Draft encoded(EventBody body) {
    return new Draft(body, UnknownFields.NONE, CanonicalBody.of(body, UnknownFields.NONE));
  }
}
