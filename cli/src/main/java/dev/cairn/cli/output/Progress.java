package dev.cairn.cli.output;

import dev.cairn.cli.command.Context;

/**
 * A one-line progress bar on stderr, only when attached to a terminal; silent otherwise (so
 * scripted output stays clean). Redraws at most every 100 ms. Not thread-safe.
 */
public final class Progress {
  private final Context ctx;
  private final String label;
  private final String unit;
  private long lastDrawNanos;
  private boolean drawn;

  public Progress(Context ctx, String label, String unit) {
    this.ctx = ctx;
    this.label = label;
    this.unit = unit;
  }

  public void update(long done, long total) {
    update(done, total, "");
  }

  public void update(long done, long total, String detail) {
    if (!ctx.interactive()) {
      return;
    }
    long now = System.nanoTime();
    if (drawn && now - lastDrawNanos < 100_000_000L) {
      return;
    }
    lastDrawNanos = now;
    drawn = true;
    int width = 30;
    int filled = total <= 0 ? 0 : (int) Math.min(width, done * width / total);
    ctx.err().printf("\r%s [%s%s] %d/%d %s%s", label, "#".repeat(filled), " ".repeat(width - filled), done, total, unit,
        detail.isEmpty() ? "" : ", " + detail);
    ctx.err().flush();
  }

  public void done() {
    if (drawn) {
      ctx.err().print("\r\033[K");
      ctx.err().flush();
    }
  }
}
