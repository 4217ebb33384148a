package dev.cairn.exchange.trust;

import dev.cairn.exchange.artifact.SigningKey;
import dev.cairn.ledger.CairnException;
import dev.cairn.ledger.Origin;

/**
 * Two keys claim one origin: the pinned one and another one seen somewhere. Nothing more from that
 * origin is applied until a person decides which key is the machine's ({@code cairn peers trust}).
 */
public final class KeyConflictException extends CairnException {
  private final Origin origin;

  public KeyConflictException(Origin origin, SigningKey.PublicKeyText pinned, KeyClaim other) {
    super("key conflict for origin " + origin + ": pinned " + pinned.fingerprint() + ", but " + other.key().fingerprint() + " claims it ("
        + other.where() + "); nothing more from " + origin + " is applied until you decide: check keys/signing.pub on that machine, then"
        + " cairn peers trust " + origin + " --key KEY");
    this.origin = origin;
  }

  public Origin origin() {
    return origin;
  }

  @Override
  public Kind kind() {
    return Kind.CORRUPT;
  }
}
