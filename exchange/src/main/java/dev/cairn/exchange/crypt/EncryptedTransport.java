package dev.cairn.exchange.crypt;

import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.transport.ArtifactConflictException;
import dev.cairn.exchange.transport.ArtifactInfo;
import dev.cairn.exchange.transport.PutResult;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.ledger.Origin;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A target that holds only encrypted artifacts: callers see plain names and plaintext bytes; the
 * store underneath sees {@code .age} names ({@link ArtifactName#encrypted()}) and age files.
 * Nothing leaves this machine unencrypted, and identity stays on the plaintext: a segment is still
 * named by the SHA-256 of its plaintext and verified after decryption.
 *
 * <p>Write-once holds for the plaintext: age output is randomised, so a put
 * that meets a taken name decrypts the stored object and compares plaintexts (same: {@link
 * PutResult#ALREADY_PRESENT}; different: {@link ArtifactConflictException}). No HEAD goes before
 * a put: sync only puts what the listing said is missing. Listed sizes are the stored (encrypted)
 * sizes.
 * Thread-safety: that of the wrapped transport.
 */
public final class EncryptedTransport implements Transport {
  private final Transport inner;
  private final AgeEncryption age;

  public EncryptedTransport(Transport inner, AgeEncryption age) {
    this.inner = inner;
    this.age = age;
  }

  @Override
  public String describe() {
    return inner.describe() + " (encrypted: " + age + ")";
  }

  @Override
  public List<Origin> origins() {
    return inner.origins();
  }

  @Override
  public List<ArtifactInfo> list(Origin origin, ArtifactKind kind, ArtifactName after) {
    return inner.list(origin, kind.encrypted(), after == null ? null : after.encrypted()).stream()
        .map(i -> new ArtifactInfo(i.name().plain(), i.bytes(), i.modified()))
        .toList();
  }

  @Override
  public Optional<ArtifactInfo> head(ArtifactName name) {
    return inner.head(name.encrypted()).map(i -> new ArtifactInfo(name.plain(), i.bytes(), i.modified()));
  }

  @Override
  public byte[] get(ArtifactName name) {
    return age.decrypt(name.encrypted(), inner.describe(), inner.get(name.encrypted()));
  }

  @Override
  public PutResult putIfAbsent(ArtifactName name, byte[] bytes) {
    try {
      return inner.putIfAbsent(name.encrypted(), age.encrypt(bytes));
    } catch (ArtifactConflictException e) {
      return samePlaintext(name, bytes); // the name is taken (other ciphertext): fine if it holds the same plaintext
    }
  }

  private PutResult samePlaintext(ArtifactName name, byte[] bytes) {
    if (Arrays.equals(get(name), bytes)) {
      return PutResult.ALREADY_PRESENT;
    }
    throw new ArtifactConflictException(inner.describe(), name.encrypted());
  }

  /** The store underneath, holding the age files. */
  public Transport inner() {
    return inner;
  }

  /** The marker this target carries at its root. */
  public TargetMarker expectedMarker() {
    return age.marker();
  }

  @Override
  public Optional<byte[]> marker() {
    return inner.marker();
  }

  @Override
  public PutResult putMarker(byte[] bytes) {
    return inner.putMarker(bytes);
  }

  @Override
  public boolean isServingHome() {
    return inner.isServingHome();
  }

  @Override
  public void delete(ArtifactName name) {
    inner.delete(name.encrypted());
  }

  @Override
  public boolean moveAside(ArtifactName name, String reason) {
    return inner.moveAside(name.encrypted(), reason);
  }

  @Override
  public void close() {
    inner.close();
  }
}
