package dev.cairn.cli.target;

import dev.cairn.cli.command.BadInputException;
import java.util.List;

/**
 * A named target as config.toml holds it: its URL and how its artifacts are encrypted at rest
 * ({@code encryptTo}: age recipients besides this machine's own; {@code passphrase}: age scrypt
 * with the passphrase kept in secrets.toml, {@code scryptWorkFactor} its log2 N for new files;
 * neither: plain). Immutable.
 */
public record TargetSpec(TargetUrl url, List<String> encryptTo, boolean passphrase, int scryptWorkFactor) {
  /** age's default scrypt work factor (2^18). */
  public static final int DEFAULT_WORK_FACTOR = 18;

  public TargetSpec {
    java.util.Objects.requireNonNull(url, "url");
    encryptTo = List.copyOf(encryptTo);
    if (passphrase && !encryptTo.isEmpty()) {
      throw new BadInputException("--encrypt-to", 0, "expected either recipients or a passphrase file, found both");
    }
    if (scryptWorkFactor < 10 || scryptWorkFactor > 22) {
      throw new BadInputException("--scrypt-work-factor", 0, "expected 10-22, found " + scryptWorkFactor);
    }
  }

  public static TargetSpec plain(TargetUrl url) {
    return new TargetSpec(url, List.of(), false, DEFAULT_WORK_FACTOR);
  }

  public boolean encrypted() {
    return passphrase || !encryptTo.isEmpty();
  }

  public String encryptionLabel() {
    return passphrase ? "age passphrase" : encryptTo.isEmpty() ? "none" : "age to " + encryptTo.size() + " recipient(s) + this machine";
  }
}
