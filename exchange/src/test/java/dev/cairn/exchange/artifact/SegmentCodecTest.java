package dev.cairn.exchange.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import dev.cairn.exchange.Events;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.EventCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCodecTest {
  static final Origin A = new Origin("alpha-aaaaaa");
  @TempDir Path dir;

  @Test
  void theContentIsTheGoldenHeaderLineThenCanonicalEventLines() {
    List<Event> events = Events.run(A, 1, 3);
    Segment s = SegmentCodec.encode(events, 3);
    String content = new String(Zstd.decompress(s.bytes(), (int) Zstd.getFrameContentSize(s.bytes())), StandardCharsets.UTF_8);
    String[] lines = content.split("\n", -1);
    assertEquals("{\"count\":3,\"first_seq\":1,\"format\":\"cairn-segment\",\"last_seq\":3,\"max_hlc\":\"20251121T194632.003Z-000000\","
        + "\"min_hlc\":\"20251121T194632.001Z-000000\",\"origin\":\"alpha-aaaaaa\",\"v\":1}", lines[0]);
    for (int i = 0; i < 3; i++) {
      assertEquals(new String(EventCodec.encode(events.get(i)), StandardCharsets.UTF_8), lines[i + 1]);
    }
    assertEquals("", lines[4], "every line ends in a newline");
    assertEquals(Sha256.of(s.bytes()), s.name().sha256());
    assertEquals("alpha-aaaaaa/segments/" + s.name().sha256() + ".seg.zst", s.name().path());
  }

  @Test
  void encodingIsDeterministicSoAResealHasTheSameName() {
    assertEquals(SegmentCodec.encode(Events.run(A, 1, 50), 3).name(), SegmentCodec.encode(Events.run(A, 1, 50), 3).name());
  }

  @Test
  void aSegmentVerifiesToItsEvents() {
    Segment s = SegmentCodec.encode(Events.run(A, 4, 20), 3);
    Segment v = SegmentCodec.verify(s.name(), s.bytes());
    assertEquals(s.events(), v.events());
    assertEquals(s.header(), v.header());
  }

  @Test
  void everyFlippedByteOrTruncationIsCaught() {
    Segment s = SegmentCodec.encode(Events.run(A, 1, 30), 3);
    Random random = new Random(11);
    for (int i = 0; i < 200; i++) {
      byte[] bad = s.bytes().clone();
      bad[random.nextInt(bad.length)] ^= (byte) (1 << random.nextInt(8));
      assertThrows(ArtifactCorruptException.class, () -> SegmentCodec.verify(s.name(), bad));
    }
    byte[] cut = Arrays.copyOf(s.bytes(), s.bytes().length / 2);
    ArtifactCorruptException e = assertThrows(ArtifactCorruptException.class, () -> SegmentCodec.verify(s.name(), cut));
    assertTrue(e.getMessage().contains("expected bytes whose SHA-256 is the name"), e.getMessage());
  }

  @Test
  void aSegmentThatHashesRightButLiesInsideIsRejected() {
    // re-compress a content whose header claims the wrong count: the name matches the bytes, the content does not
    Segment s = SegmentCodec.encode(Events.run(A, 1, 3), 3);
    String content = new String(Zstd.decompress(s.bytes(), (int) Zstd.getFrameContentSize(s.bytes())), StandardCharsets.UTF_8);
    byte[] lying = Zstd.compress(content.replace("\"count\":3", "\"count\":4").replace("\"last_seq\":3", "\"last_seq\":4")
        .getBytes(StandardCharsets.UTF_8));
    ArtifactName name = ArtifactName.segment(A, Sha256.of(lying));
    ArtifactCorruptException e = assertThrows(ArtifactCorruptException.class, () -> SegmentCodec.verify(name, lying));
    assertTrue(e.getMessage().contains("4 events ending at seq 4"), e.getMessage());
  }

  @Test
  void segmentsOfAnotherOriginOrWithGapsCannotBeMade() {
    List<Event> gap = new java.util.ArrayList<>(Events.run(A, 1, 3));
    gap.remove(1);
    assertThrows(IllegalArgumentException.class, () -> SegmentCodec.encode(gap, 3));
  }

  @Test
  void zstdcatAndJqReadASegment() throws Exception {
    Segment s = SegmentCodec.encode(Events.run(A, 1, 5), 3);
    Path file = dir.resolve(s.name().fileName());
    Files.write(file, s.bytes());
    String out = run("bash", "-c", "zstdcat '" + file + "' | jq -c -r 'select(.format == null) | .seq'");
    assertEquals("1\n2\n3\n4\n5\n", out);
    String header = run("bash", "-c", "zstdcat '" + file + "' | head -n 1 | jq -r .format");
    assertEquals("cairn-segment\n", header);
  }

  static String run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), "command failed (are zstd and jq installed? .ci/run installs them): " + new String(out));
    return new String(out, StandardCharsets.UTF_8);
  }
}
