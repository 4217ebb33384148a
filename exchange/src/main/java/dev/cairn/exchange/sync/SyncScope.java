package dev.cairn.exchange.sync;

import dev.cairn.ledger.Origin;
import java.util.Set;

/**
 * What one exchange with a target does: seal and push this machine's store ({@code push}), pull
 * what the target has ({@code pull}), or both (a sync); a pull may be limited to some origins
 * ({@code from}; empty means every origin the target holds). Immutable.
 */
public record SyncScope(boolean push, boolean pull, Set<Origin> from) {
  public static final SyncScope BOTH = new SyncScope(true, true, Set.of());
  public static final SyncScope PUSH = new SyncScope(true, false, Set.of());

  public SyncScope {
    from = Set.copyOf(from);
    if (!push && !pull) {
      throw new IllegalArgumentException("a sync pushes, pulls or both");
    }
  }

  /** Pull only, from {@code origins} (every origin when empty). */
  public static SyncScope pull(Set<Origin> origins) {
    return new SyncScope(false, true, origins);
  }

  boolean pulls(Origin origin) {
    return pull && (from.isEmpty() || from.contains(origin));
  }
}
