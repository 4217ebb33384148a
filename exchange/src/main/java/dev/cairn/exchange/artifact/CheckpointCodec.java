package dev.cairn.exchange.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.ledger.CairnException;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.Seq;
import dev.cairn.ledger.json.CanonicalJson;
import dev.cairn.ledger.json.JsonInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Encodes, signs and verifies checkpoints.
 *
 * <p>A checkpoint file is one canonical JSON object and a {@code \n}:
 * <pre>
 * {"checkpoint":N,"format":"cairn-checkpoint","head":H,"origin":"...","public_key":"ed25519:...",
 *  "segments":[{"bytes":B,"count":C,"first_seq":F,"last_seq":L,"sha256":"..."},...],
 *  "signature":"<base64 Ed25519 signature>","v":1}
 * </pre>
 * The signature covers the canonical bytes of the same object without the {@code signature}
 * field (no newline).
 *
 * <p>Valid if and only if: the bytes are that object in canonical form plus {@code \n}; format and
 * version match; the origin and number match the file's name; the segments cover seqs 1..head
 * contiguously in order (first_seq of the first is 1, each next starts one after the previous
 * ends, the last ends at head; count = last - first + 1); and the signature verifies with the
 * checkpoint's public key. Whether that key is the one trusted for the origin is the caller's
 * decision (trust on first use).
 *
 * <p>Thread-safety: stateless.
 */
public final class CheckpointCodec {
  public static final String FORMAT = "cairn-checkpoint";

  private CheckpointCodec() {}

  public static byte[] encode(Checkpoint c, SigningKey key) {
    if (!key.publicKey().equals(c.publicKey())) {
      throw new IllegalArgumentException("checkpoint names key " + c.publicKey() + " but is signed with " + key.publicKey());
    }
    ObjectNode node = unsigned(c);
    byte[] signature = key.sign(CanonicalJson.encode(node));
    node.put("signature", Base64.getEncoder().encodeToString(signature));
    byte[] body = CanonicalJson.encode(node);
    byte[] out = Arrays.copyOf(body, body.length + 1);
    out[body.length] = '\n';
    return out;
  }

  private static ObjectNode unsigned(Checkpoint c) {
    ObjectNode o = JsonInput.nodes().objectNode();
    o.put("checkpoint", c.number()).put("format", FORMAT).put("head", c.head().value()).put("origin", c.origin().value())
        .put("public_key", c.publicKey().text()).put("v", 1);
    ArrayNode segs = o.putArray("segments");
    for (SegmentRef r : c.segments()) {
      segs.addObject().put("bytes", r.bytes()).put("count", r.count()).put("first_seq", r.first().value())
          .put("last_seq", r.last().value()).put("sha256", r.sha256().hex());
    }
    return o;
  }

  /** Verifies {@code bytes} as checkpoint {@code name}; see the class comment. */
  public static Checkpoint verify(ArtifactName name, byte[] bytes) {
    if (name.kind() != ArtifactKind.CHECKPOINT) {
      throw new IllegalArgumentException("not a checkpoint name: " + name);
    }
    if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') {
      throw new ArtifactCorruptException(name, "canonical JSON ending in a newline", "no final newline");
    }
    ObjectNode node;
    try {
      node = JsonInput.parseObject(bytes, 0, bytes.length - 1);
    } catch (CairnException e) {
      throw new ArtifactCorruptException(name, "a JSON object", e.getMessage());
    }
    if (!Arrays.equals(CanonicalJson.encode(node), Arrays.copyOf(bytes, bytes.length - 1))) {
      throw new ArtifactCorruptException(name, "canonical JSON", "a non-canonical encoding");
    }
    if (!FORMAT.equals(node.path("format").asText()) || node.path("v").asInt(-1) != 1) {
      throw new ArtifactCorruptException(name, "format cairn-checkpoint version 1", node.path("format").asText() + " version " + node.path("v"));
    }
    Checkpoint c;
    byte[] signature;
    try {
      Origin origin = Origin.parse(node.path("origin").asText());
      long number = node.path("checkpoint").asLong(0);
      if (!origin.equals(name.origin()) || number != name.checkpointNumber()) {
        throw new ArtifactCorruptException(name, "origin " + name.origin() + " checkpoint " + name.checkpointNumber(),
            "origin " + origin + " checkpoint " + number);
      }
      List<SegmentRef> refs = new ArrayList<>();
      for (JsonNode r : node.path("segments")) {
        refs.add(new SegmentRef(new Sha256(r.path("sha256").asText()), Seq.of(r.path("first_seq").asLong()),
            Seq.of(r.path("last_seq").asLong()), r.path("count").asLong(), r.path("bytes").asLong()));
      }
      c = new Checkpoint(origin, number, Seq.of(node.path("head").asLong(-1) < 0 ? 0 : node.path("head").asLong()), refs,
          SigningKey.PublicKeyText.parse(node.path("public_key").asText()));
      signature = Base64.getDecoder().decode(node.path("signature").asText());
    } catch (ArtifactCorruptException e) {
      throw e;
    } catch (CairnException | IllegalArgumentException e) {
      throw new ArtifactCorruptException(name, "valid checkpoint fields", e.getMessage());
    }
    checkCoverage(name, c);
    node.remove("signature");
    if (!c.publicKey().verifies(CanonicalJson.encode(node), signature)) {
      throw new ArtifactCorruptException(name, "a signature by " + c.publicKey(), "a signature that does not verify");
    }
    return c;
  }

  private static void checkCoverage(ArtifactName name, Checkpoint c) {
    long next = 1;
    for (SegmentRef r : c.segments()) {
      if (r.first().value() != next || r.last().value() < r.first().value() || r.count() != r.last().value() - r.first().value() + 1
          || r.bytes() <= 0) {
        throw new ArtifactCorruptException(name, "segments covering seqs from 1 contiguously (next from " + next + ")",
            "a segment " + r.first() + ".." + r.last() + " with " + r.count() + " events");
      }
      next = r.last().value() + 1;
    }
    if (next - 1 != c.head().value()) {
      throw new ArtifactCorruptException(name, "segments covering 1.." + c.head(), "coverage 1.." + (next - 1));
    }
  }
}
