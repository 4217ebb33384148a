package dev.cairn.exchange.crypt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.ledger.CairnException;
import dev.cairn.ledger.json.CanonicalJson;
import dev.cairn.ledger.json.JsonInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a target holds, said once at its root in {@code cairn-target.json}: plaintext artifacts, or
 * artifacts age-encrypted to recipients or with a passphrase. Encryption is a property of the
 * target, not of the command line that happens to reach it: every client reads the marker before it
 * pushes and refuses to mix plaintext and ciphertext ({@link TargetMarkers}).
 *
 * <p>The file is one canonical JSON object and a newline:
 * <pre>
 * {"encryption":"none"|"age-x25519"|"age-scrypt","format":"cairn-target","recipients":["age1...",...],"v":1}
 * </pre>
 * {@code recipients} lists the X25519 recipients of the machine that wrote the marker (public
 * values; informative: each machine encrypts to its own configured list) and is empty otherwise.
 * Valid if and only if it is that object in canonical form plus {@code \n}. Not signed: a target
 * writer can change it, but then the clients refuse to push (it can stop a sync, not turn ciphertext
 * into plaintext). Immutable.
 */
public record TargetMarker(Scheme scheme, List<String> recipients) {
  public static final String FILE = "cairn-target.json";
  public static final String FORMAT = "cairn-target";

  /** How a target's artifacts are stored. */
  public enum Scheme {
    NONE("none"),
    AGE_X25519("age-x25519"),
    AGE_SCRYPT("age-scrypt");

    private final String word;

    Scheme(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }

    static Scheme of(String word) {
      for (Scheme s : values()) {
        if (s.word.equals(word)) {
          return s;
        }
      }
      return null;
    }
  }

  public static final TargetMarker PLAINTEXT = new TargetMarker(Scheme.NONE, List.of());

  public TargetMarker {
    recipients = List.copyOf(recipients);
  }

  public boolean encrypted() {
    return scheme != Scheme.NONE;
  }

  /** "plaintext", "age-encrypted to 2 recipients", "age-encrypted with a passphrase". */
  public String describe() {
    return switch (scheme) {
      case NONE -> "plaintext";
      case AGE_X25519 -> "age-encrypted to " + recipients.size() + " recipient" + (recipients.size() == 1 ? "" : "s");
      case AGE_SCRYPT -> "age-encrypted with a passphrase";
    };
  }

  public byte[] encode() {
    ObjectNode o = JsonInput.nodes().objectNode();
    o.put("encryption", scheme.word()).put("format", FORMAT).put("v", 1);
    recipients.forEach(o.putArray("recipients")::add);
    byte[] body = CanonicalJson.encode(o);
    byte[] out = Arrays.copyOf(body, body.length + 1);
    out[body.length] = '\n';
    return out;
  }

  /** Parses a marker read from {@code where}; see the class comment for when it is valid. */
  public static TargetMarker parse(byte[] bytes, String where) {
    if (bytes.length == 0 || bytes.length > 16 * 1024 || bytes[bytes.length - 1] != '\n') {
      throw new MarkerException(where, "canonical JSON of at most 16 KiB ending in a newline", bytes.length + " bytes");
    }
    JsonNode node;
    try {
      node = JsonInput.parseObject(bytes, 0, bytes.length - 1);
    } catch (CairnException e) {
      throw new MarkerException(where, "a JSON object", e.getMessage());
    }
    if (!FORMAT.equals(node.path("format").asText()) || node.path("v").asInt() != 1) {
      throw new MarkerException(where, "format cairn-target, v 1", node.path("format") + ", v " + node.path("v"));
    }
    Scheme scheme = Scheme.of(node.path("encryption").asText());
    if (scheme == null) {
      throw new MarkerException(where, "encryption none, age-x25519 or age-scrypt", node.path("encryption").toString());
    }
    List<String> recipients = new ArrayList<>();
    node.path("recipients").forEach(r -> recipients.add(r.asText()));
    TargetMarker m = new TargetMarker(scheme, recipients);
    if (!Arrays.equals(m.encode(), bytes)) {
      throw new MarkerException(where, "the marker in canonical form", new String(bytes, java.nio.charset.StandardCharsets.UTF_8).strip());
    }
    return m;
  }

  /** A marker that is not one. */
  public static final class MarkerException extends CairnException {
    public MarkerException(String where, String expected, String found) {
      super(where + "/" + FILE + ": expected " + expected + ", found " + found);
    }

    @Override
    public Kind kind() {
      return Kind.CORRUPT;
    }
  }
}
