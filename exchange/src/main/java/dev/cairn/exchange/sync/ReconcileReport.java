package dev.cairn.exchange.sync;

import dev.cairn.ledger.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a reconcile found and did, per origin and in total. "Nothing to do" means it uploaded,
 * re-uploaded and restored nothing and found no corruption. Mutable while the reconcile runs; not
 * thread-safe.
 */
public final class ReconcileReport {
  /** Per-origin counts. */
  public static final class OriginReport {
    /** Artifacts present on both sides whose target copy was downloaded and verified. */
    public long verified;
    /** Artifacts the target lacked, uploaded from the local store. */
    public long uploaded;
    /** Target copies that failed verification, moved aside there and uploaded again. */
    public long reuploaded;
    /** Local copies that failed verification (moved aside locally; restored from the target when it holds a good copy). */
    public long corruptLocal;
    /** Artifacts only the target has (newer checkpoints, segments they list). */
    public long onlyOnTarget;
    /** Events restored into the ledger from the target (with --restore): its sealed events beyond this ledger, this home's own included. */
    public long restored;
    /** Plaintext artifacts in an encrypted target, or encrypted ones in a plaintext target: corruption, never read. */
    public final List<String> wrongKind = new ArrayList<>();
    /** Target artifacts no checkpoint of the origin reaches (reported; reconcile never deletes). */
    public final List<String> orphans = new ArrayList<>();
  }

  public final Map<Origin, OriginReport> origins = new TreeMap<>();
  /** What went wrong (corruption, artifacts that could not be placed). */
  public final List<String> problems = new ArrayList<>();
  /** What is worth knowing but is not wrong (what only the target has, without --restore). */
  public final List<String> notes = new ArrayList<>();
  public long deadLettersCleared;

  public OriginReport origin(Origin o) {
    return origins.computeIfAbsent(o, k -> new OriginReport());
  }

  private long sum(java.util.function.ToLongFunction<OriginReport> f) {
    return origins.values().stream().mapToLong(f).sum();
  }

  public long verified() {
    return sum(r -> r.verified);
  }

  public long uploaded() {
    return sum(r -> r.uploaded);
  }

  public long reuploaded() {
    return sum(r -> r.reuploaded);
  }

  public long corruptLocal() {
    return sum(r -> r.corruptLocal);
  }

  public long onlyOnTarget() {
    return sum(r -> r.onlyOnTarget);
  }

  public long restored() {
    return sum(r -> r.restored);
  }

  public long wrongKind() {
    return sum(r -> r.wrongKind.size());
  }

  public long orphans() {
    return sum(r -> r.orphans.size());
  }

  /** True when the run changed nothing and found nothing wrong: the state a second run must reach. */
  public boolean nothingToDo() {
    return uploaded() + reuploaded() + corruptLocal() + restored() + wrongKind() == 0 && problems.isEmpty();
  }
}
