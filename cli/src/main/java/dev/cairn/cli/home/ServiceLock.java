package dev.cairn.cli.home;

import dev.cairn.ledger.CairnException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One service per home: an OS lock on {@code state/serve.lock}, held while {@code cairn serve}
 * runs and released when its process ends however it ends. The file holds the holder's pid for
 * the message a second service gets. Create and close from one thread.
 */
public final class ServiceLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private ServiceLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock, or throws {@link ServiceRunningException} naming the running service's pid. */
  public static ServiceLock acquire(Home home) throws IOException {
    Path file = home.state().resolve("serve.lock");
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // this process already serves this home
    }
    if (lock == null) {
      String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
      channel.close();
      throw new ServiceRunningException(home.root(), holder);
    }
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
    return new ServiceLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }

  /** A second service on one home. */
  public static final class ServiceRunningException extends CairnException {
    ServiceRunningException(Path home, String holder) {
      super("a cairn serve already runs on " + home + (holder.isEmpty() ? "" : " (" + holder + ")")
          + "; one service per home: use that one, or stop it first");
    }

    @Override
    public Kind kind() {
      return Kind.STATE;
    }
  }
}
