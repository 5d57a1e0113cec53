package org.emrkit.edit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.RecordStatus;
import org.emrkit.record.Revision;
import org.emrkit.record.Signature;
import org.emrkit.record.SignatureScope;
import org.emrkit.record.TracePath;
import org.emrkit.record.Values;

/**
 * Links new entries into a record's hash chain for one actor and clock: revisions stamped after
 * every entry already there (so the chain's order by time is the order of events), signatures,
 * status changes. Package-private; the edit session's bookkeeping.
 */
final class Chain {

  private final Actor actor;
  private final Clock clock;

  Chain(Actor actor, Clock clock) {
    this.actor = actor;
    this.clock = clock;
  }

  /**
   * The time for a new chain entry: the clock's, or the last entry's time if the clock is behind;
   * a revision made in the same millisecond as a signature (or before it) goes one millisecond
   * after it.
   */
  OffsetDateTime stamp(Record r, boolean revision) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (Revision x : r.revisions()) {
      now = x.at().toInstant().isAfter(now.toInstant()) ? x.at() : now;
    }
    for (Signature x : r.signatures()) {
      now = x.at().toInstant().isAfter(now.toInstant()) ? x.at() : now;
    }
    if (revision) {
      for (Signature s : r.signatures()) {
        if (!s.at().toInstant().isBefore(now.toInstant())) {
          now = s.at().plusNanos(1_000_000);
        }
      }
    }
    return now;
  }

  /** A revision of this actor, not yet linked. */
  Revision revision(int seq, OffsetDateTime at, TracePath path, String oldJson, String newJson,
      String reason) {
    return new Revision(seq, actor, at, path, oldJson, newJson, reason, actor.role().rank(), null,
        null);
  }

  /** Links a revision to the chain's head, appends it to both lists; returns the new head. */
  static String append(List<Revision> revisions, List<Revision> added, String head,
      Revision draft) {
    Revision linked = new Revision(draft.seq(), draft.actor(), draft.at(), draft.path(),
        draft.oldValue(), draft.newValue(), draft.reason(), draft.level(), head,
        RecordAudit.hash(head == null ? "" : head, RecordAudit.content(draft)));
    revisions.add(linked);
    added.add(linked);
    return linked.hash();
  }

  /**
   * The record with new values, a revision per change and the touched signatures superseded
   * (each with the revision that says so), every new entry linked to the one before.
   */
  Record changed(Record current, List<FormMerge.Change> changes, Values next, String reason,
      java.util.Set<Signature> touched, List<Revision> added) {
    OffsetDateTime at = stamp(current, true);
    List<Revision> revisions = new ArrayList<>(current.revisions());
    List<Signature> sigs = new ArrayList<>(current.signatures());
    // each new revision is the chain's head for the next: stamped after every existing entry
    String head = RecordAudit.head(current).orElse(null);
    for (FormMerge.Change c : changes) {
      head = append(revisions, added, head, revision(revisions.size() + 1, at,
          new TracePath.OfValue(c.path()), c.oldJson(), c.newJson(), reason));
    }
    for (Signature s : touched) {
      int i = sigs.indexOf(s);
      sigs.set(i, new Signature(s.id(), s.signer(), s.at(), s.scope(), s.contentHash(), true,
          s.previousHash(), s.hash()));
      head = append(revisions, added, head, revision(revisions.size() + 1, at,
          new TracePath.OfSuperseded(i), "false", "true", reason));
    }
    return with(current, next, current.status(), sigs, revisions);
  }

  /** The record moved to {@code status}, with the revision that says so. */
  Record withStatus(Record r, RecordStatus status, List<Revision> added) {
    List<Revision> revisions = new ArrayList<>(r.revisions());
    append(revisions, added, RecordAudit.head(r).orElse(null), revision(revisions.size() + 1,
        stamp(r, true), TracePath.STATUS, "\"" + r.status().label() + "\"",
        "\"" + status.label() + "\"", null));
    return with(r, r.values(), status, r.signatures(), revisions);
  }

  /** A signature of this actor over {@code scope}, linked to the chain's head. */
  Signature signature(Record r, OffsetDateTime at, SignatureScope scope, String contentHash) {
    String head = RecordAudit.head(r).orElse(null);
    String id = "sig-" + (r.signatures().size() + 1);
    Signature unchained = new Signature(id, actor, at, scope, contentHash, false, head, null);
    return new Signature(id, actor, at, scope, contentHash, false, head,
        RecordAudit.hash(head == null ? "" : head, RecordAudit.content(unchained)));
  }

  static Record with(Record r, Values values, RecordStatus status, List<Signature> signatures,
      List<Revision> revisions) {
    return new Record(r.id(), r.template(), r.embeddedTemplate(), status, r.context(), values,
        r.completedAt(), signatures, revisions, r.extensions());
  }
}
