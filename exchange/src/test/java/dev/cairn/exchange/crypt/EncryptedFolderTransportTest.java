package dev.cairn.exchange.crypt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.exchange.artifact.ArtifactCorruptException;
import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.transport.Artifacts;
import dev.cairn.exchange.transport.FolderTransport;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.exchange.transport.TransportContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transport contract through an encrypting wrapper, and what the store underneath holds. */
class EncryptedFolderTransportTest extends TransportContract {
  private static final AgeIdentity ME = AgeIdentity.generate();
  @TempDir Path dir;

  @Override
  protected Transport create() {
    return new EncryptedTransport(new FolderTransport(dir.resolve("target")), AgeEncryption.toRecipients(List.of(), List.of(ME)));
  }

  @Override
  protected void plant(String path, byte[] bytes) throws Exception {
    plantInFolder(dir.resolve("target"), path, bytes);
  }

  @Override
  protected boolean storesPlaintext() {
    return false;
  }

  @Test
  void theStoreHoldsOnlyAgeFilesUnderAgeNamesAndNoPlaintext() throws Exception {
    FolderTransport inner = new FolderTransport(dir.resolve("raw"));
    Transport t = new EncryptedTransport(inner, AgeEncryption.toRecipients(List.of(), List.of(ME)));
    Artifacts.Named seg = Artifacts.segment(A, 5, 0);
    t.putIfAbsent(seg.name(), seg.bytes());
    assertEquals(List.of(), inner.list(A, ArtifactKind.SEGMENT, null), "no plain name");
    assertEquals(List.of(seg.name().encrypted()), inner.list(A, ArtifactKind.SEGMENT_AGE, null).stream().map(i -> i.name()).toList());
    Path file = dir.resolve("raw").resolve(seg.name().encrypted().path());
    assertTrue(file.getFileName().toString().endsWith(".seg.zst.age"), file.toString());
    byte[] stored = Files.readAllBytes(file);
    assertTrue(new String(stored, 0, 22, java.nio.charset.StandardCharsets.US_ASCII).startsWith("age-encryption.org/v1"));
    assertFalse(indexOf(stored, java.util.Arrays.copyOfRange(seg.bytes(), 0, 16)) >= 0, "the zstd frame does not appear in the clear");
    assertArrayEquals(seg.bytes(), t.get(seg.name()));
  }

  @Test
  void anotherMachinesKeyCannotOpenItAndSaysWhich() {
    FolderTransport inner = new FolderTransport(dir.resolve("raw2"));
    Artifacts.Named seg = Artifacts.segment(A, 2, 0);
    new EncryptedTransport(inner, AgeEncryption.toRecipients(List.of(), List.of(ME))).putIfAbsent(seg.name(), seg.bytes());
    Transport stranger = new EncryptedTransport(inner, AgeEncryption.toRecipients(List.of(), List.of(AgeIdentity.generate())));
    DecryptionException e = assertThrows(DecryptionException.class, () -> stranger.get(seg.name()));
    assertTrue(e.getMessage().contains(seg.name().encrypted().toString()) && e.getMessage().contains(inner.describe()), e.getMessage());
    Transport wrongPass = new EncryptedTransport(inner, AgeEncryption.withPassphrase(new Passphrase("nope"), 10));
    assertThrows(DecryptionException.class, () -> wrongPass.get(seg.name()));
  }

  @Test
  void aRecipientListedBesideMeCanOpenIt() {
    AgeIdentity friend = AgeIdentity.generate();
    FolderTransport inner = new FolderTransport(dir.resolve("raw3"));
    Artifacts.Named seg = Artifacts.segment(A, 2, 0);
    new EncryptedTransport(inner, AgeEncryption.toRecipients(List.of(friend.recipient()), List.of(ME))).putIfAbsent(seg.name(), seg.bytes());
    Transport theirs = new EncryptedTransport(inner, AgeEncryption.toRecipients(List.of(), List.of(friend)));
    assertArrayEquals(seg.bytes(), theirs.get(seg.name()));
  }

  @Test
  void aFlippedCiphertextByteIsCorruptionNotAKeyProblem() throws Exception {
    FolderTransport inner = new FolderTransport(dir.resolve("raw4"));
    Transport t = new EncryptedTransport(inner, AgeEncryption.toRecipients(List.of(), List.of(ME)));
    Artifacts.Named seg = Artifacts.segment(A, 40, 0);
    t.putIfAbsent(seg.name(), seg.bytes());
    Path file = dir.resolve("raw4").resolve(seg.name().encrypted().path());
    byte[] b = Files.readAllBytes(file);
    b[b.length - 5] ^= 0x01;
    file.toFile().setWritable(true);
    Files.write(file, b);
    assertThrows(ArtifactCorruptException.class, () -> t.get(seg.name()));
  }

  @Test
  void passphraseModeRoundTripsAndRefusesAMalformedRecipient() {
    Transport t = new EncryptedTransport(new FolderTransport(dir.resolve("raw5")), AgeEncryption.withPassphrase(new Passphrase("correct horse"), 10));
    Artifacts.Named seg = Artifacts.segment(A, 3, 0);
    t.putIfAbsent(seg.name(), seg.bytes());
    assertArrayEquals(seg.bytes(), t.get(seg.name()));
    EncryptionSetupException e = assertThrows(EncryptionSetupException.class, () -> new AgeRecipient("age1notarecipient"));
    assertTrue(e.getMessage().startsWith("expected "), e.getMessage());
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
