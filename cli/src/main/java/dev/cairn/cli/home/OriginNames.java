package dev.cairn.cli.home;

import dev.cairn.ledger.Origin;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/** Makes a new origin: the host name, sanitised to [a-z0-9-], plus '-' and 6 random hex characters. */
public final class OriginNames {
  private OriginNames() {}

  public static Origin create(String hostName, SecureRandom random) {
    String base = sanitise(hostName);
    byte[] suffix = new byte[3];
    random.nextBytes(suffix);
    return new Origin(base + "-" + HexFormat.of().formatHex(suffix));
  }

  public static String sanitise(String hostName) {
    String s = hostName == null ? "" : hostName.toLowerCase(Locale.ROOT);
    int dot = s.indexOf('.');
    if (dot > 0) {
      s = s.substring(0, dot);
    }
    s = s.replaceAll("[^a-z0-9-]+", "-").replaceAll("-+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > 40) {
      s = s.substring(0, 40).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "machine" : s;
  }

  /**
   * The host name from /etc/hostname, else {@code HOSTNAME} (or {@code COMPUTERNAME}) in {@code env};
   * never a DNS lookup (cairn stays off the network).
   */
  public static String hostName(java.util.function.UnaryOperator<String> env) {
    try {
      String fromFile = java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname")).strip();
      if (!fromFile.isEmpty()) {
        return fromFile;
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not Linux, or unreadable: fall through
    }
    String name = env.apply("HOSTNAME");
    if (name == null || name.isBlank()) {
      name = env.apply("COMPUTERNAME");
    }
    return name == null || name.isBlank() ? "machine" : name;
  }
}
