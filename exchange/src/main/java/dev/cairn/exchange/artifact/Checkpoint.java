package dev.cairn.exchange.artifact;

import dev.cairn.ledger.Origin;
import dev.cairn.ledger.Seq;
import java.util.List;

/**
 * A signed statement by an origin: "my events 1..{@code head} are exactly these segments, in
 * order". {@code number} counts the origin's checkpoints (1, 2, ...) and names the file. See
 * {@link CheckpointCodec} for the bytes. Immutable.
 */
public record Checkpoint(Origin origin, long number, Seq head, List<SegmentRef> segments, SigningKey.PublicKeyText publicKey) {
  public Checkpoint {
    segments = List.copyOf(segments);
  }

  public ArtifactName name() {
    return ArtifactName.checkpoint(origin, number);
  }

  public List<ArtifactName> segmentNames() {
    return segments.stream().map(r -> ArtifactName.segment(origin, r.sha256())).toList();
  }
}
