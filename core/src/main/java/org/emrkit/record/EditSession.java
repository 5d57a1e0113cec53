package org.emrkit.record;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.emrkit.json.RecordJson;
import org.emrkit.template.Field;
import org.emrkit.template.FieldScope;
import org.emrkit.template.FieldType;
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
 * made, so {@link #record()} always verifies with {@link RecordAudit#verify}. Signatures
 * ({@link #sign}) hash the canonical JSON of what they cover (signature values left out, so a
 * later review does not break an earlier signature) and fill the scope's signature field for the
 * signer's role. Status moves draft → signed (first whole-record signature) → archived
 * ({@link #archive}), never back; record-level changes are traced under paths that no field can
 * have: {@code /@status} and {@code /@signatures/N/superseded}.
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

  private static final String STATUS_PATH = "/@status";

  /** One undoable step: the record before and after. */
  private record Step(Record before, Record after) {}

  /** A change of one path, with its old and new value as canonical JSON ({@code null}: none). */
  private record Change(String path, String oldJson, String newJson) {}

  private final Template template;
  private final Layout layout;
  private final Actor actor;
  private final Clock clock;
  private final PermissionPolicy policy;
  private final PastePolicy pastePolicy;
  private final Function<Record, Optional<Refusal>> signGuard;
  private final Refusal broken;
  private Record base;
  private Record current;
  private final Deque<Step> undo = new ArrayDeque<>();
  private final Deque<Step> redo = new ArrayDeque<>();

  private EditSession(Builder b) {
    this.template = b.template;
    this.layout = new Layout(b.template);
    this.actor = b.actor;
    this.clock = b.clock;
    this.policy = b.policy;
    this.pastePolicy = b.pastePolicy;
    this.signGuard = b.signGuard;
    this.base = b.record;
    this.current = b.record;
    RecordAudit.Result audit = RecordAudit.verify(b.record);
    this.broken = audit.intact() ? null : new Refusal("edit/trace-broken", "",
        "病历修改痕迹校验失败(" + audit.brokenAt() + ")，不能再编辑，请联系病案管理部门",
        "the record's trace does not verify (" + audit.brokenAt() + ": " + audit.reason()
            + "); it cannot be edited until this is resolved");
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

    private Builder(Template template, Record record, Actor actor) {
      this.template = Objects.requireNonNull(template, "template");
      this.record = Objects.requireNonNull(record, "record");
      this.actor = Objects.requireNonNull(actor, "actor");
      if (!record.template().matches(template)) {
        throw new IllegalArgumentException("record " + record.id() + " names template "
            + record.template() + ", not " + template.reference());
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

    /** Opens the session. */
    public EditSession open() {
      return new EditSession(this);
    }
  }

  // ------------------------------------------------------------------ state

  /** The record with every edit of this session applied (committed or not). */
  public Record record() {
    return current;
  }

  /** The record as it was when the session opened or last committed. */
  public Record committed() {
    return base;
  }

  /** Who edits. */
  public Actor actor() {
    return actor;
  }

  /** The template the record was filled from. */
  public Template template() {
    return template;
  }

  /** Whether there are edits not yet committed. */
  public boolean isDirty() {
    return current != base;
  }

  /** Whether there is an edit to undo. */
  public boolean canUndo() {
    return !undo.isEmpty();
  }

  /** Whether there is an undone edit to redo. */
  public boolean canRedo() {
    return !redo.isEmpty();
  }

  /** Undoes the last edit (its revisions and signatures go with it); false if there is none. */
  public boolean undo() {
    if (undo.isEmpty()) {
      return false;
    }
    Step s = undo.pop();
    redo.push(s);
    current = s.before();
    return true;
  }

  /** Redoes the last undone edit; false if there is none. */
  public boolean redo() {
    if (redo.isEmpty()) {
      return false;
    }
    Step s = redo.pop();
    undo.push(s);
    current = s.after();
    return true;
  }

  /**
   * Fixes the edits made so far: they can no longer be undone. Returns the record to store (the
   * same as {@link #record()}).
   */
  public Record commit() {
    base = current;
    undo.clear();
    redo.clear();
    return current;
  }

  /**
   * Whether text copied from {@code source} may be pasted into {@code path} of this record, by
   * the session's paste policy: empty to allow, or why not.
   */
  public Optional<Refusal> checkPaste(PastePolicy.Source source, String path) {
    return pastePolicy.decide(Objects.requireNonNull(source, "source"), current,
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
    Optional<Refusal> r = open(path);
    if (r.isPresent()) {
      return EditResult.refused(r.get());
    }
    ValuePaths.Target t = ValuePaths.resolve(layout.root, current.values(), path);
    if (t.refusal != null) {
      return EditResult.refused(t.refusal);
    }
    if (t.field == null) {
      return EditResult.refused(refusal("edit/not-a-field", path, "该路径不是字段：" + path,
          "not a field: " + path));
    }
    if (value instanceof Value.Str s && s.value().isEmpty()
        || value instanceof Value.Choices c && c.values().isEmpty()) {
      value = null;
    }
    Optional<Refusal> fit = ValueChecks.fieldEditable(t.field, path);
    if (fit.isEmpty() && value != null) {
      fit = ValueChecks.fits(t.field, value, path);
    }
    if (fit.isPresent()) {
      return EditResult.refused(fit.get());
    }
    Value old = ValuePaths.valueAt(current.values(), t.tokens);
    if (Objects.equals(old, value)) {
      return EditResult.applied(List.of());
    }
    Values next = ValuePaths.put(current.values(), t.tokens, 0, value);
    Change c = new Change(path, json(old), json(value));
    return admit(List.of(c), List.of(path), next, reason);
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
    if (g.refusal != null) {
      return EditResult.refused(g.refusal);
    }
    List<Values> rows = new ArrayList<>(g.rows);
    if (g.scope.max() != null && rows.size() >= g.scope.max()) {
      return EditResult.refused(refusal("edit/max-entries", groupPath,
          groupPath + " 最多 " + g.scope.max() + " 项", groupPath + " holds at most "
              + g.scope.max() + " entries"));
    }
    int at = Math.max(0, Math.min(index, rows.size()));
    Optional<Refusal> bad = ValueChecks.checkEntry(g.scope, entry, groupPath + "/" + at);
    if (bad.isPresent()) {
      return EditResult.refused(bad.get());
    }
    rows.add(at, entry);
    List<String> affected = new ArrayList<>();
    for (int k = at; k < rows.size(); k++) {
      affected.add(groupPath + "/" + k);
    }
    Change c = new Change(groupPath + "/" + at, null, RecordJson.canonical(entry));
    return admit(List.of(c), affected, withRows(g, rows),
        reason);
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
    if (g.refusal != null) {
      return EditResult.refused(g.refusal);
    }
    int i = ValuePaths.index(entryPath.substring(slash + 1), g.rows.size());
    if (i < 0) {
      return EditResult.refused(ValuePaths.noEntry(entryPath));
    }
    List<Values> rows = new ArrayList<>(g.rows);
    Values removed = rows.remove(i);
    List<String> affected = new ArrayList<>();
    for (int k = i; k < g.rows.size(); k++) {
      affected.add(g.path + "/" + k);
    }
    Change c = new Change(g.path + "/" + i, RecordJson.canonical(removed), null);
    return admit(List.of(c), affected, withRows(g, rows),
        reason);
  }

  /** Moves an entry of a group from one index to another. */
  public EditResult moveEntry(String groupPath, int from, int to) {
    return moveEntry(groupPath, from, to, null);
  }

  /** Moves an entry, with a reason (required when an entry that moves is signed content). */
  public EditResult moveEntry(String groupPath, int from, int to, String reason) {
    ValuePaths.GroupTarget g = group(groupPath);
    if (g.refusal != null) {
      return EditResult.refused(g.refusal);
    }
    int n = g.rows.size();
    if (from < 0 || from >= n || to < 0 || to >= n) {
      int bad = from < 0 || from >= n ? from : to;
      return EditResult.refused(ValuePaths.noEntry(groupPath + "/" + bad));
    }
    if (from == to) {
      return EditResult.applied(List.of());
    }
    List<Values> rows = new ArrayList<>(g.rows);
    rows.add(to, rows.remove(from));
    List<String> affected = new ArrayList<>();
    for (int k = Math.min(from, to); k <= Math.max(from, to); k++) {
      affected.add(groupPath + "/" + k);
    }
    Change c = new Change(groupPath, RecordJson.canonical(new Value.Rows(g.rows)),
        RecordJson.canonical(new Value.Rows(rows)));
    return admit(List.of(c), affected, withRows(g, rows),
        reason);
  }

  // ------------------------------------------------------------------ posted form

  /**
   * Applies the values object the HTML edit form posts ({@code EmrKit.values(form)}, read with
   * {@link RecordJson#readValues}) as one edit: every field that differs is a revision of its
   * own; a field missing from the object is cleared; entries are compared by position (extra
   * ones added, missing ones removed from the end). Signature values are not taken from the
   * form: they change only by {@link #sign}.
   */
  public EditResult apply(Values posted) {
    return apply(posted, null);
  }

  /** {@link #apply(Values)} with a reason (required when signed content changes). */
  public EditResult apply(Values posted, String reason) {
    Objects.requireNonNull(posted, "posted");
    Optional<Refusal> r = open("");
    if (r.isPresent()) {
      return EditResult.refused(r.get());
    }
    Optional<Refusal> bad = ValueChecks.checkValues(layout.root, posted, "", 0);
    if (bad.isPresent()) {
      return EditResult.refused(bad.get());
    }
    List<Change> changes = new ArrayList<>();
    Values merged = merge(layout.root, "", current.values(), posted, changes);
    if (changes.isEmpty()) {
      return EditResult.applied(List.of());
    }
    List<String> affected = changes.stream().map(Change::path).toList();
    return admit(changes, affected, merged, reason);
  }

  /** Diffs old against posted in one scope; returns the new values (signatures kept). */
  private Values merge(FieldScope scope, String prefix, Values old, Values posted,
      List<Change> changes) {
    Map<String, Value> out = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>(scope.fields().keySet());
    names.addAll(scope.groups().keySet());
    for (String name : names) {
      String p = prefix + "/" + name;
      Value was = old.get(name).orElse(null);
      Field f = scope.fields().get(name);
      if (f != null) {
        Value now = f.type() == FieldType.SIGNATURE ? was : posted.get(name).orElse(null);
        if (f.readonly() && !Objects.equals(was, now)) {
          now = was; // a read-only field keeps its value; the form cannot change it
        }
        if (!Objects.equals(was, now)) {
          changes.add(new Change(p, json(was), json(now)));
        }
        if (now != null) {
          out.put(name, now);
        }
        continue;
      }
      FieldScope g = scope.groups().get(name);
      List<Values> a = old.rows(name);
      List<Values> b = posted.rows(name);
      List<Values> rows = new ArrayList<>();
      for (int i = 0; i < b.size(); i++) {
        if (i < a.size()) {
          rows.add(merge(g, p + "/" + i, a.get(i), b.get(i), changes));
        } else {
          Values fresh = ValuePaths.stripSigned(b.get(i));
          rows.add(fresh);
          changes.add(new Change(p + "/" + i, null, RecordJson.canonical(fresh)));
        }
      }
      for (int i = a.size() - 1; i >= b.size(); i--) {
        changes.add(new Change(p + "/" + i, RecordJson.canonical(a.get(i)), null));
      }
      if (!rows.isEmpty()) {
        out.put(name, new Value.Rows(rows));
      }
    }
    return Values.of(out);
  }

  // ------------------------------------------------------------------ signing

  /**
   * Signs a scope: {@code ""} the whole record (moves a draft to signed), {@code section:ID} a
   * section, or an entry pointer ({@code /rows/3}, e.g. a nurse signing a nursing row). When
   * someone of a lower rank has already signed the scope this is a review (审签) and needs a
   * higher role. The scope's signature field for the signer's role is filled in.
   */
  public EditResult sign(String scope) {
    Objects.requireNonNull(scope, "scope");
    Optional<Refusal> r = open(scope);
    if (r.isPresent()) {
      return EditResult.refused(r.get());
    }
    FieldScope fieldScope;
    List<String> tokens = List.of();
    List<String> sections;
    String path = scope;
    if (scope.isEmpty()) {
      fieldScope = layout.root;
      sections = List.of();
    } else if (scope.startsWith("section:")) {
      String id = scope.substring("section:".length());
      if (!layout.hasSection(id)) {
        return EditResult.refused(refusal("edit/scope", scope, "模板没有此章节：" + id,
            "the template has no section " + id));
      }
      fieldScope = layout.root;
      sections = List.of(id);
      path = "";
    } else {
      ValuePaths.Target t = ValuePaths.resolve(layout.root, current.values(), scope);
      if (t.refusal != null || t.entryScope == null) {
        return EditResult.refused(t.refusal != null ? t.refusal : refusal("edit/scope", scope,
            "只能对整份病历、章节或条目签名：" + scope,
            "only the record, a section or an entry can be signed: " + scope));
      }
      fieldScope = t.entryScope;
      tokens = t.tokens;
      sections = layout.sections(t.tokens.get(0));
    }
    List<Signature> existing = valid().stream().filter(s -> s.scope().equals(scope)).toList();
    for (Signature s : existing) {
      if (s.signer().id().equals(actor.id())) {
        return EditResult.refused(refusal("edit/already-signed", scope,
            actor.name() + "已签名，无需重复签名", actor.name() + " has already signed this"));
      }
    }
    Actor author = current.context().author();
    boolean seniorToAuthor = author != null && !author.id().equals(actor.id())
        && actor.role().rank() > author.role().rank();
    EditAction action = existing.isEmpty() && !seniorToAuthor ? EditAction.SIGN
        : EditAction.REVIEW;
    if (action == EditAction.REVIEW) {
      int top = existing.stream().mapToInt(s -> s.signer().role().rank()).max()
          .orElse(author == null ? 0 : author.role().rank());
      if (actor.role().rank() <= top) {
        return EditResult.refused(refusal("edit/review-rank", scope,
            "审签须由上级医师/护士完成：" + actor.name() + "的级别不高于已签名者",
            "a review needs a role above every signer; " + actor.name() + "'s is not"));
      }
    }
    OffsetDateTime since = existing.stream().map(Signature::at).min(Comparator.naturalOrder())
        .orElse(null);
    Optional<Refusal> denied = policy.decide(request(action, path, sections, since));
    if (denied.isPresent()) {
      return EditResult.refused(denied.get());
    }
    Record next = current;
    List<Revision> added = new ArrayList<>();
    if (scope.isEmpty() && next.status() == RecordStatus.DRAFT) {
      next = withStatus(next, RecordStatus.SIGNED, added);
    }
    OffsetDateTime at = stamp(next, false);
    Values values = fillSignatureField(next.values(), fieldScope, tokens, scope,
        new Value.Signed(new Signer(actor, at)));
    next = with(next, values, next.status(), next.signatures(), next.revisions());
    String contentHash = RecordAudit.contentHash(layout, ValuePaths.stripSigned(values), scope);
    String head = RecordAudit.head(next).orElse(null);
    Signature unchained = new Signature("sig-" + (next.signatures().size() + 1), actor, at, scope,
        contentHash, false, head, null);
    Signature sig = new Signature(unchained.id(), actor, at, scope, contentHash, false, head,
        RecordAudit.hash(head == null ? "" : head, RecordAudit.content(unchained)));
    List<Signature> sigs = new ArrayList<>(next.signatures());
    sigs.add(sig);
    next = with(next, next.values(), next.status(), sigs, next.revisions());
    denied = signGuard.apply(next);
    if (denied.isPresent()) {
      return EditResult.refused(denied.get());
    }
    push(next);
    return EditResult.applied(added);
  }

  /** Archives a signed record (归档): nothing can change it afterwards. */
  public EditResult archive() {
    Optional<Refusal> r = open("");
    if (r.isPresent()) {
      return EditResult.refused(r.get());
    }
    if (current.status() != RecordStatus.SIGNED) {
      return EditResult.refused(refusal("edit/status", "", "只有已签名的病历可以归档",
          "only a signed record can be archived"));
    }
    Optional<Refusal> denied = policy.decide(request(EditAction.ARCHIVE, "", List.of(), null));
    if (denied.isPresent()) {
      return EditResult.refused(denied.get());
    }
    List<Revision> added = new ArrayList<>();
    push(withStatus(current, RecordStatus.ARCHIVED, added));
    return EditResult.applied(added);
  }

  private Values fillSignatureField(Values values, FieldScope scope, List<String> tokens,
      String sigScope, Value.Signed signed) {
    Values target = tokens.isEmpty() ? values : ValuePaths.entryAt(values, tokens);
    Set<String> allowed = sigScope.startsWith("section:")
        ? layout.names(sigScope.substring("section:".length())) : null;
    Field best = null;
    int bestScore = Integer.MAX_VALUE;
    for (Field f : Layout.signatureFields(scope)) {
      if (allowed != null && !allowed.contains(f.name()) || !free(target, f.name())) {
        continue;
      }
      Role role = f.role() == null ? null : Role.fromLabel(f.role());
      int rank = role == null ? 0 : role.rank();
      int score = role == actor.role() ? 0
          : rank >= actor.role().rank() ? 10 + rank - actor.role().rank()
          : 100 - rank;
      if (score < bestScore) {
        best = f;
        bestScore = score;
      }
    }
    if (best == null) {
      return values;
    }
    List<String> path = new ArrayList<>(tokens);
    path.add(best.name());
    return ValuePaths.put(values, path, 0, signed);
  }

  /** Whether a signature field is empty or holds a signer no valid signature stands for. */
  private boolean free(Values scope, String name) {
    Optional<Signer> s = scope.signer(name);
    if (s.isEmpty()) {
      return true;
    }
    Signer who = s.get();
    return valid().stream().noneMatch(v -> v.signer().id().equals(who.actor().id())
        && v.at().equals(who.at()));
  }

  // ------------------------------------------------------------------ checks

  /** Refuses any change to an archived record or one whose trace is broken. */
  private Optional<Refusal> open(String path) {
    if (broken != null) {
      return Optional.of(broken);
    }
    if (current.status() == RecordStatus.ARCHIVED) {
      return Optional.of(refusal("edit/archived", path, "病历已归档，不能修改",
          "the record is archived and cannot be changed"));
    }
    return Optional.empty();
  }

  /**
   * Checks every affected path (WRITE or AMEND), then applies the new values, adds a revision
   * per change and supersedes the signatures the changes touch.
   */
  private EditResult admit(List<Change> changes, List<String> affected, Values next,
      String reason) {
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    Set<Signature> touched = new LinkedHashSet<>();
    for (String p : affected) {
      List<Signature> covering = covering(p);
      if (covering.isEmpty()) {
        Optional<Refusal> d = policy.decide(request(EditAction.WRITE, p, sectionsOf(p), null));
        if (d.isPresent()) {
          return EditResult.refused(d.get());
        }
        continue;
      }
      if (why == null) {
        return EditResult.refused(refusal("edit/reason-required", p,
            "修改已签名内容须注明理由(" + p + ")", "changing signed content needs a reason (" + p
                + ")"));
      }
      int top = covering.stream().mapToInt(s -> s.signer().role().rank()).max().orElse(0);
      if (actor.role().rank() < top) {
        Signature s = covering.stream().filter(x -> x.signer().role().rank() == top).findFirst()
            .orElseThrow();
        return EditResult.refused(refusal("edit/rank", p,
            "该内容已由" + PolicyTable.ROLE_ZH.get(s.signer().role()) + s.signer().name()
                + "签名，须由同级或上级修改(" + p + ")",
            "this content was signed by " + s.signer().role().label() + " " + s.signer().name()
                + "; only someone of that rank or higher may change it (" + p + ")"));
      }
      OffsetDateTime since = covering.stream().map(Signature::at)
          .min(Comparator.naturalOrder()).orElseThrow();
      Optional<Refusal> d = policy.decide(request(EditAction.AMEND, p, sectionsOf(p), since));
      if (d.isPresent()) {
        return EditResult.refused(d.get());
      }
      touched.addAll(covering);
    }
    int size = next.deepSize();
    if (size > 100_000) {
      return EditResult.refused(refusal("edit/too-large", "", "病历字段值过多(" + size + ")",
          "too many values in the record (" + size + ")"));
    }
    OffsetDateTime at = stamp(current, true);
    List<Revision> revisions = new ArrayList<>(current.revisions());
    List<Signature> sigs = new ArrayList<>(current.signatures());
    List<Revision> added = new ArrayList<>();
    // each new revision is the chain's head for the next: stamped after every existing entry
    String head = RecordAudit.head(current).orElse(null);
    for (Change c : changes) {
      head = append(revisions, added, head, new Revision(revisions.size() + 1, actor, at,
          c.path(), c.oldJson(), c.newJson(), why, actor.role().rank(), null, null));
    }
    for (Signature s : touched) {
      int i = sigs.indexOf(s);
      sigs.set(i, new Signature(s.id(), s.signer(), s.at(), s.scope(), s.contentHash(), true,
          s.previousHash(), s.hash()));
      head = append(revisions, added, head, new Revision(revisions.size() + 1, actor, at,
          "/@signatures/" + i + "/superseded", "false", "true", why, actor.role().rank(), null,
          null));
    }
    push(with(current, next, current.status(), sigs, revisions));
    return EditResult.applied(added);
  }

  private PermissionPolicy.Request request(EditAction action, String path, List<String> sections,
      OffsetDateTime since) {
    return new PermissionPolicy.Request(actor, action, template.documentType(), current.status(),
        current.context().author(), path, sections, since, OffsetDateTime.now(clock));
  }

  /** The valid (not superseded) signatures of the current record. */
  private List<Signature> valid() {
    return current.signatures().stream().filter(s -> !s.superseded()).toList();
  }

  /** The valid signatures whose scope covers the path (or lies inside it). */
  private List<Signature> covering(String path) {
    List<Signature> out = new ArrayList<>();
    for (Signature s : valid()) {
      String scope = s.scope();
      boolean covers;
      if (scope.isEmpty()) {
        covers = true;
      } else if (scope.startsWith("section:")) {
        covers = layout.names(scope.substring("section:".length())).contains(rootName(path));
      } else {
        covers = path.equals(scope) || path.startsWith(scope + "/")
            || scope.startsWith(path + "/");
      }
      if (covers) {
        out.add(s);
      }
    }
    return out;
  }

  private List<String> sectionsOf(String path) {
    return layout.sections(rootName(path));
  }

  private static String rootName(String path) {
    int end = path.indexOf('/', 1);
    return end < 0 ? path.substring(1) : path.substring(1, end);
  }

  /** The current values with a group's entries replaced. */
  private Values withRows(ValuePaths.GroupTarget g, List<Values> rows) {
    return ValuePaths.put(current.values(), g.tokens, 0, ValuePaths.rowsValue(rows));
  }

  /** The group a path names, unless the record is closed to edits. */
  private ValuePaths.GroupTarget group(String groupPath) {
    Optional<Refusal> r = open(groupPath);
    if (r.isPresent()) {
      ValuePaths.GroupTarget g = new ValuePaths.GroupTarget();
      g.refusal = r.get();
      return g;
    }
    return ValuePaths.group(layout.root, current.values(), groupPath);
  }

  // ------------------------------------------------------------------ trace

  private void push(Record next) {
    undo.push(new Step(current, next));
    redo.clear();
    current = next;
  }

  private Record withStatus(Record r, RecordStatus status, List<Revision> added) {
    List<Revision> revisions = new ArrayList<>(r.revisions());
    append(revisions, added, RecordAudit.head(r).orElse(null), new Revision(revisions.size() + 1,
        actor, stamp(r, true), STATUS_PATH, "\"" + r.status().label() + "\"",
        "\"" + status.label() + "\"", null, actor.role().rank(), null, null));
    return with(r, r.values(), status, r.signatures(), revisions);
  }

  /** Links a revision to the chain's head, appends it to both lists; returns the new head. */
  private static String append(List<Revision> revisions, List<Revision> added, String head,
      Revision draft) {
    Revision linked = new Revision(draft.seq(), draft.actor(), draft.at(), draft.path(),
        draft.oldValue(), draft.newValue(), draft.reason(), draft.level(), head,
        RecordAudit.hash(head == null ? "" : head, RecordAudit.content(draft)));
    revisions.add(linked);
    added.add(linked);
    return linked.hash();
  }

  /** The time for a new chain entry (see the class comment). */
  private OffsetDateTime stamp(Record r, boolean revision) {
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

  private static Record with(Record r, Values values, RecordStatus status,
      List<Signature> signatures, List<Revision> revisions) {
    return new Record(r.id(), r.template(), r.embeddedTemplate(), status, r.context(), values,
        r.completedAt(), signatures, revisions, r.extensions());
  }

  private static String json(Value v) {
    return v == null ? null : RecordJson.canonical(v);
  }

  private static Refusal refusal(String code, String path, String zh, String en) {
    return new Refusal(code, path, zh, en);
  }
}
