package dev.cairn.projection;

/** One recorded fork: the winning and one losing event of a (session, register, prev) group. Immutable. */
public record ConflictRow(
    String session,
    String register,
    String prev,
    String winnerOrigin,
    long winnerSeq,
    String winnerHlc,
    String winnerValue,
    String loserOrigin,
    long loserSeq,
    String loserHlc,
    String loserValue,
    String resolvedBy,
    String resolution) {
  /** Whether a later write on the register saw the winner (then {@link #resolvedBy} is its "origin/seq" and {@link #resolution} the register's value now). */
  public boolean isResolved() {
    return resolvedBy != null;
  }
}
