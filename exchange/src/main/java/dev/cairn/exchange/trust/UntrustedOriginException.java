package dev.cairn.exchange.trust;

import dev.cairn.ledger.CairnException;

/** Under {@code trust = "strict"}, an origin nobody pinned: its artifacts are held back until trusted. */
public final class UntrustedOriginException extends CairnException {
  public UntrustedOriginException(KeyClaim claim) {
    super("held back: origin " + claim.origin() + " (key " + claim.key().fingerprint() + ", seen at " + claim.where()
        + ") is not trusted here (trust = \"strict\"); to trust it: cairn peers trust " + claim.origin() + " --key " + claim.key());
  }

  @Override
  public Kind kind() {
    return Kind.STATE;
  }
}
