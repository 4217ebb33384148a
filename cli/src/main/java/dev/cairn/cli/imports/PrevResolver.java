package dev.cairn.cli.imports;

import dev.cairn.ledger.OrderKey;
import dev.cairn.ledger.event.Curation;
import dev.cairn.ledger.event.Event;
import dev.cairn.projection.View;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Fills in {@code prev} for local curation events that were written without one: the version of
 * the register the writer would see, which is the view's winning event or, if a greater one was
 * appended earlier in the same batch, that one. Not thread-safe.
 */
final class PrevResolver {
  private final View view;
  private final Map<String, OrderKey> batch = new HashMap<>();

  PrevResolver(View view) {
    this.view = view;
  }

  Curation resolve(Curation c) {
    if (c.prev() != null) {
      return c;
    }
    Optional<OrderKey> seen = Optional.ofNullable(batch.get(key(c)));
    Optional<OrderKey> stored = view.registerVersion(c.session(), c.register());
    Optional<OrderKey> best = seen.isPresent() && stored.isPresent()
        ? Optional.of(seen.get().compareTo(stored.get()) >= 0 ? seen.get() : stored.get())
        : seen.or(() -> stored);
    return best.map(k -> c.withPrev(k.eventId())).orElse(c);
  }

  /** Records an appended event of this batch. */
  void appended(Event e) {
    if (e.body() instanceof Curation c) {
      batch.merge(key(c), e.orderKey(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
  }

  private static String key(Curation c) {
    return c.session() + "\u0000" + c.register().name();
  }
}
