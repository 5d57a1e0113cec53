package org.emrkit.edit;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.emrkit.json.RecordJson;
import org.emrkit.problem.Message;
import org.emrkit.record.Actor;
import org.emrkit.record.Context;
import org.emrkit.record.Record;
import org.emrkit.record.Signature;
import org.emrkit.record.SignatureScope;
import org.emrkit.record.TracePath;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Template;

/**
 * The only way a record changes: one actor's edits, checked, traced and undoable until committed.
 *
 * <p>Every edit is checked before it changes anything: the record must not be archived, the path
 * must name a field or entry of the template and the value fit the field's type, and the
 * {@link PermissionPolicy} must allow the action ({@link EditAction#WRITE} for content no valid
 * signature covers, {@link EditAction#AMEND} for content one does). Amending signed content also
 * needs a reason and a role at least as high as every signer of that content; it supersedes those
 * signatures. A refused edit returns an {@link EditResult} with a {@link Refusal} (code, path,
 * message in Chinese and English) and leaves the record exactly as it was.
 *
 * <p>Every applied edit adds revisions to the trace (actor, time, path, old and new value as
 * canonical JSON, reason, level = role rank), chained into the record's hash chain as they are
 * made, so {@link #record()} always passes {@link RecordAudit#audit}; the first change of a record
 * without a trace first records its creation ({@code /@record}: id, template, context,
 * completion time and values, typed-in signature values left out). Signatures ({@link #sign})
 * hash the canonical JSON of what they cover (signature values left out, so a later review does
 * not break an earlier signature), fill the scope's signature field for the signer's role, name
 * that field, and carry a digital signature when the session has a {@link SigningService}.
 * Status moves draft → signed (first whole-record signature) → archived ({@link #archive}), never
 * back; record-level changes are traced under paths that no field can have ({@link TracePath}:
 * {@code /@context}, {@code /@completedAt}, {@code /@status},
 * {@code /@signatures/ID/superseded}). A record that fails its audit cannot be edited at all.
 *
 * <p>{@link #undo} and {@link #redo} step through the edits made since the session opened or last
 * committed; {@link #commit} fixes them and returns the record to store. Times in the trace never
 * decrease: an entry is stamped with the clock's time, or the last entry's time if the clock is
 * behind, and a change made in the same millisecond as a signature is stamped one millisecond
 * later, so that the chain's order by time is the order of events.
 *
 * <p>A session is for one actor on one thread. Sessions on the same record share nothing: records
 * are immutable, and each session keeps its own state.
 */
public final class EditSession {

  private final Template template;
  private final Layout layout;
  private final Actor actor;
  private final PastePolicy pastePolicy;
  private final Gate gate;
  private final Chain chain;
  private final Signing signing;
  private final History history;
  private final Changes changes;

  private EditSession(Builder b) {
    this.template = b.template;
    this.layout = Layout.of(b.template);
    this.actor = b.actor;
    this.pastePolicy = b.pastePolicy;
    this.gate = new Gate(b.template, layout, b.actor, b.clock, b.policy, b.record);
    this.chain = new Chain(b.template, b.actor, b.clock);
    this.signing = new Signing(layout, b.actor, gate, chain, b.signGuard, b.signingService);
    this.history = new History(b.record);
    this.changes = new Changes(gate, chain, history, b.anchors, b.clock);
  }

  /** Opens a session with the default policies and the system clock. */
  public static EditSession open(Template template, Record record, Actor actor) {
    return builder(template, record, actor).open();
  }

  /** Starts a builder for a session of {@code actor} on {@code record}. */
  public static Builder builder(Template template, Record record, Actor actor) {
    return new Builder(template, record, actor);
  }

  /** Options of a session. */
  public static final class Builder {
    private final Template template;
    private final Record record;
    private final Actor actor;
    private Clock clock = Clock.systemDefaultZone();
    private PermissionPolicy policy = PermissionPolicy.defaults();
    private PastePolicy pastePolicy = PastePolicy.samePatientOnly();
    private Function<Record, Optional<Refusal>> signGuard = r -> Optional.empty();
    private SigningService signingService = SigningService.none();
    private AnchorLog anchors;

    private Builder(Template template, Record record, Actor actor) {
      this.template = Objects.requireNonNull(template, "template");
      this.record = Objects.requireNonNull(record, "record");
      this.actor = Objects.requireNonNull(actor, "actor");
      if (!record.template().matches(template)) {
        throw new RecordRefusedException("edit/template-mismatch", "/template", Message.of(
            "病历 " + record.id() + " 的模板是 " + record.template() + "，不是 "
                + template.reference(), "record " + record.id() + " names template "
                + record.template() + ", not " + template.reference()));
      }
    }

    /** The clock that stamps revisions and signatures (default: the system clock). */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /** The permission policy (default: {@link PermissionPolicy#defaults()}). */
    public Builder policy(PermissionPolicy p) {
      this.policy = Objects.requireNonNull(p, "policy");
      return this;
    }

    /** The paste policy (default: {@link PastePolicy#samePatientOnly()}). */
    public Builder pastePolicy(PastePolicy p) {
      this.pastePolicy = Objects.requireNonNull(p, "pastePolicy");
      return this;
    }

    /**
     * A check run before each signature on the record as it would be once signed (signature
     * field filled), e.g. "no error-severity finding": empty to allow, or the refusal to give.
     */
    public Builder beforeSign(Function<Record, Optional<Refusal>> guard) {
      this.signGuard = Objects.requireNonNull(guard, "guard");
      return this;
    }

    /**
     * The service that makes each signature's digital signature with the signer's key (default:
     * {@link SigningService#none()}, no digital signature).
     */
    public Builder signingService(SigningService service) {
      this.signingService = Objects.requireNonNull(service, "service");
      return this;
    }

    /**
     * The log that each {@link #commit()} anchors the record's chain head in (default: none).
     */
    public Builder anchors(AnchorLog log) {
      this.anchors = Objects.requireNonNull(log, "log");
      return this;
    }

    /**
     * Opens the session.
     *
     * @throws RecordRefusedException when a value of the record does not fit its template (a
     *     wrong kind, a name the template does not have), or when the record would not read
     *     back once saved (a string longer than the reader takes, too many values, too much
     *     text: {@code edit/too-long}, {@code edit/too-large}, {@code edit/record-too-large}):
     *     only a record built through the API can be either
     */
    public EditSession open() {
      java.util.Optional<Refusal> r = ValueChecks.checkShape(template.scope(), record.values());
      if (r.isPresent()) {
        throw new RecordRefusedException(r.get());
      }
      r = ValueChecks.readable(record);
      if (r.isPresent()) {
        throw RecordRefusedException.unreadable(r.get());
      }
      return new EditSession(this);
    }
  }

  // ------------------------------------------------------------------ state

  /** The record with every edit of this session applied (committed or not). */
  public Record record() {
    return history.current();
  }

  /** The record as it was when the session opened or last committed. */
  public Record committed() {
    return history.base();
  }

  /** Who edits. */
  public Actor actor() {
    return actor;
  }

  /** The template the record was filled from. */
  public Template template() {
    return template;
  }

  /**
   * What the actor may do to the value at {@code path} (a JSON pointer into values: a field, an
   * entry, {@code /group/N} for a new entry) now, as a change to it would be decided: for an
   * editor to draw read-only what may not change and to ask for a reason where it must.
   */
  public Access access(String path) {
    return gate.access(history.current(), Objects.requireNonNull(path, "path"));
  }

  /**
   * Whether the actor may sign, review or archive the whole record now, as {@link #sign} and
   * {@link #archive} would decide it: empty if so, else why not. For an editor's buttons; the
   * change itself is decided again when it is asked for.
   */
  public Optional<Refusal> may(EditAction action) {
    return gate.may(history.current(), Objects.requireNonNull(action, "action"));
  }

  /**
   * The record's audit as the session opened it (its trace, chain and content checked once): an
   * editor that shows it need not audit the record again.
   */
  public Audit openedAudit() {
    return gate.audit();
  }

  /** Whether there are edits not yet committed. */
  public boolean isDirty() {
    return history.current() != history.base();
  }

  /** Whether there is an edit to undo. */
  public boolean canUndo() {
    return history.canUndo();
  }

  /** Whether there is an undone edit to redo. */
  public boolean canRedo() {
    return history.canRedo();
  }

  /** Undoes the last edit (its revisions and signatures go with it); false if there is none. */
  public boolean undo() {
    return history.undo();
  }

  /** Redoes the last undone edit; false if there is none. */
  public boolean redo() {
    return history.redo();
  }

  /**
   * Fixes the edits made so far: they can no longer be undone. Returns the record to store (the
   * same as {@link #record()}). With an anchor log, the record's new chain head is anchored
   * first; when that fails the session is not committed (its edits are kept) and the failure is
   * thrown.
   */
  public Record commit() {
    return changes.commit();
  }

  /**
   * Whether text copied from {@code source} may be pasted into {@code path} of this record, by
   * the session's paste policy: empty to allow, or why not.
   */
  public Optional<Refusal> checkPaste(PastePolicy.Source source, String path) {
    return pastePolicy.decide(Objects.requireNonNull(source, "source"), history.current(),
        Objects.requireNonNull(path, "path"));
  }

  // ------------------------------------------------------------------ field edits

  /** Sets a field ({@code /chiefComplaint}, {@code /diagnoses/0/code}). */
  public EditResult set(String path, Value value) {
    return set(path, value, null);
  }

  /** Sets a field, with a reason (required when the field is signed content). */
  public EditResult set(String path, Value value, String reason) {
    Objects.requireNonNull(value, "value");
    return setOrClear(path, value, reason);
  }

  /** Clears a field. */
  public EditResult clear(String path) {
    return clear(path, null);
  }

  /** Clears a field, with a reason (required when the field is signed content). */
  public EditResult clear(String path, String reason) {
    return setOrClear(path, null, reason);
  }

  private EditResult setOrClear(String path, Value value, String reason) {
    Objects.requireNonNull(path, "path");
    Optional<Refusal> r = gate.open(history.current(), path);
    return r.isPresent() ? EditResult.refused(r.get())
        : changes.admit(Proposal.field(layout, history.current(), path, value), reason);
  }

  // ------------------------------------------------------------------ entries

  /** Adds an entry at the end of a repeat group or repeating table ({@code /diagnoses}). */
  public EditResult addEntry(String groupPath, Values entry) {
    return addEntry(groupPath, Integer.MAX_VALUE, entry, null);
  }

  /**
   * Adds an entry at {@code index} (0 ≤ index ≤ size; larger means at the end), with a reason
   * (required when the entries after it are signed content).
   */
  public EditResult addEntry(String groupPath, int index, Values entry, String reason) {
    Objects.requireNonNull(entry, "entry");
    ValuePaths.GroupTarget g = group(groupPath);
    return g.refusal != null ? EditResult.refused(g.refusal)
        : changes.admit(Proposal.add(g, history.current(), index, entry), reason);
  }

  /** Removes an entry ({@code /diagnoses/1}). */
  public EditResult removeEntry(String entryPath) {
    return removeEntry(entryPath, null);
  }

  /** Removes an entry, with a reason (required when it or the entries after it are signed). */
  public EditResult removeEntry(String entryPath, String reason) {
    Objects.requireNonNull(entryPath, "entryPath");
    int slash = entryPath.lastIndexOf('/');
    ValuePaths.GroupTarget g = group(slash <= 0 ? "" : entryPath.substring(0, slash));
    return g.refusal != null ? EditResult.refused(g.refusal)
        : changes.admit(Proposal.remove(g, history.current(), entryPath), reason);
  }

  /** Moves an entry of a group from one index to another. */
  public EditResult moveEntry(String groupPath, int from, int to) {
    return moveEntry(groupPath, from, to, null);
  }

  /** Moves an entry, with a reason (required when an entry that moves is signed content). */
  public EditResult moveEntry(String groupPath, int from, int to, String reason) {
    ValuePaths.GroupTarget g = group(groupPath);
    return g.refusal != null ? EditResult.refused(g.refusal)
        : changes.admit(Proposal.move(g, history.current(), from, to), reason);
  }

  // ------------------------------------------------------------------ posted form

  /**
   * Applies the values object the HTML edit form posts ({@code EmrKit.values(form)}, read with
   * {@link RecordJson#readValues}) as one edit: every field that differs is a revision of its
   * own; a field missing from the object is cleared; rows are matched by position (extra ones
   * added, missing ones removed from the end; one row taken out with the others unchanged is
   * that row removed). Signature values are not taken from the form: they change only by
   * {@link #sign}. A form that can say where its rows came from should use
   * {@link #apply(Values, RowOrigins, String)}.
   */
  public EditResult apply(Values posted) {
    return apply(posted, RowOrigins.NONE, null);
  }

  /** {@link #apply(Values)} with a reason (required when signed content changes). */
  public EditResult apply(Values posted, String reason) {
    return apply(posted, RowOrigins.NONE, reason);
  }

  /**
   * Applies posted values whose rows say where they came from ({@code EmrKit.rows(form)}): rows
   * taken out are removed, rows put in another order moved, rows added put in where they stand,
   * and every other row merged with its own - so a signature stays with the row it signed
   * however the rows around it changed. Origins that do not fit the record or the rows posted
   * are refused ({@code edit/row-origins}, the group's pointer); groups they leave out are
   * matched as {@link #apply(Values)} matches them.
   */
  public EditResult apply(Values posted, RowOrigins origins, String reason) {
    Objects.requireNonNull(posted, "posted");
    Objects.requireNonNull(origins, "origins");
    Optional<Refusal> r = gate.open(history.current(), "");
    return r.isPresent() ? EditResult.refused(r.get())
        : changes.admit(Proposal.posted(layout, history.current(), posted, origins), reason);
  }

  // ------------------------------------------------------------------ signing

  /**
   * Signs a scope given in its wire form ({@code ""}, {@code section:ID} or an entry pointer);
   * see {@link #sign(SignatureScope)}. A scope that does not parse is refused
   * ({@code edit/scope}).
   */
  public EditResult sign(String scope) {
    Objects.requireNonNull(scope, "scope");
    SignatureScope parsed;
    try {
      parsed = SignatureScope.parse(scope);
    } catch (IllegalArgumentException e) {
      return EditResult.refused(new Refusal("edit/scope", scope,
          "只能对整份病历、章节或条目签名：" + scope, e.getMessage()));
    }
    return sign(parsed);
  }

  /**
   * Signs a scope: the whole record (moves a draft to signed), a section, or an entry (e.g. a
   * nurse signing a nursing row). When someone of a lower rank has already signed the scope this
   * is a review (审签) and needs a higher role. The scope's signature field for the signer's role
   * is filled in.
   */
  public EditResult sign(SignatureScope scope) {
    Objects.requireNonNull(scope, "scope");
    Optional<Refusal> r = gate.open(history.current(), scope.wire());
    if (r.isPresent()) {
      return EditResult.refused(r.get());
    }
    Signing.Outcome o = signing.sign(history.current(), scope);
    if (o.refusal() != null) {
      return EditResult.refused(o.refusal());
    }
    history.push(o.record());
    return EditResult.applied(o.added());
  }

  /** Archives a signed record (归档): nothing can change it afterwards. */
  public EditResult archive() {
    return changes.archive();
  }

  // ------------------------------------------------------------------ the record itself

  /**
   * Replaces the record's host context (a transfer to another bed, a discharge or death time the
   * HIS reports), traced as a revision of {@code /@context}: the context is part of what the
   * chain covers, so it changes only this way.
   */
  public EditResult updateContext(Context context, String reason) {
    return changes.updateContext(Objects.requireNonNull(context, "context"), reason);
  }

  /**
   * Records that the author finished writing now (the session clock's time), traced as a
   * revision of {@code /@completedAt}; the writing-standard time limits are measured to it.
   */
  public EditResult complete() {
    return changes.complete();
  }

  /**
   * Logs a print the renderer made ({@code PdfRenderer.print}) as a revision of {@code /@prints}:
   * allowed on an archived record, not on one whose trace is broken; the actor's own print only.
   */
  public EditResult recordPrint(org.emrkit.render.PrintEntry entry) {
    return changes.print(Objects.requireNonNull(entry, "entry"), actor);
  }

  /** The group a path names, unless the record is closed to edits. */
  private ValuePaths.GroupTarget group(String groupPath) {
    Optional<Refusal> r = gate.open(history.current(), groupPath);
    if (r.isPresent()) {
      ValuePaths.GroupTarget g = new ValuePaths.GroupTarget();
      g.refusal = r.get();
      return g;
    }
    return ValuePaths.group(layout.root, history.current().values(), groupPath);
  }
}
