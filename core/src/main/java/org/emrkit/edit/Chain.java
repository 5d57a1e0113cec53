package org.emrkit.edit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Actor;
import org.emrkit.record.Context;
import org.emrkit.record.Record;
import org.emrkit.record.RecordStatus;
import org.emrkit.record.Revision;
import org.emrkit.record.Signature;
import org.emrkit.record.SignatureScope;
import org.emrkit.record.TracePath;
import org.emrkit.record.Values;
import org.emrkit.template.Template;

/**
 * Links new entries into a record's hash chain for one actor and clock: the record's creation
 * (the first entry, when a record without a trace is first changed), revisions stamped after
 * every entry already there (so the chain's order by time is the order of events), signatures,
 * status, context and completion changes. Package-private; the edit session's bookkeeping.
 */
final class Chain {

  private final Template template;
  private final Actor actor;
  private final Clock clock;

  Chain(Template template, Actor actor, Clock clock) {
    this.template = template;
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

  /**
   * The record with its creation as the first entry of its chain, if it has no chain yet: what
   * it holds then (signature values aside: only signing fills those) is what it was created
   * with.
   */
  Record created(Record r, List<Revision> added) {
    if (!r.revisions().isEmpty() || !r.signatures().isEmpty()) {
      return r;
    }
    Values plain = ValuePaths.stripSigned(r.values());
    Record start = with(r, plain, RecordStatus.DRAFT, List.of(), List.of());
    List<Revision> revisions = new ArrayList<>();
    append(revisions, added, null, revision(1, stamp(r, true), TracePath.RECORD, null,
        Entries.created(start, template), null));
    return with(start, plain, RecordStatus.DRAFT, List.of(), revisions);
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
    Revision unchained = new Revision(draft.seq(), draft.actor(), draft.at(), draft.path(),
        draft.oldValue(), draft.newValue(), draft.reason(), draft.level(), head, null);
    Revision linked = new Revision(draft.seq(), draft.actor(), draft.at(), draft.path(),
        draft.oldValue(), draft.newValue(), draft.reason(), draft.level(), head,
        RecordAudit.hash(RecordAudit.entry(unchained)));
    revisions.add(linked);
    added.add(linked);
    return linked.hash();
  }

  /**
   * The record with new values, a revision per change and the touched signatures superseded
   * (each with the revision that says so), every new entry linked to the one before.
   */
  Record changed(Record before, List<FormMerge.Change> changes, Values next, String reason,
      java.util.Set<Signature> touched, List<Revision> added) {
    Record current = created(before, added);
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
      sigs.set(i, s.asSuperseded());
      head = append(revisions, added, head, revision(revisions.size() + 1, at,
          new TracePath.OfSuperseded(s.id()), "false", "true", reason));
    }
    return with(current, next, current.status(), sigs, revisions);
  }

  /** The record moved to {@code status}, with the revision that says so. */
  Record withStatus(Record r, RecordStatus status, List<Revision> added) {
    return recordChange(r, TracePath.STATUS, "\"" + r.status().label() + "\"",
        "\"" + status.label() + "\"", null, added, status, r.context(), r.completedAt());
  }

  /** The record with another host context, with the revision that says so. */
  Record withContext(Record r, Context context, String reason, List<Revision> added) {
    return recordChange(r, TracePath.CONTEXT, RecordJson.canonical(r.context()),
        RecordJson.canonical(context), reason, added, r.status(), context, r.completedAt());
  }

  /** The record with another completion time, with the revision that says so. */
  Record withCompletedAt(Record r, OffsetDateTime at, String reason, List<Revision> added) {
    return recordChange(r, TracePath.COMPLETED_AT, r.completedAt() == null ? null
        : "\"" + RecordJson.dateTime(r.completedAt()) + "\"",
        at == null ? null : "\"" + RecordJson.dateTime(at) + "\"", reason, added, r.status(),
        r.context(), at);
  }

  private Record recordChange(Record before, TracePath path, String oldJson, String newJson,
      String reason, List<Revision> added, RecordStatus status, Context context,
      OffsetDateTime completedAt) {
    Record r = created(before, added);
    List<Revision> revisions = new ArrayList<>(r.revisions());
    append(revisions, added, RecordAudit.head(r).orElse(null), revision(revisions.size() + 1,
        stamp(r, true), path, oldJson, newJson, reason));
    return new Record(r.id(), r.template(), r.embeddedTemplate(), status, context, r.values(),
        completedAt, r.signatures(), revisions, r.extensions());
  }

  /**
   * A signature of this actor over {@code scope}, filling {@code field} ({@code null}: none),
   * linked to the chain's head.
   */
  Signature signature(Record r, OffsetDateTime at, SignatureScope scope, String field,
      String contentHash) {
    String head = RecordAudit.head(r).orElse(null);
    String id = "sig-" + (r.signatures().size() + 1);
    Signature unchained = new Signature(id, actor, at, scope, contentHash, field, false, head,
        null, null);
    return new Signature(id, actor, at, scope, contentHash, field, false, head,
        RecordAudit.hash(RecordAudit.entry(unchained)), null);
  }

  static Record with(Record r, Values values, RecordStatus status, List<Signature> signatures,
      List<Revision> revisions) {
    return new Record(r.id(), r.template(), r.embeddedTemplate(), status, r.context(), values,
        r.completedAt(), signatures, revisions, r.extensions());
  }
}
