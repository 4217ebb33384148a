package dev.cairn.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may see the archive: one-time login tokens (printed by the service, opened by {@code cairn
 * open}) that turn into a session cookie, and each session's CSRF token. A login token works once
 * and for {@link #LOGIN_TTL}; a session lasts until the service stops. Thread-safe.
 */
public final class Logins {
  /** How long a printed login link works. */
  public static final Duration LOGIN_TTL = Duration.ofMinutes(10);

  /** A browser that logged in: the cookie's value and the token its forms carry. Immutable. */
  public record WebSession(String id, String csrf) {}

  private final SecureRandom random;
  private final Clock clock;
  private final Map<String, Instant> loginTokens = new ConcurrentHashMap<>();
  private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();

  public Logins(SecureRandom random, Clock clock) {
    this.random = random;
    this.clock = clock;
  }

  /** A new one-time login token. */
  public String issueLoginToken() {
    String t = secret();
    loginTokens.put(t, clock.instant().plus(LOGIN_TTL));
    return t;
  }

  /** Spends a login token: a new session if it was issued, unused and not expired. */
  public Optional<WebSession> redeem(String token) {
    if (token == null) {
      return Optional.empty();
    }
    Instant expires = loginTokens.remove(token);
    if (expires == null || clock.instant().isAfter(expires)) {
      return Optional.empty();
    }
    WebSession s = new WebSession(secret(), secret());
    sessions.put(s.id(), s);
    return Optional.of(s);
  }

  /** The session a cookie value names, if any. */
  public Optional<WebSession> session(String cookie) {
    return cookie == null ? Optional.empty() : Optional.ofNullable(sessions.get(cookie));
  }

  private String secret() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
