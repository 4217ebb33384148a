package dev.cairn.exchange.sync;

import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.transport.ArtifactInfo;
import dev.cairn.exchange.transport.PutResult;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.exchange.transport.TransportException;
import dev.cairn.ledger.Origin;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Wraps a transport and fails every operation after the first {@code budget} ones, like a network that drops mid-sync. */
final class FaultyTransport implements Transport {
  private final Transport inner;
  private int budget;

  FaultyTransport(Transport inner, int budget) {
    this.inner = inner;
    this.budget = budget;
  }

  private void spend(String op) {
    if (budget-- <= 0) {
      throw new TransportException(describe(), op, new IOException("connection reset (injected)"));
    }
  }

  @Override
  public String describe() {
    return "faulty:" + inner.describe();
  }

  @Override
  public List<Origin> origins() {
    spend("list origins");
    return inner.origins();
  }

  @Override
  public List<ArtifactInfo> list(Origin origin, ArtifactKind kind, ArtifactName after) {
    spend("list");
    return inner.list(origin, kind, after);
  }

  @Override
  public Optional<ArtifactInfo> head(ArtifactName name) {
    spend("head");
    return inner.head(name);
  }

  @Override
  public byte[] get(ArtifactName name) {
    spend("get");
    return inner.get(name);
  }

  @Override
  public PutResult putIfAbsent(ArtifactName name, byte[] bytes) {
    spend("put");
    return inner.putIfAbsent(name, bytes);
  }

  @Override
  public void delete(ArtifactName name) {
    spend("delete");
    inner.delete(name);
  }

  @Override
  public boolean moveAside(ArtifactName name, String reason) {
    spend("move aside");
    return inner.moveAside(name, reason);
  }

  @Override
  public java.util.Optional<byte[]> marker() {
    return inner.marker();
  }

  @Override
  public dev.cairn.exchange.transport.PutResult putMarker(byte[] bytes) {
    return inner.putMarker(bytes);
  }
}
