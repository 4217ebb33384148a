package dev.cairn.exchange.crypt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.Sha256;
import dev.cairn.ledger.Origin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cairn's age files against the real {@code age} and {@code age-keygen} binaries, both ways, for
 * X25519 recipients and for passphrases. The passphrase prompt of {@code age} reads the terminal,
 * so those runs go through {@code script}, which gives it a pseudo-terminal fed from our input.
 */
class AgeCliInteropTest {
  private static final ArtifactName NAME = ArtifactName.segment(new Origin("alpha-aaaaaa"), Sha256.of(new byte[] {1}));
  @TempDir Path dir;

  private static byte[] payload() {
    byte[] b = new byte[200_000]; // several 64 KiB age chunks
    new Random(7).nextBytes(b);
    return b;
  }

  @Test
  void ageDecryptsWhatCairnEncryptedToAnIdentityFile() throws Exception {
    AgeIdentity id = AgeIdentity.loadOrCreate(dir.resolve("keys"), Instant.now());
    byte[] plain = payload();
    Path enc = dir.resolve("x.age");
    Files.write(enc, AgeEncryption.toRecipients(List.of(), List.of(id)).encrypt(plain));
    run(null, "age", "-d", "-i", dir.resolve("keys/age.key").toString(), "-o", dir.resolve("x.out").toString(), enc.toString());
    assertArrayEquals(plain, Files.readAllBytes(dir.resolve("x.out")));
    assertEquals(id.recipient().value(), run(null, "age-keygen", "-y", dir.resolve("keys/age.key").toString()).strip(),
        "the recipient cairn derives is the one age-keygen derives");
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys/age.key"))));
  }

  @Test
  void cairnDecryptsWhatAgeEncryptedToAKeyFromAgeKeygen() throws Exception {
    Path key = dir.resolve("k.txt");
    run(null, "age-keygen", "-o", key.toString());
    AgeIdentity id = AgeIdentity.read(key).get(0);
    byte[] plain = payload();
    Files.write(dir.resolve("p"), plain);
    run(null, "age", "-r", id.recipient().value(), "-o", dir.resolve("p.age").toString(), dir.resolve("p").toString());
    byte[] opened = AgeEncryption.toRecipients(List.of(), List.of(id)).decrypt(NAME, "test", Files.readAllBytes(dir.resolve("p.age")));
    assertArrayEquals(plain, opened);
  }

  @Test
  void ageDecryptsWhatCairnEncryptedWithAPassphrase() throws Exception {
    byte[] plain = payload();
    Path enc = dir.resolve("pp.age");
    Files.write(enc, AgeEncryption.withPassphrase(new Passphrase("a long passphrase"), 12).encrypt(plain));
    script("a long passphrase\n", "age -d -o " + dir.resolve("pp.out") + " " + enc);
    assertArrayEquals(plain, Files.readAllBytes(dir.resolve("pp.out")));
  }

  @Test
  void cairnDecryptsWhatAgeEncryptedWithAPassphrase() throws Exception {
    byte[] plain = payload();
    Files.write(dir.resolve("q"), plain);
    script("another passphrase\nanother passphrase\n", "age -p -o " + dir.resolve("q.age") + " " + dir.resolve("q"));
    byte[] opened = AgeEncryption.withPassphrase(new Passphrase("another passphrase")).decrypt(NAME, "test", Files.readAllBytes(dir.resolve("q.age")));
    assertArrayEquals(plain, opened);
  }

  private static String run(String input, String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    if (input != null) {
      p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    }
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError(String.join(" ", cmd) + " failed: " + out);
    }
    return out;
  }

  /**
   * Runs a shell command on a pseudo-terminal whose keyboard input is {@code typed}, one line per
   * passphrase prompt: each line is typed once its prompt is on the terminal (age reads each answer
   * separately, and drops what was typed before it asked).
   */
  private static void script(String typed, String command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true).start();
    StringBuffer out = new StringBuffer();
    Thread reader = new Thread(() -> {
      try (var in = p.getInputStream()) {
        byte[] buf = new byte[4096];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
          out.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        out.append("\n(reading the terminal failed: ").append(e.getMessage()).append(')');
      }
    });
    reader.start();
    String[] lines = typed.split("(?<=\n)");
    for (int i = 0; i < lines.length; i++) {
      int prompts = i + 1;
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
          .until(() -> out.toString().split("(?i)passphrase", -1).length - 1 >= prompts);
      p.getOutputStream().write(lines[i].getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().flush();
    }
    p.getOutputStream().close();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      reader.join(5_000);
      throw new AssertionError(command + " failed: " + out);
    }
    reader.join(5_000);
  }
}
