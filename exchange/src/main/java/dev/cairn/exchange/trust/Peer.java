package dev.cairn.exchange.trust;

import dev.cairn.exchange.artifact.SigningKey;
import dev.cairn.ledger.Origin;
import java.time.Instant;

/**
 * What this home knows about an origin: its pinned public key (trust on first use), the latest
 * checkpoint verified and applied (number and head seq) and when it was last seen. Immutable.
 */
public record Peer(Origin origin, SigningKey.PublicKeyText key, Instant pinnedAt, long checkpoint, long head, Instant lastSeen) {
  Peer withCheckpoint(long number, long newHead, Instant seen) {
    return new Peer(origin, key, pinnedAt, Math.max(checkpoint, number), Math.max(head, newHead), seen);
  }
}
