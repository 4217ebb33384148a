package dev.cairn.exchange.sync;

import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.transport.ArtifactInfo;
import dev.cairn.exchange.transport.PutResult;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.exchange.transport.TransportException;
import dev.cairn.ledger.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Wraps a folder transport and fails exactly one operation, the {@code failAt}-th (counting from
 * 1), in one of three ways: before it reaches the store; in the middle of a put (a partial
 * temporary file is left in the folder, as a crash mid-write leaves one, and the name never
 * appears); or after it succeeded, as if the answer was lost. Counts every operation, so a clean
 * run tells how many steps a sync has. Not thread-safe.
 */
final class StepFaultTransport implements Transport {
  enum Mode {
    BEFORE,
    MID_STREAM,
    AFTER
  }

  private final Transport inner;
  private final Path folder;
  private final int failAt;
  private final Mode mode;
  int ops;

  StepFaultTransport(Transport inner, Path folder, int failAt, Mode mode) {
    this.inner = inner;
    this.folder = folder;
    this.failAt = failAt;
    this.mode = mode;
  }

  private <T> T step(String op, ArtifactName name, byte[] bytes, Supplier<T> work) {
    ops++;
    if (ops != failAt) {
      return work.get();
    }
    if (mode == Mode.AFTER) {
      work.get();
    } else if (mode == Mode.MID_STREAM && bytes != null) {
      try {
        Path dir = folder.resolve(name.origin().value()).resolve(name.kind().folder());
        Files.createDirectories(dir);
        Files.write(dir.resolve(".tmp-injected-" + ops), java.util.Arrays.copyOf(bytes, bytes.length / 2));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new TransportException(describe(), op + (name == null ? "" : " " + name), new IOException("injected " + mode + " fault at step " + ops));
  }

  @Override
  public String describe() {
    return "faulty:" + inner.describe();
  }

  @Override
  public List<Origin> origins() {
    return step("list origins", null, null, inner::origins);
  }

  @Override
  public List<ArtifactInfo> list(Origin origin, ArtifactKind kind, ArtifactName after) {
    return step("list", null, null, () -> inner.list(origin, kind, after));
  }

  @Override
  public Optional<ArtifactInfo> head(ArtifactName name) {
    return step("head", name, null, () -> inner.head(name));
  }

  @Override
  public byte[] get(ArtifactName name) {
    return step("get", name, null, () -> inner.get(name));
  }

  @Override
  public PutResult putIfAbsent(ArtifactName name, byte[] bytes) {
    return step("put", name, bytes, () -> inner.putIfAbsent(name, bytes));
  }

  @Override
  public void delete(ArtifactName name) {
    step("delete", name, null, () -> {
      inner.delete(name);
      return null;
    });
  }

  @Override
  public boolean moveAside(ArtifactName name, String reason) {
    return step("move aside", name, null, () -> inner.moveAside(name, reason));
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
