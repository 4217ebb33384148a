package dev.cairn.cli.imports;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches a folder tree and runs a callback when something in it changes: the JDK's watch service
 * (inotify on Linux) on the folder and every folder below it, new ones included; a burst of
 * changes is run once, {@code debounce} after it settles; with nothing heard for {@code floor}
 * the callback runs anyway, which catches what a watch missed (an overflow, a folder that did not
 * exist yet). The callback runs on the watch's own thread, one run at a time.
 *
 * <p>Thread-safety: start once, close from any thread.
 */
public final class FolderWatch implements AutoCloseable {
  private final Path root;
  private final Duration debounce;
  private final Duration floor;
  private final Runnable onChange;
  private final WatchService watcher;
  private final Thread thread;
  private volatile boolean closed;

  public FolderWatch(Path root, Duration debounce, Duration floor, Runnable onChange) throws IOException {
    this.root = root;
    this.debounce = debounce;
    this.floor = floor;
    this.onChange = onChange;
    this.watcher = FileSystems.getDefault().newWatchService();
    this.thread = new Thread(this::loop, "cairn-watch");
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  private void loop() {
    try {
      registerTree(root);
      while (!closed) {
        WatchKey key = watcher.poll(floor.toMillis(), TimeUnit.MILLISECONDS);
        if (key != null) {
          handle(key);
          // debounce: keep draining until the folder has been quiet for a while
          for (WatchKey more = watcher.poll(debounce.toMillis(), TimeUnit.MILLISECONDS); more != null;
              more = watcher.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) {
            handle(more);
          }
        } else {
          registerTree(root); // the floor: the root may exist by now, or a watch may have been lost
        }
        if (!closed) {
          try {
            onChange.run();
          } catch (RuntimeException e) {
            // the callback reports its own failures; the watch goes on, and the next change or the floor retries
          }
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closing
    }
  }

  private void handle(WatchKey key) {
    Path dir = (Path) key.watchable();
    for (WatchEvent<?> e : key.pollEvents()) {
      if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && e.context() instanceof Path name) {
        Path child = dir.resolve(name);
        if (Files.isDirectory(child)) {
          registerTree(child); // a new project or sub-agent folder: watch it and what is already in it
        }
      }
    }
    key.reset();
  }

  /** Registers {@code dir} and every folder below it; a folder that is gone or unreadable is skipped (the floor retries). */
  private void registerTree(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> dirs = Files.walk(dir)) {
      dirs.filter(Files::isDirectory).forEach(d -> {
        try {
          d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException | ClosedWatchServiceException e) {
          // vanished meanwhile, or closing: the floor catches up
        }
      });
    } catch (IOException | java.io.UncheckedIOException e) {
      // a folder vanished during the walk: the floor retries
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      watcher.close();
    } catch (IOException e) {
      // closing anyway
    }
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
