package dev.cairn.ledger.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.ledger.EventFormatException;
import dev.cairn.ledger.json.JsonInput;

/**
 * An image a message held, by reference: its media type, its size in bytes and the SHA-256 of its
 * bytes, which a {@link BlobStored} event carries once (or not at all, when the image was too large
 * or of a type cairn does not store: the reference still says what was there). Immutable.
 */
public record ImageRef(String sha256, String mediaType, long bytes) {
  public ImageRef {
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new EventFormatException("images[].sha256", "64 lowercase hex digits", sha256);
    }
    if (!Text.isLabel(mediaType, 100)) {
      throw new EventFormatException("images[].media_type", "a media type such as image/png", mediaType);
    }
    if (bytes < 0) {
      throw new EventFormatException("images[].bytes", "a non-negative size", Long.toString(bytes));
    }
  }

  /** What {@code show} prints for it: {@code [image png 212 KB]}. */
  public String label() {
    String type = mediaType.startsWith("image/") ? mediaType.substring("image/".length()) : mediaType;
    String size = bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes + 512) / 1024 + " KB" : String.format("%.1f MB", bytes / 1048576.0);
    return "[image " + type + " " + size + "]";
  }

  ObjectNode toJson() {
    ObjectNode o = JsonInput.nodes().objectNode();
    o.put("bytes", bytes).put("media_type", mediaType).put("sha256", sha256);
    return o;
  }

  static ImageRef read(JsonNode n) {
    if (n == null || !n.isObject() || !n.path("sha256").isTextual() || !n.path("media_type").isTextual() || !n.path("bytes").canConvertToLong()) {
      throw new EventFormatException("images[]", "an object with sha256, media_type and bytes", n == null ? null : n.toString());
    }
    return new ImageRef(n.get("sha256").textValue(), n.get("media_type").textValue(), n.get("bytes").longValue());
  }
}
