package dev.cairn.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/** Test helper: damages a Chronicle Queue's cycle file in place, as a flipped bit on disk would. Stateless. */
public final class QueueDamage {
  private QueueDamage() {}

  /** Overwrites, in the queue's cycle file under {@code queueDir}, the first occurrence of {@code text} with {@code replacement} (same length). */
  public static void overwrite(Path queueDir, String text, String replacement) throws Exception {
    assertEquals(text.length(), replacement.length());
    Path cq4;
    try (Stream<Path> files = Files.list(queueDir)) {
      cq4 = files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
    }
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try (RandomAccessFile f = new RandomAccessFile(cq4.toFile(), "rw")) {
      byte[] all = new byte[(int) Math.min(f.length(), 64 << 20)];
      f.readFully(all);
      for (int i = 0; i + needle.length <= all.length; i++) {
        if (Arrays.equals(all, i, i + needle.length, needle, 0, needle.length)) {
          f.seek(i);
          f.write(replacement.getBytes(StandardCharsets.UTF_8));
          return;
        }
      }
    }
    throw new AssertionError(text + " not found in " + cq4);
  }
}
