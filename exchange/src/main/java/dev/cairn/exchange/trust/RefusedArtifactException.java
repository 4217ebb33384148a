package dev.cairn.exchange.trust;

import dev.cairn.ledger.CairnException;

/**
 * A pushed artifact a {@link Door} will not let in. {@link #reason()} says why in terms a protocol
 * maps to a status (HTTP: 400, 403, 409); {@link #claim()} is the key claim behind a refusal for a
 * wrong key or an untrusted origin, for the home to record and report.
 */
public final class RefusedArtifactException extends CairnException {
  /** Why an artifact was refused. */
  public enum Reason {
    /** Not a valid artifact (format, hash, signature, numbering). */
    INVALID,
    /** Valid, but nobody may put it here: this home's own origin, or an origin not trusted here. */
    FORBIDDEN,
    /** Valid, but it contradicts what is here: another key than the pinned one, or segments the store lacks. */
    CONFLICT
  }

  private final Reason reason;
  private final transient KeyClaim claim;

  public RefusedArtifactException(Reason reason, String message, KeyClaim claim) {
    super(message);
    this.reason = reason;
    this.claim = claim;
  }

  public Reason reason() {
    return reason;
  }

  /** The key claim behind a wrong-key or untrusted-origin refusal, or null. */
  public KeyClaim claim() {
    return claim;
  }

  @Override
  public Kind kind() {
    return reason == Reason.INVALID ? Kind.BAD_INPUT : Kind.CORRUPT;
  }
}
