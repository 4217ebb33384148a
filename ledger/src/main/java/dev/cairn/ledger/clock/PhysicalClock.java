package dev.cairn.ledger.clock;

/**
 * The physical time source of a {@link HybridClock}, injected so tests can use a manual clock.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface PhysicalClock {
  /** Milliseconds since the Unix epoch. May go backwards; the hybrid clock never does. */
  long nowMillis();

  /** The system's wall clock. */
  PhysicalClock SYSTEM = System::currentTimeMillis;
}
