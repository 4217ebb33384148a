package dev.cairn.exchange.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderTransportTest extends TransportContract {
  @TempDir Path dir;

  @Override
  protected Transport create() {
    return new FolderTransport(dir.resolve("target"));
  }

  @Override
  protected void plant(String path, byte[] bytes) throws Exception {
    plantInFolder(dir.resolve("target"), path, bytes);
  }

  @Test
  void leftoverTemporaryFilesAndStrayFilesAreNotListed() throws Exception {
    FolderTransport t = new FolderTransport(dir.resolve("t2"));
    t.putIfAbsent(ArtifactName.checkpoint(A, 1), bytes("one"));
    Path folder = dir.resolve("t2/alpha-aaaaaa/checkpoints");
    Files.writeString(folder.resolve(".tmp-123"), "partial");
    Files.writeString(folder.resolve("notes.txt"), "hello");
    Files.writeString(folder.resolve("12.json"), "wrong width");
    assertEquals(1, t.list(A, ArtifactKind.CHECKPOINT, null).size());
  }

  @Test
  void movingAsideKeepsTheBytesForInspection() throws Exception {
    FolderTransport t = new FolderTransport(dir.resolve("t3"));
    ArtifactName n = ArtifactName.checkpoint(A, 1);
    t.putIfAbsent(n, bytes("bad"));
    assertTrue(t.moveAside(n, "checksum"));
    assertTrue(t.head(n).isEmpty());
    try (var files = Files.walk(dir.resolve("t3/.quarantine"))) {
      assertEquals(2, files.filter(Files::isRegularFile).count(), "the artifact and its reason");
    }
  }
}
