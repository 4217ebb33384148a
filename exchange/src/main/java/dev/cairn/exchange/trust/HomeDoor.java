package dev.cairn.exchange.trust;

import dev.cairn.exchange.artifact.ArtifactCorruptException;
import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.Checkpoint;
import dev.cairn.exchange.artifact.CheckpointCodec;
import dev.cairn.exchange.artifact.SigningKey;
import dev.cairn.exchange.transport.ArtifactInfo;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.ledger.Origin;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The door of a home's artifact store, for artifacts other machines push to it (through {@code
 * cairn serve}). Nothing is stored that the home would refuse to apply or relay:
 * <ol>
 *   <li>An artifact of the home's <b>own origin</b> is refused (FORBIDDEN): only this home writes it.
 *   <li>The bytes must be a valid artifact of their name (INVALID otherwise); an encrypted artifact
 *       can only be checked for its age header (its content is not this home's to read).
 *   <li>A checkpoint's number is at most twice its head (INVALID otherwise): every seal adds at least
 *       one event and at most one compaction checkpoint follows it, so an honest writer never gets
 *       further, and a number near the limit cannot be planted to stop a writer.
 *   <li>A checkpoint's key must be the pinned one (CONFLICT, with the {@link KeyClaim} for the home to
 *       record); with no pin, it must match the newest checkpoint already stored for the origin; under
 *       strict trust an origin without a pin is refused (FORBIDDEN). An origin stopped by a key
 *       conflict takes nothing.
 *   <li>A checkpoint may only list segments the store already holds (CONFLICT): segments first, then
 *       the checkpoint that names them.
 * </ol>
 *
 * <p>Thread-safe: the pins are read fresh from {@code pins} for every checkpoint and never written
 * here (the home records claims under its writer lock).
 */
public final class HomeDoor implements Door {
  private final Origin own;
  private final Transport store;
  private final Supplier<PinnedKeys> pins;
  private final Clock clock;
  private final String where;

  /**
   * @param where how to name the source of pushed artifacts in a recorded key claim (for example
   *     {@code "a checkpoint pushed to cairn serve"})
   */
  public HomeDoor(Origin own, Transport store, Supplier<PinnedKeys> pins, Clock clock, String where) {
    this.own = own;
    this.store = store;
    this.pins = pins;
    this.clock = clock;
    this.where = where;
  }

  @Override
  public void admit(ArtifactName name, byte[] bytes) {
    if (name.origin().equals(own)) {
      throw new RefusedArtifactException(RefusedArtifactException.Reason.FORBIDDEN,
          name + ": origin " + own + " is this home's own; only this home writes its artifacts", null);
    }
    Door.verifyOnly().admit(name, bytes);
    if (name.kind() != ArtifactKind.CHECKPOINT) {
      return;
    }
    Checkpoint cp = CheckpointCodec.verify(name, bytes);
    if (cp.number() > 2 * cp.head().value()) {
      throw new RefusedArtifactException(RefusedArtifactException.Reason.INVALID,
          name + ": expected a checkpoint number of at most twice its head (" + 2 * cp.head().value() + "), found " + cp.number(), null);
    }
    checkKey(cp);
    for (ArtifactName seg : cp.segmentNames()) {
      if (store.head(seg).isEmpty()) {
        throw new RefusedArtifactException(RefusedArtifactException.Reason.CONFLICT,
            name + " lists " + seg + ", which this home does not hold: push the segments first, then the checkpoint", null);
      }
    }
  }

  private void checkKey(Checkpoint cp) {
    PinnedKeys p = pins.get();
    Origin origin = cp.origin();
    KeyClaim claim = new KeyClaim(origin, cp.publicKey(), where, clock.instant());
    Optional<Peer> pinned = p.get(origin);
    if (pinned.isPresent()) {
      if (!pinned.get().key().equals(cp.publicKey())) {
        throw new RefusedArtifactException(RefusedArtifactException.Reason.CONFLICT, cp.name() + ": signed by " + cp.publicKey().fingerprint()
            + ", but origin " + origin + " is pinned to " + pinned.get().key().fingerprint() + " here; refused as forged", claim);
      }
      if (p.inConflict(origin)) {
        throw new RefusedArtifactException(RefusedArtifactException.Reason.CONFLICT,
            cp.name() + ": origin " + origin + " is stopped by a key conflict on this home until a person decides", null);
      }
      return;
    }
    if (p.mode() == TrustMode.STRICT) {
      throw new RefusedArtifactException(RefusedArtifactException.Reason.FORBIDDEN, cp.name() + ": origin " + origin + " (key "
          + cp.publicKey().fingerprint() + ") is not trusted on this home (trust = \"strict\")", claim);
    }
    SigningKey.PublicKeyText stored = storedKey(origin);
    if (stored != null && !stored.equals(cp.publicKey())) {
      throw new RefusedArtifactException(RefusedArtifactException.Reason.CONFLICT, cp.name() + ": signed by " + cp.publicKey().fingerprint()
          + ", but this home already holds checkpoints of " + origin + " signed by " + stored.fingerprint() + "; refused as forged", claim);
    }
  }

  /** The key of the newest checkpoint of {@code origin} in the store, or null. */
  private SigningKey.PublicKeyText storedKey(Origin origin) {
    List<ArtifactInfo> cps = store.list(origin, ArtifactKind.CHECKPOINT, null);
    for (int i = cps.size() - 1; i >= 0; i--) {
      try {
        return CheckpointCodec.verify(cps.get(i).name(), store.get(cps.get(i).name())).publicKey();
      } catch (ArtifactCorruptException | dev.cairn.exchange.transport.ArtifactNotFoundException e) {
        // a damaged or vanished one says nothing about the key: look at the one before
      }
    }
    return null;
  }
}
