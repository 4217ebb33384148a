package dev.cairn.exchange.crypt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A passphrase for age's scrypt recipient type. Read from a file (its first line, without the line
 * break, as {@code age -p} would be typed); never printed: {@link #toString()} hides it. Immutable.
 */
public final class Passphrase {
  private final byte[] utf8;

  public Passphrase(String text) {
    if (text == null || text.isEmpty()) {
      throw new EncryptionSetupException("a non-empty passphrase", "an empty one");
    }
    this.utf8 = text.getBytes(StandardCharsets.UTF_8);
  }

  /** The first line of {@code file}. */
  public static Passphrase readFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EncryptionSetupException("a readable passphrase file", file + (e instanceof java.nio.file.NoSuchFileException ? " (no such file)" : " (" + e.getMessage() + ")"));
    }
    int nl = text.indexOf('\n');
    String line = nl < 0 ? text : text.substring(0, nl);
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    if (line.isEmpty()) {
      throw new EncryptionSetupException("a passphrase on the first line of " + file, "an empty line");
    }
    return new Passphrase(line);
  }

  public String text() {
    return new String(utf8, StandardCharsets.UTF_8);
  }

  byte[] utf8() {
    return utf8.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Passphrase p && Arrays.equals(utf8, p.utf8);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(utf8);
  }

  @Override
  public String toString() {
    return "passphrase(hidden)";
  }
}
