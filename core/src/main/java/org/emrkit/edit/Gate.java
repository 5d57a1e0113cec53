package org.emrkit.edit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.RecordStatus;
import org.emrkit.record.Signature;
import org.emrkit.record.SignatureScope;
import org.emrkit.template.SectionNames;
import org.emrkit.template.Template;

/**
 * The checks an edit passes before it changes anything: the record is open (not archived, its
 * trace verifies), and for every affected path the permission policy allows writing it, or, where
 * a valid signature covers it, amending it with a reason by someone of at least the signer's
 * rank. Package-private; one per session.
 */
final class Gate {

  private final Template template;
  private final Layout layout;
  private final Actor actor;
  private final Clock clock;
  private final PermissionPolicy policy;
  private final Refusal broken;
  private final Audit audit;

  Gate(Template template, Layout layout, Actor actor, Clock clock, PermissionPolicy policy,
      Record opened) {
    this.template = template;
    this.layout = layout;
    this.actor = actor;
    this.clock = clock;
    this.policy = policy;
    this.audit = RecordAudit.audit(template, opened);
    this.broken = integrity(audit, opened);
  }

  /** The audit of the record as the session opened it. */
  Audit audit() {
    return audit;
  }

  /**
   * Why a record cannot be edited at all, or {@code null}: its audit found something (a record
   * with a trace), or it claims a status no trace gives it (a record without one). A record
   * without a trace that holds typed signature values may be edited: its creation, at the first
   * change, leaves them out.
   */
  private static Refusal integrity(Audit audit, Record opened) {
    if (audit.intact() || audit.length() == 0 && opened.status() == RecordStatus.DRAFT) {
      return null;
    }
    AuditFinding f = audit.first().orElseThrow();
    return new Refusal("edit/trace-broken", f.pointer(), "病历完整性校验未通过，不能再编辑，请联系病案管理部门："
        + f.message().zh(), "the record fails its integrity check and cannot be edited until this"
        + " is resolved: " + f.message().en());
  }

  /** Refuses anything on a record whose trace is broken (a print may follow archiving). */
  Optional<Refusal> intact() {
    return Optional.ofNullable(broken);
  }

  /** Refuses any change to an archived record or one whose trace is broken. */
  Optional<Refusal> open(Record current, String path) {
    if (broken != null) {
      return Optional.of(broken);
    }
    if (current.status() == RecordStatus.ARCHIVED) {
      return Optional.of(new Refusal("edit/archived", path, "病历已归档，不能修改",
          "the record is archived and cannot be changed"));
    }
    return Optional.empty();
  }

  /**
   * Checks every affected path (WRITE, or AMEND for signed content, which needs a reason);
   * returns the refusal, or {@code null} and the signatures the change supersedes in
   * {@code touched}.
   */
  Refusal admit(Record current, List<String> affected, String reason, Set<Signature> touched) {
    for (String p : affected) {
      List<Signature> covering = covering(current, p);
      Refusal r = decidePath(current, p, covering, reason);
      if (r != null) {
        return r;
      }
      touched.addAll(covering);
    }
    return null;
  }

  /**
   * One path: written where no valid signature covers it (the policy's WRITE), amended where
   * one does (policy, rank, reason); the refusal, or {@code null}.
   */
  private Refusal decidePath(Record current, String p, List<Signature> covering,
      String reason) {
    if (covering.isEmpty()) {
      return policy.decide(request(current, EditAction.WRITE, p, sectionsOf(p), null))
          .orElse(null);
    }
    return amend(current, p, covering, reason);
  }

  /**
   * What the actor may do to the value at {@code path} now: the checks {@link #admit} makes,
   * with a reason given (an amendment's reason is asked for, not refused for).
   */
  Access access(Record current, String path) {
    Optional<Refusal> closed = open(current, path);
    if (closed.isPresent()) {
      return Access.of(closed, Access.Kind.NONE);
    }
    List<Signature> covering = covering(current, path);
    return Access.of(Optional.ofNullable(decidePath(current, path, covering, "?")),
        covering.isEmpty() ? Access.Kind.WRITE : Access.Kind.AMEND);
  }

  /** Whether the actor may sign, review or archive the whole record now (empty if so). */
  Optional<Refusal> may(Record current, EditAction action) {
    Optional<Refusal> closed = open(current, "");
    if (closed.isPresent()) {
      return closed;
    }
    if (action == EditAction.ARCHIVE && current.status() != RecordStatus.SIGNED) {
      return Optional.of(new Refusal("edit/status", "", "只有已签名的病历可以归档",
          "only a signed record can be archived"));
    }
    return decide(current, action, "", List.of(), null);
  }

  /**
   * Amending signed content: the policy first (who may amend this at all), then the rank (at
   * least every signer's), then the reason.
   */
  private Refusal amend(Record current, String p, List<Signature> covering, String reason) {
    OffsetDateTime since = covering.stream().map(Signature::at)
        .min(Comparator.naturalOrder()).orElseThrow();
    Optional<Refusal> denied = policy.decide(request(current, EditAction.AMEND, p, sectionsOf(p),
        since));
    if (denied.isPresent()) {
      return denied.get();
    }
    int top = covering.stream().mapToInt(s -> s.signer().role().rank()).max().orElse(0);
    if (actor.role().rank() < top) {
      Signature s = covering.stream().filter(x -> x.signer().role().rank() == top).findFirst()
          .orElseThrow();
      return new Refusal("edit/rank", p, "该内容已由" + s.signer().role().title()
          + s.signer().name() + "签名，须由同级或上级修改(" + p + ")",
          "this content was signed by " + s.signer().role().label() + " " + s.signer().name()
              + "; only someone of that rank or higher may change it (" + p + ")");
    }
    if (reason == null) {
      return new Refusal("edit/reason-required", p, "修改已签名内容须注明理由(" + p + ")",
          "changing signed content needs a reason (" + p + ")");
    }
    return null;
  }

  /** Asks the policy about an action. */
  Optional<Refusal> decide(Record current, EditAction action, String path, List<String> sections,
      OffsetDateTime since) {
    return policy.decide(request(current, action, path, sections, since));
  }

  private PermissionPolicy.Request request(Record current, EditAction action, String path,
      List<String> sections, OffsetDateTime since) {
    return new PermissionPolicy.Request(actor, action, template.documentType(), current.status(),
        current.context().author(), path, sections, since, OffsetDateTime.now(clock));
  }

  /** The valid (not superseded) signatures of a record. */
  static List<Signature> valid(Record r) {
    return r.signatures().stream().filter(s -> !s.superseded()).toList();
  }

  /** The valid signatures whose scope covers the path (or lies inside it). */
  List<Signature> covering(Record current, String path) {
    List<Signature> out = new ArrayList<>();
    for (Signature s : valid(current)) {
      if (covers(layout, s.scope(), path)) {
        out.add(s);
      }
    }
    return out;
  }

  /** Whether a signature of {@code scope} covers the value at {@code path} (or lies in it). */
  static boolean covers(Layout layout, SignatureScope scope, String path) {
    return scope.covers(layout.sectionNames, path);
  }

  List<String> sectionsOf(String path) {
    return layout.sections(SectionNames.rootName(path));
  }

  /** The set to collect touched signatures in. */
  static Set<Signature> touched() {
    return new LinkedHashSet<>();
  }
}
