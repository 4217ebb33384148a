package dev.cairn.cli.output;

import dev.cairn.exchange.trust.KeyClaim;
import dev.cairn.exchange.trust.PinnedKeys;

/** Prints what trust needs a person for: key conflicts and origins held back (peers and status). Stateless. */
public final class TrustOutput {
  private TrustOutput() {}

  /** Key conflicts and held-back origins, one line each with what to do (also used by status). */
  public static void printProblems(PinnedKeys pins, java.io.PrintWriter out) {
    pins.conflicts().forEach((origin, claims) -> {
      String pinned = pins.get(origin).map(p -> p.key().fingerprint()).orElse("nothing");
      for (KeyClaim c : claims) {
        out.printf("KEY CONFLICT %s: pinned %s, also claimed by %s (%s, seen %s); nothing more from it is applied until you decide:"
            + " cairn peers trust %s --key KEY%n", origin, pinned, c.key().fingerprint(), c.where(), c.seen(), origin);
      }
    });
    pins.untrusted().forEach((origin, c) -> out.printf("held back   %s: key %s (%s, seen %s) is not trusted (trust = strict); to trust it:"
        + " cairn peers trust %s --key %s%n", origin, c.key().fingerprint(), c.where(), c.seen(), origin, c.key()));
  }

  /** Adds key conflicts and held-back origins to a JSON object (also used by status). */
  public static void json(PinnedKeys pins, com.fasterxml.jackson.databind.node.ObjectNode o) {
    var conflicts = o.putObject("key_conflicts");
    pins.conflicts().forEach((origin, claims) -> {
      var arr = conflicts.putObject(origin.value()).put("pinned", pins.get(origin).map(p -> p.key().text()).orElse(null)).putArray("claims");
      claims.forEach(c -> arr.addObject().put("key", c.key().text()).put("fingerprint", c.key().fingerprint()).put("where", c.where())
          .put("seen", c.seen().toString()));
    });
    var held = o.putObject("untrusted");
    pins.untrusted().forEach((origin, c) -> held.putObject(origin.value()).put("key", c.key().text()).put("fingerprint", c.key().fingerprint())
        .put("where", c.where()).put("seen", c.seen().toString()));
  }
}
