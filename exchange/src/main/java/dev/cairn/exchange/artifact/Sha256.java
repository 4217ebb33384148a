package dev.cairn.exchange.artifact;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A SHA-256 digest in its one canonical form: 64 lower-case hex digits. */
public record Sha256(String hex) {
  private static final Pattern VALID = Pattern.compile("[0-9a-f]{64}");

  public Sha256 {
    if (hex == null || !VALID.matcher(hex).matches()) {
      throw new ArtifactNameException("a SHA-256 of 64 lower-case hex digits", hex);
    }
  }

  public static Sha256 of(byte[] bytes) {
    return of(bytes, 0, bytes.length);
  }

  public static Sha256 of(byte[] bytes, int offset, int length) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(bytes, offset, length);
      return new Sha256(HexFormat.of().formatHex(d.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The digest as base64 of its 32 bytes (the form S3's {@code x-amz-checksum-sha256} takes). */
  public String base64() {
    return java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
  }

  public static boolean isValid(String hex) {
    return hex != null && VALID.matcher(hex).matches();
  }

  @Override
  public String toString() {
    return hex;
  }
}
