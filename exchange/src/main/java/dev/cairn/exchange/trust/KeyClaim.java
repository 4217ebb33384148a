package dev.cairn.exchange.trust;

import dev.cairn.exchange.artifact.SigningKey;
import dev.cairn.ledger.Origin;
import java.time.Instant;

/** A key seen claiming an origin: where (a target, a pushed checkpoint, an imported list) and when. Immutable. */
public record KeyClaim(Origin origin, SigningKey.PublicKeyText key, String where, Instant seen) {}
