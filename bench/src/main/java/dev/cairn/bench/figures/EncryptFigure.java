package dev.cairn.bench.figures;

import dev.cairn.bench.Figure;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.crypt.AgeEncryption;
import dev.cairn.exchange.crypt.AgeIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code encrypt} and {@code decrypt}: the segments the seal figure wrote, age-encrypted to an
 * X25519 recipient and opened again, in memory, MB/s. Ceiling: the JDK's ChaCha20-Poly1305 (the
 * AEAD inside age) sealing the same bytes in the same 64 KiB chunks, without age's framing, key
 * agreement and stream plumbing.
 */
public final class EncryptFigure {
  private static final int CHUNK = 64 * 1024;

  private EncryptFigure() {}

  public static List<Figure> run(Path sealedStore) {
    List<byte[]> segments = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sealedStore)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".seg.zst")).toList()) {
        segments.add(Files.readAllBytes(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long bytes = segments.stream().mapToLong(b -> b.length).sum();
    double mb = bytes / 1e6;
    AgeIdentity id = AgeIdentity.generate();
    AgeEncryption age = AgeEncryption.toRecipients(List.of(), List.of(id));
    ArtifactName name = ArtifactName.parsePath("alpha-aaaaaa/segments/" + "0".repeat(64) + ".seg.zst");

    double ceiling = mb / seconds(() -> aead(segments)); // warm-up
    ceiling = Math.max(ceiling, mb / seconds(() -> aead(segments)));
    List<byte[]> encrypted = new ArrayList<>();
    seconds(() -> segments.forEach(age::encrypt)); // warm-up
    double enc = mb / seconds(() -> {
      encrypted.clear();
      segments.forEach(s -> encrypted.add(age.encrypt(s)));
    });
    double dec = mb / seconds(() -> encrypted.forEach(e -> age.decrypt(name, "bench", e)));
    for (int i = 0; i < segments.size(); i++) {
      if (!Arrays.equals(segments.get(i), age.decrypt(name, "bench", encrypted.get(i)))) {
        throw new IllegalStateException("age round trip changed segment " + i);
      }
    }
    String note = String.format("%d segments, %.1f MB, X25519 recipient, in memory", segments.size(), mb);
    return List.of(
        Figure.throughput("encrypt", enc, "MB/s", "JDK ChaCha20-Poly1305 on the same bytes, 64 KiB chunks", ceiling, note),
        Figure.throughput("decrypt", dec, "MB/s", "JDK ChaCha20-Poly1305 on the same bytes, 64 KiB chunks", ceiling, note));
  }

  private static double seconds(Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void aead(List<byte[]> segments) {
    try {
      SecretKeySpec key = new SecretKeySpec(new byte[32], "ChaCha20");
      long counter = 0;
      for (byte[] s : segments) {
        for (int off = 0; off < s.length; off += CHUNK) {
          byte[] nonce = new byte[12];
          long n = counter++;
          for (int i = 0; i < 8; i++) {
            nonce[11 - i] = (byte) (n >>> (8 * i));
          }
          Cipher c = Cipher.getInstance("ChaCha20-Poly1305");
          c.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(nonce));
          c.doFinal(s, off, Math.min(CHUNK, s.length - off));
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
