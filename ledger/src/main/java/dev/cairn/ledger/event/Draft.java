package dev.cairn.ledger.event;

import java.util.Objects;

/**
 * An event before the ledger stamps it with origin, seq and HLC: what a local writer (an
 * importer, a curation verb) hands to {@code Ledger.appendLocal}. Immutable.
 */
public record Draft(EventBody body, UnknownFields unknown) {
  public Draft {
    Objects.requireNonNull(body, "body");
    unknown = unknown == null ? UnknownFields.NONE : unknown;
  }

  public Draft(EventBody body) {
    this(body, UnknownFields.NONE);
  }
}
