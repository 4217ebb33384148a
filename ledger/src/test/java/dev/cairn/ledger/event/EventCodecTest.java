package dev.cairn.ledger.event;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.ledger.EventFormatException;
import dev.cairn.ledger.SessionId;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCodecTest {
  /** SHA-256 of each golden line (UTF-8, no newline), pinned so that any byte change is visible. */
  private static final Map<String, String> HASHES = Map.ofEntries(
      Map.entry("session.recorded", "cafe4b12ae5577848db5ffa492c8c9119e5ae7c18dbfd750761d344941925658"),
      Map.entry("message.appended", "353c91748f812b8652af94fad6bd0af8aa8332cf0b0f93daec57a2a19a6e3a5a"),
      Map.entry("session.starred", "bd79c424a3b4182e38ad06ab271ebd448ccd0a2c1692386259c1e454024724ec"),
      Map.entry("session.unstarred", "0019a5fe749bb154492e369a973b34e8766ba16c3220ea7a9c7debfa709b1ee7"),
      Map.entry("session.renamed", "eeff0ab0060bb4782fdad796d906c021235b39518d41eee4ef640af6c70e2ba3"),
      Map.entry("session.tagged", "0ed7c6770df185bcce5ea95c9616213c63f86a69422c792fdd37dffc34c5dce1"),
      Map.entry("session.untagged", "bc1234eb52bb5505d235e5a455fef4521e3375bbe94462cd7c9446923ce3d621"),
      Map.entry("message.pinned", "f92988bf0d668872009a21d7d146c0bd5ebdb753d6deac862e8911d9e61ea28d"),
      Map.entry("message.unpinned", "b47d8c84a8716d456cb6186e665e710b657df4fdfcd27db50ef8b191e101e71d"),
      Map.entry("session.trashed", "4378282977ce2ee4d71f3d2f470d7743d5ea247ddc18679daa1e59b378d9fa55"),
      Map.entry("session.restored", "d9e16d188a3a1fbcab1fe17f17f57aa75d1cddc5800aeb72396846c7267cb7fb"),
      Map.entry("session.purged", "1047986aa9d89802a6c02241a5f364f997547ac9a4f0c49a9ab44ee695cc7e4e"),
      Map.entry("blob.stored", "5784dd679b281a5b7a5e409e8f789a15d00517e2b9529fc73e0f29743c8d8ca9"));

  @Test
  void aWrongTypedValueIsQuotedOnceInTheError() {
    byte[] line = ("{\"hlc\":\"20251121T194632.123Z-000000\",\"ordinal\":\"one\",\"origin\":\"laptop-3f9a1c\",\"role\":\"user\","
        + "\"seq\":1,\"session\":\"laptop-3f9a1c~s\",\"text\":\"hi\",\"type\":\"message.appended\",\"v\":1}").getBytes(UTF_8);
    EventFormatException e = assertThrows(EventFormatException.class, () -> EventCodec.decode(line));
    assertTrue(e.getMessage().contains("found \"one\""), e.getMessage());
    assertTrue(!e.getMessage().contains("\"\"one\"\""), "not doubled: " + e.getMessage());
  }

  @Test
  void everyTypeEncodesToItsGoldenBytes() {
    for (GoldenEvents.Golden g : GoldenEvents.all()) {
      assertEquals(g.line(), new String(EventCodec.encode(g.event()), UTF_8), g.event().type());
    }
  }

  @Test
  void everyGoldenLineHasItsPinnedHash() throws Exception {
    for (GoldenEvents.Golden g : GoldenEvents.all()) {
      String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(g.line().getBytes(UTF_8)));
      assertEquals(HASHES.get(g.event().type()), hash, g.event().type());
    }
  }

  @Test
  void everyGoldenLineDecodesToItsEventAndBackToTheSameBytes() {
    for (GoldenEvents.Golden g : GoldenEvents.all()) {
      byte[] bytes = g.line().getBytes(UTF_8);
      Event decoded = EventCodec.decode(bytes);
      assertEquals(g.event(), decoded, g.event().type());
      assertArrayEquals(bytes, EventCodec.encode(decoded), g.event().type());
    }
  }

  @Test
  void unknownFieldsAreKeptAndReEmitted() {
    String line = "{\"future\":{\"z\":1,\"a\":[true,null]},\"hlc\":\"20251121T194632.123Z-000000\",\"origin\":\"desk-77aa01\","
        + "\"seq\":1,\"session\":\"desk-77aa01~s1\",\"type\":\"session.starred\",\"v\":1,\"zeta\":\"x\"}";
    Event e = EventCodec.decode(line.getBytes(UTF_8));
    assertEquals(SessionFlagged.starred(SessionId.parse("desk-77aa01~s1"), null), e.body());
    String expected = line.replace("{\"z\":1,\"a\":[true,null]}", "{\"a\":[true,null],\"z\":1}");
    assertEquals(expected, new String(EventCodec.encode(e), UTF_8));
  }

  @Test
  void unknownTypesAreStoredOpaquelyAndRoundTrip() {
    String line = "{\"hlc\":\"20251121T194632.123Z-000000\",\"origin\":\"desk-77aa01\",\"score\":-42,\"seq\":9,"
        + "\"session\":\"desk-77aa01~s1\",\"type\":\"session.rated\",\"v\":1}";
    Event e = EventCodec.decode(line.getBytes(UTF_8));
    assertEquals(new UnknownEvent("session.rated"), e.body());
    assertEquals(line, new String(EventCodec.encode(e), UTF_8));
  }

  @Test
  void nonCanonicalInputIsNormalised() {
    String messy = "{ \"v\": 1, \"type\": \"session.tagged\", \"tag\": \"ci\", \"session\": \"desk-77aa01~s1\","
        + " \"seq\": 3, \"origin\": \"desk-77aa01\", \"hlc\": \"20251121T194632.123Z-000000\", \"prev\": null }";
    String canonical = "{\"hlc\":\"20251121T194632.123Z-000000\",\"origin\":\"desk-77aa01\",\"seq\":3,"
        + "\"session\":\"desk-77aa01~s1\",\"tag\":\"ci\",\"type\":\"session.tagged\",\"v\":1}";
    assertEquals(canonical, new String(EventCodec.encode(EventCodec.decode(messy.getBytes(UTF_8))), UTF_8));
  }

  @Test
  void aDraftHasNeitherSeqNorHlc() {
    byte[] line = "{\"type\":\"session.starred\",\"session\":\"desk-77aa01~s1\"}".getBytes(UTF_8);
    Incoming in = EventCodec.decodeIncoming(line, 0, line.length);
    assertTrue(!in.isStamped());
    assertEquals(SessionFlagged.starred(dev.cairn.ledger.SessionId.parse("desk-77aa01~s1"), null), in.draft().body());
  }

  @Test
  void fieldsAddedWithinVersionOneRoundTripAndAreAbsentWhenUnset() {
    var id = dev.cairn.ledger.SessionId.parse("desk-77aa01~s1");
    Event withKind = new Event(new dev.cairn.ledger.Origin("desk-77aa01"), new dev.cairn.ledger.Seq(1), new dev.cairn.ledger.Hlc(1_763_754_392_123L, 0),
        new SessionRecorded(id, "claude-code", null, "t", null, null, "s", null, null, null, SessionRecorded.COMPACTION));
    String line = new String(EventCodec.encode(withKind), UTF_8);
    assertTrue(line.contains("\"kind\":\"compaction\""), line);
    assertEquals(withKind, EventCodec.decode(line.getBytes(UTF_8)));
    var ref = new ImageRef("a".repeat(64), "image/png", 217_088);
    Event withImages = new Event(new dev.cairn.ledger.Origin("desk-77aa01"), new dev.cairn.ledger.Seq(2), new dev.cairn.ledger.Hlc(1_763_754_392_123L, 1),
        new MessageAppended(id, 0, "user", "look [image png 212 KB]", null, null, null, List.of(), null, List.of(ref)));
    String imageLine = new String(EventCodec.encode(withImages), UTF_8);
    assertTrue(imageLine.contains("\"images\":[{\"bytes\":217088,\"media_type\":\"image/png\",\"sha256\":\"" + "a".repeat(64) + "\"}]"), imageLine);
    assertEquals(withImages, EventCodec.decode(imageLine.getBytes(UTF_8)));
    assertEquals("[image png 212 KB]", ref.label());
    assertTrue(!GoldenEvents.all().get(0).line().contains("kind") && !GoldenEvents.all().get(1).line().contains("images"),
        "absent fields are not written: older events keep their bytes");
  }

  @Test
  void badInputNamesTheFieldWhatWasExpectedAndWhatWasFound() {
    String env = "\"hlc\":\"20251121T194632.123Z-000000\",\"origin\":\"desk-77aa01\",\"seq\":1,\"v\":1,";
    record Case(String line, String field, String expectedFragment) {}
    List<Case> cases = List.of(
        new Case("{\"v\":1,", "event", "valid JSON"),
        new Case("[1,2]", "event", "a JSON object"),
        new Case("{" + env + "\"type\":\"session.starred\"}", "session", "a string"),
        new Case("{" + env + "\"type\":\"session.starred\",\"session\":\"nobody\"}", "session", "<origin>~<native id>"),
        new Case("{" + env + "\"type\":\"session.starred\",\"session\":\"a~../../etc/passwd\"}", "session", "'..' segments"),
        new Case("{" + env.replace("\"seq\":1", "\"seq\":\"x\"") + "\"type\":\"session.starred\",\"session\":\"a~b\"}", "seq", "a 64-bit integer"),
        new Case("{" + env + "\"type\":\"message.appended\",\"session\":\"a~b\",\"ordinal\":1.5,\"role\":\"user\",\"text\":\"\"}", "ordinal", "an integer"),
        new Case("{" + env.replace("\"v\":1", "\"v\":2") + "\"type\":\"session.starred\",\"session\":\"a~b\"}", "v", "format version 1"),
        new Case("{" + env.replace("desk-77aa01", "Desk/../x") + "\"type\":\"session.starred\",\"session\":\"a~b\"}", "origin", "[a-z0-9-]"),
        new Case("{" + env + "\"type\":\"session.tagged\",\"session\":\"a~b\",\"tag\":\"two words\"}", "tag", "without spaces"),
        new Case("{" + env + "\"type\":\"session.starred\",\"session\":\"a~b\",\"session\":\"a~c\"}", "event", "valid JSON"),
        new Case("{" + env + "\"type\":\"session.renamed\",\"session\":\"a~b\",\"title\":\"\\ud800\"}", "title", "valid Unicode"),
        new Case("{\"type\":\"session.starred\",\"seq\":4,\"session\":\"a~b\"}", "hlc", "seq and hlc together"),
        new Case("{" + env + "\"type\":\"blob.stored\",\"sha256\":\"" + "0".repeat(64) + "\",\"media_type\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}",
            "sha256", "the SHA-256 of data (4c4b6a3be1314ab86138bef4314dde022e600960d8689a2c8f8631802d20dab6)"),
        new Case("{" + env + "\"type\":\"blob.stored\",\"sha256\":\"4c4b6a3be1314ab86138bef4314dde022e600960d8689a2c8f8631802d20dab6\",\"media_type\":\"image/svg+xml\",\"data\":\"iVBORw0KGgo=\"}",
            "media_type", "image/png, image/jpeg"),
        new Case("{" + env + "\"type\":\"blob.stored\",\"sha256\":\"4c4b6a3be1314ab86138bef4314dde022e600960d8689a2c8f8631802d20dab6\",\"media_type\":\"image/png\",\"data\":\"***\"}",
            "data", "standard base64"),
        new Case("{" + env + "\"type\":\"session.recorded\",\"session\":\"a~b\",\"agent\":\"x\",\"source\":\"s\",\"kind\":\"Big Kind\"}",
            "kind", "[a-z-]"),
        new Case("{" + env + "\"type\":\"message.appended\",\"session\":\"a~b\",\"ordinal\":1,\"role\":\"user\",\"text\":\"\",\"images\":[{\"sha256\":\"x\"}]}",
            "images[]", "sha256, media_type and bytes"));
    for (Case c : cases) {
      byte[] bytes = c.line().getBytes(UTF_8);
      EventFormatException e = assertThrows(EventFormatException.class, () -> EventCodec.decodeIncoming(bytes, 0, bytes.length), c.line());
      assertEquals(c.field(), e.field(), c.line() + " -> " + e.getMessage());
      assertTrue(e.getMessage().contains(c.expectedFragment()), c.line() + " -> " + e.getMessage());
    }
  }
}
