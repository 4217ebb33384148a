package dev.cairn.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.ledger.Hlc;
import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.Seq;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.BlobStored;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.ImageRef;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.SessionRecorded;
import dev.cairn.ledger.event.ToolCall;
import dev.cairn.ledger.event.Usage;
import dev.cairn.ledger.json.ByteSink;
import dev.cairn.ledger.json.CanonicalJson;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest, computed from the stored UTF-8 bytes, is the digest its definition gives (each value
 * read as a Java value and written with {@link CanonicalJson#writeString}), on text with every kind
 * of escape, non-ASCII, NULLs, integers and blobs, and on the standard scenario.
 */
class DigestTest {
  @TempDir Path dir;

  @Test
  void theByteDigestIsTheDefinedDigest() throws Exception {
    Origin o = new Origin("delta-dddddd");
    SessionId s = new SessionId(o, "one");
    try (Ledger ledger = Homes.ledger(dir)) {
      for (Event e : Scenario.standard().all()) {
        ledger.appendForeign(e);
      }
      long seq = 1;
      ledger.appendForeign(new Event(o, new Seq(seq++), new Hlc(1_800_000_000_000L, 0), new SessionRecorded(s, "claude-code", "p \"q\" \\ é",
          "tab\there\nline \u0001 \u001f → 中文 🚀", Instant.parse("2025-01-01T00:00:00Z"), null, "/x", null, null, null)));
      BlobStored blob = BlobStored.of("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff});
      ledger.appendForeign(new Event(o, new Seq(seq++), new Hlc(1_800_000_000_001L, 0), blob));
      ledger.appendForeign(new Event(o, new Seq(seq++), new Hlc(1_800_000_000_002L, 0), new MessageAppended(s, 99, "assistant",
          "\"quoted\" \\ \b\f\r\n\t \u007f \u2028 é 中文 🚀", null, null, "m", List.of(new ToolCall("t1", "Bash", "{\"a\":\"\\\\\"}", null, true)),
          new Usage(new TreeMap<>(Map.of("output_tokens", 5L))), List.of(new ImageRef(blob.sha256(), "image/png", 8)))));
      try (View view = View.open(dir.resolve("view.db"))) {
        view.catchUp(ledger.reader());
        assertEquals(definedDigest(dir.resolve("view.db")), view.digest());
      }
    }
  }

  /** The digest as docs/schema.md defines it, value by value through Java objects. */
  private static String definedDigest(Path file) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
      for (String[] table : Digest.TABLES) {
        sha.update(("#" + table[0] + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (ResultSet rs = st.executeQuery(table[1])) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            ByteSink row = new ByteSink(256);
            row.write('[');
            for (int i = 1; i <= columns; i++) {
              if (i > 1) {
                row.write(',');
              }
              Object v = rs.getObject(i);
              if (v == null) {
                row.writeAscii("null");
              } else if (v instanceof Number n) {
                row.writeAscii(Long.toString(n.longValue()));
              } else {
                CanonicalJson.writeString(v.toString(), row);
              }
            }
            row.write(']');
            row.write('\n');
            sha.update(row.toByteArray());
          }
        }
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
