package dev.cairn.ledger.clock;

import dev.cairn.ledger.CairnException;
import dev.cairn.ledger.Hlc;
import java.time.Duration;

/**
 * A remote timestamp is further ahead of local physical time than the allowed maximum drift.
 * The clock is left unchanged; the event that carried it is quarantined, not applied.
 */
public final class ClockDriftException extends CairnException {
  private final Hlc remote;
  private final long physicalMillis;
  private final Duration maxDrift;

  public ClockDriftException(Hlc remote, long physicalMillis, Duration maxDrift) {
    super("timestamp " + remote + " is " + Duration.ofMillis(remote.wall() - physicalMillis).toSeconds()
        + " s ahead of this machine's clock; at most " + maxDrift.toSeconds() + " s is accepted");
    this.remote = remote;
    this.physicalMillis = physicalMillis;
    this.maxDrift = maxDrift;
  }

  public Hlc remote() {
    return remote;
  }

  public long physicalMillis() {
    return physicalMillis;
  }

  public Duration maxDrift() {
    return maxDrift;
  }

  @Override
  public Kind kind() {
    return Kind.BAD_INPUT;
  }
}
