package dev.cairn.exchange.trust;

/**
 * How a home comes to trust an origin's key (config.toml {@code trust = "first-use" | "strict"}).
 */
public enum TrustMode {
  /** The first key seen for an origin is pinned (the default: easy, and safe once pinned). */
  FIRST_USE,
  /**
   * Only keys a person pinned ({@code cairn peers trust}, {@code cairn peers import}) are accepted;
   * an unknown origin's artifacts are held back, never applied or stored, and shown by status.
   */
  STRICT;

  /** Parses the config word; null for an unknown word. */
  public static TrustMode parse(String word) {
    return switch (word) {
      case "first-use" -> FIRST_USE;
      case "strict" -> STRICT;
      default -> null;
    };
  }

  public String word() {
    return this == STRICT ? "strict" : "first-use";
  }
}
