package dev.cairn.cli.home;

import dev.cairn.projection.View;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * The view's files as a whole ({@code view.db} and its {@code -wal}/{@code -shm}): the view is
 * derived, so a file SQLite cannot open or read is not fatal, it is set aside for inspection and
 * rebuilt. Stateless.
 */
public final class ViewFiles {
  private ViewFiles() {}

  /** Whether {@code e} says the file is not a readable SQLite database (SQLITE_CORRUPT 11, SQLITE_NOTADB 26, a missing schema). */
  static boolean damaged(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException s && (s.getErrorCode() == 11 || s.getErrorCode() == 26)) {
        return true;
      }
      String m = String.valueOf(t.getMessage());
      if (m.contains("SQLITE_CORRUPT") || m.contains("SQLITE_NOTADB") || m.contains("malformed") || m.contains("no such table")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The number of entries the current view has applied, or 0 if there is none; a view that cannot
   * be opened or read is moved aside to {@code view.db.broken-<time>} (with one line on {@code err}) and
   * counts as none.
   */
  public static long appliedOrSetAside(Home home, PrintWriter err) {
    Path view = home.view();
    if (!Files.exists(view)) {
      return 0;
    }
    try (View v = View.open(view)) {
      return v.position().entries();
    } catch (RuntimeException e) {
      if (!damaged(e)) {
        throw e; // busy, permissions, a full disk: not the file's fault, nothing to set aside
      }
      Path aside = view.resolveSibling(view.getFileName() + ".broken-" + home.clock().instant().toString().replace(":", ""));
      try {
        Files.move(view, aside, StandardCopyOption.ATOMIC_MOVE);
        for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
          Files.deleteIfExists(view.resolveSibling(view.getFileName() + suffix));
        }
      } catch (IOException io) {
        throw new HomePermissions.HomeIoException(view, "move the broken view aside: " + io.getMessage());
      }
      err.println("cairn: " + view + " could not be read (" + e.getMessage() + "); moved it aside to " + aside + " and rebuilding it");
      return 0;
    }
  }
}
