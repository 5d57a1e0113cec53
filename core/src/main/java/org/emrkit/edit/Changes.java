package org.emrkit.edit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.emrkit.json.JsonLimits;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Context;
import org.emrkit.record.Record;
import org.emrkit.record.RecordStatus;
import org.emrkit.record.Revision;
import org.emrkit.record.Signature;
import org.emrkit.record.Values;
import org.emrkit.render.PrintEntry;

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
    Optional<Refusal> denied = gate.may(history.current(), EditAction.ARCHIVE);
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

  /**
   * Logs a print: its entry, by this session's actor, as a revision of {@code /@prints} at the
   * print's own time when that is not before the chain's head (so the log and the paper's stamp
   * agree), else at the chain's next time.
   */
  EditResult print(PrintEntry entry, org.emrkit.record.Actor actor) {
    Optional<Refusal> r = gate.intact();
    if (r.isPresent()) {
      return EditResult.refused(r.get());
    }
    if (!entry.actor().equals(actor)) {
      return EditResult.refused(new Refusal("edit/print-actor", "/@prints",
          "打印记录只能由打印者本人记录", "a print is logged by the person who printed it"));
    }
    if (entry.seq() != 0) {
      return EditResult.refused(new Refusal("edit/print-logged", "/@prints",
          "这次打印已经记录过", "this print is logged already"));
    }
    if (entry.at().isAfter(OffsetDateTime.now(clock).plusMinutes(5))) {
      return EditResult.refused(new Refusal("edit/print-time", "/@prints",
          "打印时间晚于当前时间：" + entry.at(), "the print is dated after now: " + entry.at()));
    }
    List<Revision> added = new ArrayList<>();
    Record current = chain.created(history.current(), added);
    // the print's own time (the stamp on its sheets says it), unless the chain already has an
    // entry at or after it: then the chain's next time
    boolean later = false;
    for (Revision v : current.revisions()) {
      later |= !v.at().toInstant().isBefore(entry.at().toInstant());
    }
    for (Signature sg : current.signatures()) {
      later |= !sg.at().toInstant().isBefore(entry.at().toInstant());
    }
    OffsetDateTime at = later ? chain.stamp(current, true) : entry.at();
    List<Revision> revisions = new ArrayList<>(current.revisions());
    Chain.append(revisions, added, RecordAudit.head(current).orElse(null), chain.revision(
        revisions.size() + 1, at, org.emrkit.record.TracePath.PRINTS, null, entry.json(), null));
    Record candidate = Chain.with(current, current.values(), current.status(),
        current.signatures(), revisions);
    if (tooLarge(candidate) > 0) {
      // every print is kept: a record printed without end would outgrow what can be read back
      return EditResult.refused(new Refusal("edit/record-too-large", "/@prints",
          "病历过大，不能再记录打印；请联系病案管理部门", "the record is too large to log another"
              + " print"));
    }
    history.push(candidate);
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
    for (FormMerge.Change c : p.changes()) {
      if (c.newJson() != null && c.newJson().length() > MAX_VALUE_CHARS) {
        return EditResult.refused(new Refusal("edit/too-long", c.path(), "填写内容过长（"
            + c.newJson().length() + " 字符，上限 " + MAX_VALUE_CHARS + "）：" + c.path(),
            "value too long (" + c.newJson().length() + " characters; limit " + MAX_VALUE_CHARS
                + "): " + c.path()));
      }
      // what the record's reader would refuse (a value set through the API, not read from the
      // form's JSON, can hold it): saved, the record would not read back
      if (c.newJson() != null) {
        java.util.Optional<org.emrkit.json.JsonProblem> bad =
            org.emrkit.json.RecordJson.unreadable(c.newJson(), c.path());
        if (bad.isPresent()) {
          return EditResult.refused(new Refusal(bad.get().code().replace("json/", "edit/"),
              c.path(), bad.get().message().zh(), bad.get().message().en()));
        }
      }
    }
    List<Revision> added = new ArrayList<>();
    Record candidate = chain.changed(history.current(), p.changes(), next, why, touched, added);
    int chars = tooLarge(candidate);
    if (chars > 0) {
      return EditResult.refused(new Refusal("edit/record-too-large", "", "病历过大（"
          + chars + " 字符，上限 " + MAX_RECORD_CHARS + "），不能再保存；请联系病案管理部门",
          "the record would be too large to read back (" + chars + " characters; limit "
              + MAX_RECORD_CHARS + ")"));
    }
    history.push(candidate);
    return EditResult.applied(added);
  }

  /**
   * The record's JSON length when it is more than an edit may make, else 0. The trace keeps every
   * old and new value: a record must not grow past what can be read back. Near the limit it is
   * measured by writing it.
   */
  private static int tooLarge(Record candidate) {
    if (upperBound(candidate) <= MAX_RECORD_CHARS) {
      return 0;
    }
    int chars = RecordJson.create().write(candidate).length();
    return chars > MAX_RECORD_CHARS ? chars : 0;
  }

  /** The longest value one field may hold, as JSON text (a 现病史 is a few thousand). */
  static final int MAX_VALUE_CHARS = 200_000;
  /**
   * The largest record an edit may make: below what {@link JsonLimits#DEFAULT} reads back, with
   * room for the signatures and the status change that follow.
   */
  static final int MAX_RECORD_CHARS = JsonLimits.DEFAULT.maxDocumentChars() - 1024 * 1024;

  /**
   * More characters than the record's JSON can have, counted without writing it: the values
   * are in the trace's newest entries, and a value's JSON inside the trace's JSON at most
   * doubles (every character escaped); a fixed allowance per entry and for the rest.
   */
  static long upperBound(Record r) {
    long n = 1024 * 1024;
    for (Revision v : r.revisions()) {
      n += 2L * ((v.oldValue() == null ? 0 : v.oldValue().length())
          + (v.newValue() == null ? 0 : v.newValue().length())) + 1024;
    }
    for (Signature s : r.signatures()) {
      n += 4096 + (s.proof() == null ? 0 : s.proof().value().length());
    }
    return 2 * n; // the values themselves, again
  }

  static String blankToNull(String reason) {
    return reason == null || reason.isBlank() ? null : reason.strip();
  }
}
