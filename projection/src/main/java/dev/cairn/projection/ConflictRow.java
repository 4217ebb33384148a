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
    String loserValue) {}
