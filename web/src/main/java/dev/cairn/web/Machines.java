package dev.cairn.web;

import java.util.List;

/**
 * What the peers and sync pages show, supplied by the composition root (the exchange side of a
 * home, which this module does not see): the machines this home knows and its named targets, and
 * a way to sync now.
 */
public interface Machines {
  /** One origin: its pinned key, newest verified checkpoint and head, this home's high-water mark for it. Immutable. */
  record Peer(String origin, boolean thisMachine, String fingerprint, long checkpoint, long head, long localHighWater, String lastSeen,
      boolean keyConflict) {}

  /** One named target: where it is, how fresh, what failed. Immutable. */
  record Target(String name, String url, String encryption, String staleness, String lastSuccess, String lastError, String paused,
      int deadLetters) {}

  List<Peer> peers();

  List<Target> targets();

  /** Asks the service to sync every named target soon. */
  void syncNow();

  /** For a UI without a service behind it (tests, a read-only view): no machines, nothing to sync. */
  Machines NONE = new Machines() {
    @Override
    public List<Peer> peers() {
      return List.of();
    }

    @Override
    public List<Target> targets() {
      return List.of();
    }

    @Override
    public void syncNow() {
    }
  };
}
