package dev.cairn.exchange.sync;

import dev.cairn.ledger.Origin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * What a reconcile found and did, per origin and in total. "Nothing to do" means it uploaded,
 * re-uploaded and restored nothing and found no corruption. Immutable: a run counts into a
 * {@link Tally} and freezes it when it ends.
 */
public final class ReconcileReport {
  /**
   * Per-origin counts: verified (downloaded from the target and verified), uploaded (the target
   * lacked it), re-uploaded (the target's copy was corrupt), corrupt locally, only on the target,
   * restored (events applied from the target), artifacts of the wrong kind (plaintext in an
   * encrypted target or the reverse), orphans (artifacts no checkpoint reaches). Immutable.
   */
  public record OriginReport(long verified, long uploaded, long reuploaded, long corruptLocal, long onlyOnTarget, long restored,
      List<String> wrongKind, List<String> orphans) {
    public OriginReport {
      wrongKind = List.copyOf(wrongKind);
      orphans = List.copyOf(orphans);
    }
  }

  private final Map<Origin, OriginReport> origins;
  private final List<String> problems;
  private final List<String> notes;

  private ReconcileReport(Tally t) {
    TreeMap<Origin, OriginReport> o = new TreeMap<>();
    t.origins.forEach((k, v) -> o.put(k, v.freeze()));
    this.origins = Collections.unmodifiableMap(o);
    this.problems = List.copyOf(t.problems);
    this.notes = List.copyOf(t.notes);
  }

  public Map<Origin, OriginReport> origins() {
    return origins;
  }

  /** What is wrong (corruption found, artifacts that could not be placed). */
  public List<String> problems() {
    return problems;
  }

  /** What a person may want to know but need not act on. */
  public List<String> notes() {
    return notes;
  }

  private long sum(ToLongFunction<OriginReport> f) {
    return origins.values().stream().mapToLong(f).sum();
  }

  public long verified() {
    return sum(OriginReport::verified);
  }

  public long uploaded() {
    return sum(OriginReport::uploaded);
  }

  public long reuploaded() {
    return sum(OriginReport::reuploaded);
  }

  public long corruptLocal() {
    return sum(OriginReport::corruptLocal);
  }

  public long onlyOnTarget() {
    return sum(OriginReport::onlyOnTarget);
  }

  public long restored() {
    return sum(OriginReport::restored);
  }

  public long wrongKind() {
    return sum(r -> r.wrongKind().size());
  }

  public long orphans() {
    return sum(r -> r.orphans().size());
  }

  /** True when the run changed nothing and found nothing wrong: the state a second run must reach. */
  public boolean nothingToDo() {
    return uploaded() + reuploaded() + corruptLocal() + restored() + wrongKind() == 0 && problems.isEmpty();
  }

  /** What a reconcile counts as it goes; {@link #build()} freezes it. Not thread-safe; one per run. */
  static final class Tally {
    final Map<Origin, OriginTally> origins = new TreeMap<>();
    final List<String> problems = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    OriginTally origin(Origin o) {
      return origins.computeIfAbsent(o, k -> new OriginTally());
    }

    ReconcileReport build() {
      return new ReconcileReport(this);
    }
  }

  /** One origin's counts while a reconcile goes. Not thread-safe. */
  static final class OriginTally {
    long verified;
    long uploaded;
    long reuploaded;
    long corruptLocal;
    long onlyOnTarget;
    long restored;
    final List<String> wrongKind = new ArrayList<>();
    final List<String> orphans = new ArrayList<>();

    OriginReport freeze() {
      return new OriginReport(verified, uploaded, reuploaded, corruptLocal, onlyOnTarget, restored, wrongKind, orphans);
    }
  }
}
