package dev.cairn.ledger.event;

import dev.cairn.ledger.json.ByteSink;
import dev.cairn.ledger.json.CanonicalJson;
import java.nio.charset.StandardCharsets;

/** Canonical JSON snippets used as register values. Stateless. */
final class Json {
  private Json() {}

  static String stringLiteral(String s) {
    ByteSink sink = new ByteSink(s.length() + 2);
    CanonicalJson.writeString(s, sink);
    return new String(sink.toByteArray(), StandardCharsets.UTF_8);
  }
}
