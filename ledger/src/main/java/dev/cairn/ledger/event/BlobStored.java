package dev.cairn.ledger.event;

import dev.cairn.ledger.SessionId;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import dev.cairn.ledger.EventFormatException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * {@code blob.stored}: the bytes of an image a transcript held, stored once per distinct image (a
 * message names it by SHA-256 in its {@code images}). Travelling as an event, it is sealed,
 * signed, encrypted and synced with everything else, and every machine verifies it the same way.
 *
 * <p>Required: {@code sha256} (64 lowercase hex), {@code media_type} (an image type cairn shows:
 * {@value #TYPES}), {@code data} (standard base64 of at most {@value #MAX_BYTES} bytes). Valid only
 * if the SHA-256 of the decoded data is {@code sha256}: a blob cannot claim another's name.
 * Immutable.
 */
public record BlobStored(String sha256, String mediaType, String data) implements EventBody {
  public static final String TYPE = "blob.stored";
  /** The largest image stored (Anthropic's API takes images up to 5 MB; an event is at most 8 MiB). */
  public static final int MAX_BYTES = 5 * 1024 * 1024;
  /** The media types stored: raster images a browser shows without running anything (never SVG). */
  public static final String TYPES = "image/png, image/jpeg, image/gif, image/webp";

  public BlobStored {
    Objects.requireNonNull(data, "data");
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new EventFormatException("sha256", "64 lowercase hex digits", sha256);
    }
    if (!isStoredType(mediaType)) {
      throw new EventFormatException("media_type", "one of " + TYPES, mediaType);
    }
    if (data.length() > (MAX_BYTES / 3 + 1) * 4) {
      throw new EventFormatException("data", "base64 of at most " + MAX_BYTES + " bytes", data.length() + " characters");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      throw new EventFormatException("data", "standard base64", e.getMessage());
    }
    String actual = sha256Of(bytes);
    if (!actual.equals(sha256)) {
      throw new EventFormatException("sha256", "the SHA-256 of data (" + actual + ")", sha256);
    }
  }

  /** Whether cairn stores and shows images of {@code mediaType}. */
  public static boolean isStoredType(String mediaType) {
    return mediaType != null && (mediaType.equals("image/png") || mediaType.equals("image/jpeg") || mediaType.equals("image/gif")
        || mediaType.equals("image/webp"));
  }

  /** The event for {@code bytes}. */
  public static BlobStored of(String mediaType, byte[] bytes) {
    return new BlobStored(sha256Of(bytes), mediaType, Base64.getEncoder().encodeToString(bytes));
  }

  /** The decoded bytes. */
  public byte[] bytes() {
    return Base64.getDecoder().decode(data);
  }

  public static String sha256Of(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** About no session: an image may be in many. */
  @Override
  public SessionId session() {
    return null;
  }

  @Override
  public void writeTo(Out out) {
    out.put("sha256", sha256).put("media_type", mediaType).put("data", data);
  }

  static BlobStored read(Fields f) {
    return new BlobStored(f.string("sha256"), f.string("media_type"), f.string("data"));
  }
}
