package dev.cairn.exchange.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.ArtifactNameException;
import dev.cairn.ledger.Origin;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Transport} keeps. A transport's test extends this class and says how
 * to make a fresh, empty transport; the folder, HTTP and S3 transports all run the same tests.
 */
public abstract class TransportContract {
  protected static final Origin A = new Origin("alpha-aaaaaa");
  protected static final Origin B = new Origin("bravo-bbbbbb");
  private Transport transport;
  private Artifacts artifacts;

  /** A new, empty transport. */
  protected abstract Transport create() throws Exception;

  /**
   * Writes raw bytes at {@code path} below the transport's root, as a careless or hostile writer of
   * the same store could (the transport is not asked).
   */
  protected abstract void plant(String path, byte[] bytes) throws Exception;

  /** Writes {@code bytes} at {@code path} below a folder store's {@code root}, creating folders: {@link #plant} for folder-backed stores. */
  protected static void plantInFolder(java.nio.file.Path root, String path, byte[] bytes) throws java.io.IOException {
    java.nio.file.Path f = root.resolve(path);
    java.nio.file.Files.createDirectories(f.getParent());
    java.nio.file.Files.write(f, bytes);
  }

  /** Whether moveAside moves (a serving peer keeps its own store: it verifies what it accepts and never moves). */
  protected boolean movesAside() {
    return true;
  }

  /** Whether stored sizes are the plaintext sizes (false for an encrypting transport). */
  protected boolean storesPlaintext() {
    return true;
  }

  @BeforeEach
  void open(@org.junit.jupiter.api.io.TempDir java.nio.file.Path keys) throws Exception {
    transport = create();
    artifacts = new Artifacts(keys);
  }

  @AfterEach
  void closeTransport() {
    transport.close();
  }

  protected static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aPutArtifactCanBeReadListedAndHeaded() {
    Artifacts.Named seg = Artifacts.segment(A, 3, 0);
    byte[] b = seg.bytes();
    ArtifactName n = seg.name();
    java.time.Instant before = java.time.Instant.now();
    assertEquals(PutResult.CREATED, transport.putIfAbsent(n, b));
    java.time.Instant after = java.time.Instant.now();
    assertArrayEquals(b, transport.get(n));
    long stored = transport.head(n).orElseThrow().bytes();
    if (storesPlaintext()) {
      assertEquals(b.length, stored);
    }
    List<ArtifactInfo> listed = transport.list(A, ArtifactKind.SEGMENT, null);
    assertEquals(List.of(n), listed.stream().map(ArtifactInfo::name).toList());
    assertEquals(stored, listed.get(0).bytes());
    java.time.Instant modified = listed.get(0).modified();
    // stores keep whole seconds (S3's Last-Modified, some file systems): the time of the put, to the second
    assertTrue(!modified.isBefore(before.minusSeconds(2)) && !modified.isAfter(after.plusSeconds(2)),
        "the time it was stored, between " + before + " and " + after + ": " + modified);
    assertEquals(List.of(A), transport.origins());
  }

  @Test
  void writingTheSameBytesAgainIsAlreadyPresent() {
    Artifacts.Named seg = Artifacts.segment(A, 2, 0);
    byte[] b = seg.bytes();
    ArtifactName n = seg.name();
    transport.putIfAbsent(n, b);
    assertEquals(PutResult.ALREADY_PRESENT, transport.putIfAbsent(n, b));
  }

  @Test
  void writingOtherBytesUnderATakenNameIsAConflictAndChangesNothing() {
    Artifacts.Named first = artifacts.checkpoint(A, 1, 2);
    Artifacts.Named second = artifacts.checkpoint(A, 1, 3);
    transport.putIfAbsent(first.name(), first.bytes());
    assertThrows(ArtifactConflictException.class, () -> transport.putIfAbsent(second.name(), second.bytes()));
    assertArrayEquals(first.bytes(), transport.get(first.name()));
  }

  @Test
  void missingArtifactsAreNotFoundAndHeadEmpty() {
    ArtifactName n = ArtifactName.checkpoint(A, 9);
    assertThrows(ArtifactNotFoundException.class, () -> transport.get(n));
    assertTrue(transport.head(n).isEmpty());
    assertTrue(transport.list(B, ArtifactKind.CHECKPOINT, null).isEmpty());
  }

  @Test
  void listingIsSortedPerOriginAndKindAndResumesAfterACursor() {
    for (int i = 12; i >= 1; i--) {
      Artifacts.Named cp = artifacts.checkpoint(A, i, 2);
      transport.putIfAbsent(cp.name(), cp.bytes());
    }
    Artifacts.Named b = artifacts.checkpoint(B, 1, 2);
    transport.putIfAbsent(b.name(), b.bytes());
    Artifacts.Named seg = Artifacts.segment(A, 2, 0);
    transport.putIfAbsent(seg.name(), seg.bytes());
    List<ArtifactInfo> all = transport.list(A, ArtifactKind.CHECKPOINT, null);
    assertEquals(12, all.size());
    for (int i = 0; i < 12; i++) {
      assertEquals(i + 1, all.get(i).name().checkpointNumber(), "lexical order is numeric order");
    }
    List<ArtifactInfo> after = transport.list(A, ArtifactKind.CHECKPOINT, ArtifactName.checkpoint(A, 10));
    assertEquals(List.of(11L, 12L), after.stream().map(i -> i.name().checkpointNumber()).toList());
    assertEquals(List.of(A, B), transport.origins());
  }

  @Test
  void traversalNamesCannotBeMadeAndWhatAStoreListsBesideArtifactsIsNeverReturned() throws Exception {
    assertThrows(ArtifactNameException.class, () -> ArtifactName.parsePath("../../etc/segments/" + "0".repeat(64) + ".seg.zst"));
    assertThrows(ArtifactNameException.class, () -> new ArtifactName(A, ArtifactKind.SEGMENT, "../../../etc/passwd"));
    assertThrows(ArtifactNameException.class, () -> new ArtifactName(A, ArtifactKind.CHECKPOINT, "0000000001/../x"));
    assertThrows(dev.cairn.ledger.EventFormatException.class, () -> new Origin("../a"));
    Artifacts.Named cp = artifacts.checkpoint(A, 1, 2);
    transport.putIfAbsent(cp.name(), cp.bytes());
    plant("alpha-aaaaaa/checkpoints/12.json", bytes("wrong width"));
    plant("alpha-aaaaaa/checkpoints/notes.txt", bytes("hello"));
    plant("alpha-aaaaaa/checkpoints/..json", bytes("dots"));
    plant("alpha-aaaaaa/segments/" + "g".repeat(64) + ".seg.zst", bytes("not hex"));
    plant("Not_An-Origin/checkpoints/0000000001.json", bytes("bad origin"));
    assertEquals(List.of(cp.name()), transport.list(A, ArtifactKind.CHECKPOINT, null).stream().map(ArtifactInfo::name).toList());
    assertEquals(List.of(), transport.list(A, ArtifactKind.SEGMENT, null));
    assertEquals(List.of(A), transport.origins(), "a folder that is not an origin is not one");
  }

  @Test
  void aMovedAsideArtifactLeavesItsNameFreeForAGoodCopy() throws Exception {
    Artifacts.Named cp = artifacts.checkpoint(A, 1, 2);
    ArtifactName n = cp.name();
    if (movesAside()) {
      transport.putIfAbsent(n, bytes("corrupt"));
    } else {
      plant(n.path(), bytes("corrupt")); // a serving peer refuses to store what it would not apply
    }
    boolean moved = transport.moveAside(n, "corrupt: expected a checkpoint");
    if (!movesAside()) {
      assertFalse(moved);
      assertArrayEquals(bytes("corrupt"), transport.get(n), "a transport that cannot move changes nothing");
      return;
    }
    assertTrue(moved);
    assertThrows(ArtifactNotFoundException.class, () -> transport.get(n));
    assertTrue(transport.head(n).isEmpty());
    assertEquals(List.of(), transport.list(A, ArtifactKind.CHECKPOINT, null), "what is set aside is not listed");
    assertEquals(PutResult.CREATED, transport.putIfAbsent(n, cp.bytes()));
    assertArrayEquals(cp.bytes(), transport.get(n));
    assertFalse(transport.moveAside(ArtifactName.checkpoint(A, 9), "missing"), "nothing to move is not an error");
  }

  @Test
  void largeArtifactsRoundTrip() {
    Artifacts.Named seg = Artifacts.bigSegment(A, 12);
    byte[] big = seg.bytes();
    assertTrue(big.length > 8 << 20, "a large artifact: " + big.length);
    ArtifactName n = seg.name();
    assertEquals(PutResult.CREATED, transport.putIfAbsent(n, big));
    assertArrayEquals(big, transport.get(n));
  }

  @Test
  void concurrentPutsOfDifferentBytesHaveExactlyOneWinner() throws Exception {
    ArtifactName n = ArtifactName.checkpoint(A, 7);
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<PutResult>> results = new ArrayList<>();
    List<byte[]> candidates = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      byte[] mine = artifacts.checkpoint(A, 7, 2 + i).bytes();
      candidates.add(mine);
      results.add(pool.submit(() -> {
        start.await();
        try {
          return transport.putIfAbsent(n, mine);
        } catch (ArtifactConflictException e) {
          return null;
        }
      }));
    }
    start.countDown();
    int created = 0;
    int conflicts = 0;
    for (Future<PutResult> f : results) {
      PutResult r = f.get();
      if (r == PutResult.CREATED) {
        created++;
      } else if (r == null) {
        conflicts++;
      }
    }
    pool.shutdown();
    assertEquals(1, created, "exactly one writer wins");
    assertEquals(writers - 1, conflicts);
    byte[] stored = transport.get(n);
    assertTrue(candidates.stream().anyMatch(c -> java.util.Arrays.equals(c, stored)), "a whole winner, never a mix");
  }

  @Test
  void concurrentPutsOfTheSameBytesAllSucceed() throws Exception {
    Artifacts.Named seg = Artifacts.segment(A, 500, 1);
    byte[] b = seg.bytes();
    ArtifactName n = seg.name();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<PutResult>> results = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      results.add(pool.submit(() -> transport.putIfAbsent(n, b)));
    }
    int created = 0;
    for (Future<PutResult> f : results) {
      created += f.get() == PutResult.CREATED ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(1, created);
    assertArrayEquals(b, transport.get(n));
  }

  /** Whether the transport under test lets its user delete (a serving peer does not: only its own gc deletes). */
  protected boolean deletes() {
    return true;
  }

  @Test
  void deleteRemovesAndIsIdempotent() {
    org.junit.jupiter.api.Assumptions.assumeTrue(deletes(), "this transport refuses deletes; its own test says how");
    Artifacts.Named cp = artifacts.checkpoint(A, 1, 2);
    ArtifactName n = cp.name();
    transport.putIfAbsent(n, cp.bytes());
    transport.delete(n);
    transport.delete(n);
    assertTrue(transport.head(n).isEmpty());
    assertFalse(transport.list(A, ArtifactKind.CHECKPOINT, null).stream().anyMatch(i -> i.name().equals(n)));
  }
}
