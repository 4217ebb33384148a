package dev.cairn.exchange.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.exchange.artifact.SigningKey;
import dev.cairn.ledger.CairnException;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.json.CanonicalJson;
import dev.cairn.ledger.json.JsonInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * A person's machines and their keys, signed by one of them: what {@code cairn peers export}
 * writes and {@code cairn peers import} reads, so that trust does not hinge on which key a home met
 * first. Carried by hand or through any target.
 *
 * <p>The file is one canonical JSON object and a newline:
 * <pre>
 * {"exported_at":"2026-12-02T10:00:00Z","format":"cairn-peers","machines":[{"key":"ed25519:...","origin":"..."},...],
 *  "signature":"<base64 Ed25519>","signer":"<origin>","v":1}
 * </pre>
 * The signature covers the canonical bytes of the same object without {@code signature}, made with
 * the key the list gives for {@code signer}. Valid if and only if: canonical form plus {@code \n};
 * format and version match; origins and keys parse, each origin once, sorted; the signer is one of
 * the machines; and the signature verifies with the signer's listed key. Whether to believe the
 * signer is the importing home's decision ({@code cairn peers import}). Immutable.
 */
public record PeerList(Origin signer, Instant exportedAt, Map<Origin, SigningKey.PublicKeyText> machines) {
  public static final String FORMAT = "cairn-peers";

  public PeerList {
    machines = java.util.Collections.unmodifiableMap(new TreeMap<>(machines));
    if (!machines.containsKey(signer)) {
      throw new IllegalArgumentException("the signer " + signer + " must be one of the machines");
    }
  }

  public SigningKey.PublicKeyText signerKey() {
    return machines.get(signer);
  }

  private ObjectNode unsigned() {
    ObjectNode o = JsonInput.nodes().objectNode();
    o.put("exported_at", exportedAt.toString()).put("format", FORMAT).put("signer", signer.value()).put("v", 1);
    ArrayNode arr = o.putArray("machines");
    machines.forEach((origin, key) -> arr.addObject().put("key", key.text()).put("origin", origin.value()));
    return o;
  }

  /** The signed file, signed with {@code key}, which must be the signer's listed key. */
  public byte[] encode(SigningKey key) {
    if (!key.publicKey().equals(signerKey())) {
      throw new IllegalArgumentException("the list gives " + signerKey() + " for " + signer + " but is signed with " + key.publicKey());
    }
    ObjectNode o = unsigned();
    o.put("signature", Base64.getEncoder().encodeToString(key.sign(CanonicalJson.encode(o))));
    byte[] body = CanonicalJson.encode(o);
    byte[] out = Arrays.copyOf(body, body.length + 1);
    out[body.length] = '\n';
    return out;
  }

  /** Parses and verifies a peer list read from {@code where}; see the class comment. */
  public static PeerList verify(byte[] bytes, String where) {
    if (bytes.length == 0 || bytes.length > 1 << 20 || bytes[bytes.length - 1] != '\n') {
      throw new PeerListException(where, "canonical JSON of at most 1 MiB ending in a newline", bytes.length + " bytes");
    }
    ObjectNode node;
    try {
      node = JsonInput.parseObject(bytes, 0, bytes.length - 1);
    } catch (CairnException e) {
      throw new PeerListException(where, "a JSON object", e.getMessage());
    }
    if (!FORMAT.equals(node.path("format").asText()) || node.path("v").asInt() != 1) {
      throw new PeerListException(where, "format cairn-peers, v 1", node.path("format") + ", v " + node.path("v"));
    }
    PeerList list;
    byte[] signature;
    try {
      TreeMap<Origin, SigningKey.PublicKeyText> machines = new TreeMap<>();
      for (JsonNode m : node.path("machines")) {
        Origin o = Origin.parse(m.path("origin").asText());
        if (machines.put(o, SigningKey.PublicKeyText.parse(m.path("key").asText())) != null) {
          throw new PeerListException(where, "each origin once", o + " twice");
        }
      }
      list = new PeerList(Origin.parse(node.path("signer").asText()), Instant.parse(node.path("exported_at").asText()), machines);
      signature = Base64.getDecoder().decode(node.path("signature").asText());
    } catch (CairnException e) {
      throw new PeerListException(where, "origins and ed25519 keys", e.getMessage());
    } catch (RuntimeException e) {
      throw new PeerListException(where, "a signer among the machines, a time and a base64 signature", e.getMessage());
    }
    if (!Arrays.equals(list.encodeUnsignedWith(signature), bytes)) {
      throw new PeerListException(where, "the list in canonical form", "other bytes");
    }
    if (!list.signerKey().verifies(CanonicalJson.encode(list.unsigned()), signature)) {
      throw new PeerListException(where, "a signature by " + list.signer() + "'s key " + list.signerKey().fingerprint(), "one that does not verify");
    }
    return list;
  }

  private byte[] encodeUnsignedWith(byte[] signature) {
    ObjectNode o = unsigned();
    o.put("signature", Base64.getEncoder().encodeToString(signature));
    byte[] body = CanonicalJson.encode(o);
    byte[] out = Arrays.copyOf(body, body.length + 1);
    out[body.length] = '\n';
    return out;
  }

  /** A file that is not a valid, correctly signed peer list. */
  public static final class PeerListException extends CairnException {
    PeerListException(String where, String expected, String found) {
      super(where + ": expected " + expected + ", found " + found);
    }

    @Override
    public Kind kind() {
      return Kind.CORRUPT;
    }
  }
}
