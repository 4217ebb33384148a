package dev.cairn.exchange.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.SigningKey;
import dev.cairn.ledger.CairnException;
import dev.cairn.ledger.DurableFile;
import dev.cairn.ledger.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which key is each origin's, kept in {@code CAIRN_HOME/state/peers.json}:
 * <ul>
 *   <li><b>pins</b>: the key trusted for an origin. Under {@link TrustMode#FIRST_USE} the first key
 *       seen is pinned; under {@link TrustMode#STRICT} only a person pins ({@code cairn peers trust},
 *       {@code cairn peers import}) and an unknown origin is <b>held back</b>
 *       ({@link UntrustedOriginException}), remembered with its key so that status can show it.
 *   <li><b>conflicts</b>: another key claiming a pinned origin (a forged or re-keyed checkpoint on a
 *       target, through a relay, pushed to this home). The origin is stopped
 *       ({@link KeyConflictException}) until a person decides with {@link #trust}; the keys not
 *       chosen are then <b>rejected</b>: seen again, they are refused as forged
 *       ({@link ForgedCheckpointException}) without stopping the origin again.
 * </ul>
 *
 * <p>Not thread-safe; used under the home's writer lock. Every change is written through at once.
 */
public final class PinnedKeys {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Path file;
  private final TrustMode mode;
  private final TreeMap<Origin, Peer> peers = new TreeMap<>();
  private final TreeMap<Origin, List<KeyClaim>> conflicts = new TreeMap<>();
  private final TreeMap<Origin, TreeSet<String>> rejected = new TreeMap<>();
  private final TreeMap<Origin, KeyClaim> untrusted = new TreeMap<>();

  private PinnedKeys(Path file, TrustMode mode) {
    this.file = file;
    this.mode = mode;
  }

  /** Loads the pins with trust on first use. */
  public static PinnedKeys load(Path file) {
    return load(file, TrustMode.FIRST_USE);
  }

  public static PinnedKeys load(Path file, TrustMode mode) {
    PinnedKeys k = new PinnedKeys(file, mode);
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return k;
    } catch (IOException e) {
      throw new PeersFileException(file, e.getMessage());
    }
    try {
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("peers").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode p = e.getValue();
        Origin o = Origin.parse(e.getKey());
        k.peers.put(o, new Peer(o, SigningKey.PublicKeyText.parse(p.path("key").asText()), Instant.parse(p.path("pinned_at").asText()),
            p.path("checkpoint").asLong(), p.path("head").asLong(), p.hasNonNull("last_seen") ? Instant.parse(p.path("last_seen").asText()) : null));
        p.path("rejected").forEach(r -> k.rejected.computeIfAbsent(o, x -> new TreeSet<>()).add(SigningKey.PublicKeyText.parse(r.asText()).text()));
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("conflicts").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Origin o = Origin.parse(e.getKey());
        for (JsonNode c : e.getValue()) {
          k.conflicts.computeIfAbsent(o, x -> new ArrayList<>()).add(claim(o, c));
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("untrusted").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Origin o = Origin.parse(e.getKey());
        k.untrusted.put(o, claim(o, e.getValue()));
      }
    } catch (RuntimeException e) { // includes CairnException: a bad origin or key in the file
      throw new PeersFileException(file, e.getMessage());
    }
    return k;
  }

  private static KeyClaim claim(Origin o, JsonNode c) {
    return new KeyClaim(o, SigningKey.PublicKeyText.parse(c.path("key").asText()), c.path("where").asText(), Instant.parse(c.path("seen").asText()));
  }

  public TrustMode mode() {
    return mode;
  }

  /**
   * Accepts {@code key} as the signer of {@code name}, seen at {@code where}.
   *
   * @throws KeyConflictException if the origin is stopped by a key conflict, or {@code key} starts one
   * @throws ForgedCheckpointException if {@code key} is one a person already rejected for the origin
   * @throws UntrustedOriginException under strict trust, for an origin nobody pinned
   */
  public void check(ArtifactName name, SigningKey.PublicKeyText key, Instant now, String where) {
    Origin origin = name.origin();
    Peer p = peers.get(origin);
    if (p == null) {
      KeyClaim claim = new KeyClaim(origin, key, where, now);
      if (mode == TrustMode.STRICT) {
        KeyClaim seen = untrusted.get(origin);
        if (seen == null || !seen.key().equals(key)) {
          untrusted.put(origin, claim);
          save();
        }
        throw new UntrustedOriginException(claim);
      }
      peers.put(origin, new Peer(origin, key, now, 0, 0, null));
      save();
      return;
    }
    if (p.key().equals(key)) {
      Optional<KeyConflictException> open = openConflict(origin);
      if (open.isPresent()) {
        throw open.get();
      }
      return;
    }
    if (rejected.getOrDefault(origin, new TreeSet<>()).contains(key.text())) {
      throw new ForgedCheckpointException(name, p.key(), key);
    }
    KeyClaim claim = recordConflict(new KeyClaim(origin, key, where, now));
    throw new KeyConflictException(origin, p.key(), claim);
  }

  /**
   * Records that {@code claim}'s key claims an origin pinned to another key (seen, for example, in
   * a checkpoint pushed to this home), unless that key was already rejected; returns the claim kept.
   */
  public KeyClaim recordConflict(KeyClaim claim) {
    Peer p = peers.get(claim.origin());
    if (p == null || p.key().equals(claim.key()) || rejected.getOrDefault(claim.origin(), new TreeSet<>()).contains(claim.key().text())) {
      return claim;
    }
    List<KeyClaim> open = conflicts.computeIfAbsent(claim.origin(), x -> new ArrayList<>());
    for (KeyClaim c : open) {
      if (c.key().equals(claim.key())) {
        return c;
      }
    }
    open.add(claim);
    save();
    return claim;
  }

  /**
   * Records a key claim refused at this home's door: a conflict if the origin is pinned to another
   * key, an origin held back if nothing is pinned and trust is strict.
   */
  public void recordRefused(KeyClaim claim) {
    if (peers.containsKey(claim.origin())) {
      recordConflict(claim);
    } else if (mode == TrustMode.STRICT && !untrusted.containsKey(claim.origin())) {
      untrusted.put(claim.origin(), claim);
      save();
    }
  }

  /** The key conflict that stops {@code origin} until a person decides, if there is one. */
  public Optional<KeyConflictException> openConflict(Origin origin) {
    List<KeyClaim> open = conflicts.get(origin);
    Peer p = peers.get(origin);
    return open == null || p == null ? Optional.empty() : Optional.of(new KeyConflictException(origin, p.key(), open.get(0)));
  }

  /** Whether the origin is stopped by a key conflict no person has decided yet. */
  public boolean inConflict(Origin origin) {
    return conflicts.containsKey(origin);
  }

  /** Open key conflicts: per origin, the other keys that claim it. */
  public Map<Origin, List<KeyClaim>> conflicts() {
    return java.util.Collections.unmodifiableMap(conflicts);
  }

  /** Origins held back under strict trust, with the key they came with. */
  public Map<Origin, KeyClaim> untrusted() {
    return java.util.Collections.unmodifiableMap(untrusted);
  }

  /** Pins this home's own key for its own origin, if nothing is pinned for it yet. */
  public void pinOwn(Origin origin, SigningKey.PublicKeyText key, Instant now) {
    if (!peers.containsKey(origin)) {
      peers.put(origin, new Peer(origin, key, now, 0, 0, null));
      save();
    }
  }

  /** Records that checkpoint {@code number} with {@code head} was verified and applied. */
  public void applied(Origin origin, long number, long head, Instant now) {
    Peer p = peers.get(origin);
    if (p != null) {
      peers.put(origin, p.withCheckpoint(number, head, now));
      save();
    }
  }

  /** The greatest head seen in a verified checkpoint of {@code origin} (0 if none). */
  public long knownHead(Origin origin) {
    Peer p = peers.get(origin);
    return p == null ? 0 : p.head();
  }

  public Optional<Peer> get(Origin origin) {
    return Optional.ofNullable(peers.get(origin));
  }

  public List<Peer> all() {
    return new ArrayList<>(peers.values());
  }

  /**
   * A person's decision: {@code key} is {@code origin}'s. Pins it (replacing any earlier pin), ends
   * a key conflict on the origin (every other key that claimed it is rejected from now on) and
   * releases an origin held back under strict trust.
   */
  public void trust(Origin origin, SigningKey.PublicKeyText key, Instant now) {
    Peer old = peers.get(origin);
    List<KeyClaim> open = conflicts.remove(origin);
    TreeSet<String> no = rejected.computeIfAbsent(origin, x -> new TreeSet<>());
    if (open != null) {
      open.forEach(c -> no.add(c.key().text()));
    }
    if (old != null) {
      no.add(old.key().text());
    }
    no.remove(key.text());
    if (no.isEmpty()) {
      rejected.remove(origin);
    }
    untrusted.remove(origin);
    boolean sameKey = old != null && old.key().equals(key);
    peers.put(origin, new Peer(origin, key, sameKey ? old.pinnedAt() : now, old == null ? 0 : old.checkpoint(),
        old == null ? 0 : old.head(), old == null ? null : old.lastSeen()));
    save();
  }

  /** Drops the pin of {@code origin} and what was known of its keys; returns whether there was one. */
  public boolean forget(Origin origin) {
    boolean had = peers.remove(origin) != null;
    conflicts.remove(origin);
    rejected.remove(origin);
    untrusted.remove(origin);
    save();
    return had;
  }

  private void save() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("trust", mode.word());
    ObjectNode all = root.putObject("peers");
    for (Peer p : peers.values()) {
      ObjectNode o = all.putObject(p.origin().value()).put("key", p.key().text()).put("pinned_at", p.pinnedAt().toString())
          .put("checkpoint", p.checkpoint()).put("head", p.head()).put("last_seen", p.lastSeen() == null ? null : p.lastSeen().toString());
      TreeSet<String> no = rejected.get(p.origin());
      if (no != null) {
        no.forEach(o.putArray("rejected")::add);
      }
    }
    ObjectNode c = root.putObject("conflicts");
    conflicts.forEach((origin, claims) -> {
      ArrayNode arr = c.putArray(origin.value());
      claims.forEach(k -> arr.addObject().put("key", k.key().text()).put("where", k.where()).put("seen", k.seen().toString()));
    });
    ObjectNode u = root.putObject("untrusted");
    untrusted.forEach((origin, k) -> u.putObject(origin.value()).put("key", k.key().text()).put("where", k.where()).put("seen", k.seen().toString()));
    try {
      DurableFile.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    } catch (IOException e) {
      throw new PeersFileException(file, e.getMessage());
    }
  }

  /** peers.json is unreadable or unwritable. */
  public static final class PeersFileException extends CairnException {
    PeersFileException(Path file, String problem) {
      super(file + " is damaged (" + problem.lines().findFirst().orElse("") + "): it holds the pinned keys; restore it from a backup, or"
          + " move it away to pin keys again (on first use, or by 'cairn peers import')");
    }

    @Override
    public Kind kind() {
      return Kind.CORRUPT;
    }
  }
}
