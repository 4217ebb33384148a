package dev.cairn.projection;

/** Told after each committed batch how many entries have been applied in this run. */
@FunctionalInterface
public interface ProgressListener {
  void applied(long appliedSoFar, long headIndex);

  ProgressListener NONE = (a, h) -> { };
}
