package org.emrkit.edit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.emrkit.record.Context;
import org.emrkit.record.Record;
import org.emrkit.record.RecordStatus;
import org.emrkit.record.Revision;
import org.emrkit.record.Signature;
import org.emrkit.record.Values;

/**
 * What an edit session does once it knows what is asked: admits a proposal (checks, then values,
 * revisions and superseded signatures), moves the status, replaces the context, records the
 * completion, and commits (anchoring the new head). Package-private; one per session.
 */
final class Changes {

  private final Gate gate;
  private final Chain chain;
  private final History history;
  private final AnchorLog anchors;
  private final Clock clock;

  Changes(Gate gate, Chain chain, History history, AnchorLog anchors, Clock clock) {
    this.gate = gate;
    this.chain = chain;
    this.history = history;
    this.anchors = anchors;
    this.clock = clock;
  }

  /** Anchors the new head (if there is a log and it moved), then fixes the edits. */
  Record commit() {
    Record r = history.current();
    if (anchors != null && r != history.base()) {
      Optional<String> head = RecordAudit.head(r);
      if (head.isPresent() && !head.equals(RecordAudit.head(history.base()))) {
        anchors.append(new Anchor(r.id(), RecordAudit.length(r), head.get(),
            OffsetDateTime.now(clock), null));
      }
    }
    return history.commit();
  }

  EditResult archive() {
    Optional<Refusal> r = gate.open(history.current(), "");
    if (r.isPresent()) {
      return EditResult.refused(r.get());
    }
    if (history.current().status() != RecordStatus.SIGNED) {
      return EditResult.refused(new Refusal("edit/status", "", "只有已签名的病历可以归档",
          "only a signed record can be archived"));
    }
    Optional<Refusal> denied = gate.decide(history.current(), EditAction.ARCHIVE, "", List.of(),
        null);
    if (denied.isPresent()) {
      return EditResult.refused(denied.get());
    }
    List<Revision> added = new ArrayList<>();
    history.push(chain.withStatus(history.current(), RecordStatus.ARCHIVED, added));
    return EditResult.applied(added);
  }

  EditResult updateContext(Context context, String reason) {
    Optional<Refusal> r = gate.open(history.current(), "");
    if (r.isPresent()) {
      return EditResult.refused(r.get());
    }
    if (context.equals(history.current().context())) {
      return EditResult.applied(List.of());
    }
    List<Revision> added = new ArrayList<>();
    history.push(chain.withContext(history.current(), context, blankToNull(reason), added));
    return EditResult.applied(added);
  }

  EditResult complete() {
    Optional<Refusal> r = gate.open(history.current(), "");
    if (r.isPresent()) {
      return EditResult.refused(r.get());
    }
    List<Revision> added = new ArrayList<>();
    Record current = history.current();
    history.push(chain.withCompletedAt(current, chain.stamp(current, true), null, added));
    return EditResult.applied(added);
  }

  /**
   * Checks every affected path, then applies the new values, adds a revision per change and
   * supersedes the signatures the changes touch.
   */
  EditResult admit(Proposal p, String reason) {
    if (p.refusal() != null) {
      return EditResult.refused(p.refusal());
    }
    if (p.next() == null) {
      return EditResult.applied(List.of());
    }
    Values next = p.next();
    String why = blankToNull(reason);
    Set<Signature> touched = Gate.touched();
    Refusal refused = gate.admit(history.current(), p.affected(), why, touched);
    if (refused != null) {
      return EditResult.refused(refused);
    }
    int size = next.deepSize();
    if (size > 100_000) {
      return EditResult.refused(new Refusal("edit/too-large", "", "病历字段值过多(" + size + ")",
          "too many values in the record (" + size + ")"));
    }
    List<Revision> added = new ArrayList<>();
    history.push(chain.changed(history.current(), p.changes(), next, why, touched, added));
    return EditResult.applied(added);
  }

  static String blankToNull(String reason) {
    return reason == null || reason.isBlank() ? null : reason.strip();
  }
}
