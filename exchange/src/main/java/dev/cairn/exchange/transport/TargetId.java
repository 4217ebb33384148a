package dev.cairn.exchange.transport;

import java.util.Objects;

/**
 * The identity of a place artifacts are exchanged with: {@code folder:/abs/path}, {@code
 * https://host:port} or {@code s3://bucket/prefix}, the same whether or not the target is
 * encrypted. It is the only key of the target log and the dead letters; what a person reads is
 * {@link Transport#describe()}. Immutable.
 */
public record TargetId(String value) implements Comparable<TargetId> {
  public TargetId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a target id must not be blank");
    }
  }

  @Override
  public int compareTo(TargetId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
