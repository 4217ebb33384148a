package dev.cairn.exchange.transport;

import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.ArtifactNameException;
import dev.cairn.ledger.Origin;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A transport over a folder: a synced folder (Syncthing, Dropbox), a network share, a USB stick,
 * and also this home's own artifact store ({@code CAIRN_HOME/artifacts}). Layout:
 * {@code <root>/<origin>/segments/<sha256>.seg.zst}, {@code <root>/<origin>/checkpoints/<N>.json};
 * corrupt artifacts are moved to {@code <root>/.quarantine/<origin>/<kind>/<file>.<time>}.
 *
 * <p>Publishing is write-once and crash-safe: the bytes go to a temporary file {@code
 * .tmp-<uuid>} in the target folder, which is fsynced and closed, then hard-linked to its final
 * name (a link never replaces an existing file, so two writers cannot overwrite each other), then
 * the temporary name is removed and the folder fsynced. A crash leaves at most a {@code .tmp-*}
 * file, never a partial artifact under its final name; listing ignores temporary files. On file
 * systems without hard links the fallback is a rename after an existence check (documented race).
 *
 * <p>Thread-safety: thread-safe, and safe with other processes using the same folder.
 */
public final class FolderTransport implements Transport {
  private static final String QUARANTINE = ".quarantine";
  private final Path root;

  public FolderTransport(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  @Override
  public String describe() {
    return "folder:" + root;
  }

  private Path file(ArtifactName name) {
    return root.resolve(name.origin().value()).resolve(name.kind().folder()).resolve(name.fileName());
  }

  @Override
  public List<Origin> origins() {
    List<Origin> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
      for (Path d : dirs) {
        String n = d.getFileName().toString();
        if (Origin.isValid(n) && Files.isDirectory(d)) {
          out.add(new Origin(n));
        }
      }
    } catch (IOException e) {
      throw new TransportException(describe(), "list origins", e);
    }
    out.sort(null);
    return out;
  }

  @Override
  public List<ArtifactInfo> list(Origin origin, ArtifactKind kind, ArtifactName after) {
    Path dir = root.resolve(origin.value()).resolve(kind.folder());
    List<ArtifactInfo> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + kind.suffix())) {
      for (Path f : files) {
        ArtifactName name;
        try {
          name = ArtifactName.parseFile(origin, kind, f.getFileName().toString());
        } catch (ArtifactNameException e) {
          continue; // not ours (a stray file): ignore
        }
        if (after == null || name.compareTo(after) > 0) {
          BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
          out.add(new ArtifactInfo(name, a.size(), a.lastModifiedTime().toInstant()));
        }
      }
    } catch (NoSuchFileException e) {
      return out;
    } catch (IOException e) {
      throw new TransportException(describe(), "list " + origin + "/" + kind.folder(), e);
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }

  @Override
  public Optional<ArtifactInfo> head(ArtifactName name) {
    try {
      BasicFileAttributes a = Files.readAttributes(file(name), BasicFileAttributes.class);
      return Optional.of(new ArtifactInfo(name, a.size(), a.lastModifiedTime().toInstant()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new TransportException(describe(), "head " + name, e);
    }
  }

  @Override
  public byte[] get(ArtifactName name) {
    try {
      long size = Files.size(file(name));
      if (size > MAX_ARTIFACT_BYTES) {
        throw new dev.cairn.exchange.artifact.ArtifactCorruptException(name, "at most " + MAX_ARTIFACT_BYTES + " bytes", size + " bytes");
      }
      return Files.readAllBytes(file(name));
    } catch (NoSuchFileException e) {
      throw new ArtifactNotFoundException(describe(), name);
    } catch (IOException e) {
      throw new TransportException(describe(), "read " + name, e);
    }
  }

  @Override
  public PutResult putIfAbsent(ArtifactName name, byte[] bytes) {
    return writeOnce(file(name), bytes, name.toString());
  }

  @Override
  public Optional<byte[]> marker() {
    Path f = root.resolve(dev.cairn.exchange.crypt.TargetMarker.FILE);
    try {
      if (Files.size(f) > 16 * 1024) {
        throw new dev.cairn.exchange.crypt.TargetMarker.MarkerException(describe(), "at most 16 KiB", Files.size(f) + " bytes");
      }
      return Optional.of(Files.readAllBytes(f));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new TransportException(describe(), "read the target marker", e);
    }
  }

  @Override
  public PutResult putMarker(byte[] bytes) {
    return writeOnce(root.resolve(dev.cairn.exchange.crypt.TargetMarker.FILE), bytes, dev.cairn.exchange.crypt.TargetMarker.FILE);
  }

  /** Temp file, fsync, no-replace link (or rename), directory fsync: a name never shows partial bytes. */
  private PutResult writeOnce(Path target, byte[] bytes, String what) {
    Path dir = target.getParent();
    Path tmp = dir.resolve(".tmp-" + UUID.randomUUID());
    try {
      if (Files.exists(target)) {
        return same(what, target, bytes);
      }
      Files.createDirectories(dir);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        publish(tmp, target);
      } catch (FileAlreadyExistsException e) {
        return same(what, target, bytes);
      }
      fsyncDir(dir);
      return PutResult.CREATED;
    } catch (IOException e) {
      throw new TransportException(describe(), "write " + what, e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // a leftover .tmp-* file is ignored by listing and harmless
      }
    }
  }

  private static void publish(Path tmp, Path target) throws IOException {
    try {
      Files.createLink(target, tmp);
    } catch (UnsupportedOperationException e) {
      if (Files.exists(target)) {
        throw new FileAlreadyExistsException(target.toString());
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private PutResult same(String what, Path target, byte[] bytes) throws IOException {
    if (Files.size(target) == bytes.length && Arrays.equals(Files.readAllBytes(target), bytes)) {
      return PutResult.ALREADY_PRESENT;
    }
    throw new ArtifactConflictException(describe(), what);
  }

  private static void fsyncDir(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // not every OS lets a directory be fsynced; the link itself is already in place
    }
  }

  @Override
  public void delete(ArtifactName name) {
    try {
      Files.deleteIfExists(file(name));
    } catch (IOException e) {
      throw new TransportException(describe(), "delete " + name, e);
    }
  }

  @Override
  public boolean moveAside(ArtifactName name, String reason) {
    Path from = file(name);
    Path to = root.resolve(QUARANTINE).resolve(name.origin().value()).resolve(name.kind().folder())
        .resolve(name.fileName() + "." + Instant.now().toEpochMilli());
    try {
      Files.createDirectories(to.getParent());
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
      Files.writeString(to.resolveSibling(to.getFileName() + ".reason"), reason + "\n");
      return true;
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new TransportException(describe(), "move aside " + name, e);
    }
  }
}
