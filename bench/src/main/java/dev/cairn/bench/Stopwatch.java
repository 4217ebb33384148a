package dev.cairn.bench;

/** Elapsed wall time of one measured step. Not thread-safe. */
final class Stopwatch {
  private final long start = System.nanoTime();

  static Stopwatch start() {
    return new Stopwatch();
  }

  double seconds() {
    return (System.nanoTime() - start) / 1e9;
  }
}
