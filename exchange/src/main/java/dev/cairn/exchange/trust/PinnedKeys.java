package dev.cairn.exchange.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.SigningKey;
import dev.cairn.ledger.CairnException;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.AtomicFile;
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

/**
 * Trust on first use: the first key seen for an origin is pinned; a checkpoint signed by another
 * key is {@link ForgedCheckpointException}. Kept in {@code CAIRN_HOME/state/peers.json} (written
 * temp-then-rename). {@code cairn peers trust} replaces a pin, {@code cairn peers forget} drops it.
 *
 * <p>Not thread-safe; used under the home's writer lock.
 */
public final class PinnedKeys {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Path file;
  private final TreeMap<Origin, Peer> peers = new TreeMap<>();

  private PinnedKeys(Path file) {
    this.file = file;
  }

  public static PinnedKeys load(Path file) {
    PinnedKeys k = new PinnedKeys(file);
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
      }
    } catch (RuntimeException e) { // includes CairnException: a bad origin or key in the file
      throw new PeersFileException(file, e.getMessage());
    }
    return k;
  }

  /**
   * Accepts {@code key} for the origin of {@code name}: pins it if the origin is new.
   *
   * @throws ForgedCheckpointException if another key is pinned
   */
  public void check(ArtifactName name, SigningKey.PublicKeyText key, Instant now) {
    Peer p = peers.get(name.origin());
    if (p == null) {
      peers.put(name.origin(), new Peer(name.origin(), key, now, 0, 0, null));
      save();
      return;
    }
    if (!p.key().equals(key)) {
      throw new ForgedCheckpointException(name, p.key(), key);
    }
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

  /** Pins {@code key} for {@code origin}, replacing any earlier pin. */
  public void trust(Origin origin, SigningKey.PublicKeyText key, Instant now) {
    Peer old = peers.get(origin);
    peers.put(origin, new Peer(origin, key, now, old == null ? 0 : old.checkpoint(), old == null ? 0 : old.head(),
        old == null ? null : old.lastSeen()));
    save();
  }

  /** Drops the pin of {@code origin}; returns whether there was one. The next key seen is pinned again. */
  public boolean forget(Origin origin) {
    boolean had = peers.remove(origin) != null;
    save();
    return had;
  }

  private void save() {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode all = root.putObject("peers");
    for (Peer p : peers.values()) {
      all.putObject(p.origin().value()).put("key", p.key().text()).put("pinned_at", p.pinnedAt().toString())
          .put("checkpoint", p.checkpoint()).put("head", p.head()).put("last_seen", p.lastSeen() == null ? null : p.lastSeen().toString());
    }
    try {
      AtomicFile.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    } catch (IOException e) {
      throw new PeersFileException(file, e.getMessage());
    }
  }

  /** peers.json is unreadable or unwritable. */
  public static final class PeersFileException extends CairnException {
    PeersFileException(Path file, String problem) {
      super(file + ": " + problem);
    }

    @Override
    public Kind kind() {
      return Kind.IO;
    }
  }
}
