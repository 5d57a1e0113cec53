package org.emrkit.edit;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.emrkit.record.Actor;
import org.emrkit.record.Proof;
import org.emrkit.record.Record;
import org.emrkit.record.RecordStatus;
import org.emrkit.record.Revision;
import org.emrkit.record.Role;
import org.emrkit.record.Signature;
import org.emrkit.record.SignatureScope;
import org.emrkit.record.Signer;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Field;
import org.emrkit.template.FieldScope;

/**
 * Signs a scope of a record for one actor: works out whether it is a first signature or a review
 * (审签, which needs a role above every signer), asks the policy, fills the scope's signature
 * field for the signer's role, hashes the covered content, links the signature into the chain
 * and has the signing service vouch for it with the signer's key. Package-private.
 */
final class Signing {

  /** What a signing produced: the record, or why not. */
  record Outcome(Record record, List<Revision> added, Refusal refusal) {}

  private final Layout layout;
  private final Actor actor;
  private final Gate gate;
  private final Chain chain;
  private final Function<Record, Optional<Refusal>> guard;
  private final SigningService service;

  Signing(Layout layout, Actor actor, Gate gate, Chain chain,
      Function<Record, Optional<Refusal>> guard, SigningService service) {
    this.service = service;
    this.layout = layout;
    this.actor = actor;
    this.gate = gate;
    this.chain = chain;
    this.guard = guard;
  }

  /** What the scope names: the field scope its signature fields are in, and where. */
  private record Target(FieldScope fields, List<String> tokens, List<String> sections,
      String path) {}

  Outcome sign(Record current, SignatureScope scope) {
    Target target;
    if (scope instanceof SignatureScope.OfSection section) {
      if (!layout.hasSection(section.id())) {
        return refused(new Refusal("edit/scope", scope.wire(), "模板没有此章节：" + section.id(),
            "the template has no section " + section.id()));
      }
      target = new Target(layout.root, List.of(), List.of(section.id()), "");
    } else if (scope instanceof SignatureScope.OfEntry entry) {
      ValuePaths.Target t = ValuePaths.resolve(layout.root, current.values(), entry.pointer());
      if (t.refusal != null || t.entryScope == null) {
        return refused(t.refusal != null ? t.refusal : new Refusal("edit/scope", entry.pointer(),
            "只能对整份病历、章节或条目签名：" + entry.pointer(),
            "only the record, a section or an entry can be signed: " + entry.pointer()));
      }
      target = new Target(t.entryScope, t.tokens, layout.sections(t.tokens.get(0)),
          entry.pointer());
    } else {
      target = new Target(layout.root, List.of(), List.of(), "");
    }
    List<Signature> existing = Gate.valid(current).stream().filter(s -> s.scope().equals(scope))
        .toList();
    Refusal refused = check(current, scope, target, existing);
    return refused != null ? refused(refused) : signed(current, scope, target);
  }

  private Refusal check(Record current, SignatureScope scope, Target target,
      List<Signature> existing) {
    for (Signature s : existing) {
      if (s.signer().id().equals(actor.id())) {
        return new Refusal("edit/already-signed", scope.wire(), actor.name() + "已签名，无需重复签名",
            actor.name() + " has already signed this");
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
        return new Refusal("edit/review-rank", scope.wire(),
            "审签须由上级医师/护士完成：" + actor.name() + "的级别不高于已签名者",
            "a review needs a role above every signer; " + actor.name() + "'s is not");
      }
    }
    OffsetDateTime since = existing.stream().map(Signature::at).min(Comparator.naturalOrder())
        .orElse(null);
    return gate.decide(current, action, target.path(), target.sections(), since).orElse(null);
  }

  private Outcome signed(Record current, SignatureScope scope, Target target) {
    List<Revision> added = new ArrayList<>();
    Record next = chain.created(current, added);
    if (scope instanceof SignatureScope.WholeRecord && next.status() == RecordStatus.DRAFT) {
      next = chain.withStatus(next, RecordStatus.SIGNED, added);
    }
    OffsetDateTime at = chain.stamp(next, false);
    List<String> field = signatureField(next, target, scope);
    Values values = field == null ? next.values()
        : ValuePaths.put(next.values(), field, 0, new Value.Signed(new Signer(actor, at)));
    String contentHash = RecordAudit.contentHash(layout.template, values, scope);
    Signature signature = chain.signature(next, at, scope, field == null ? null
        : pointer(field), contentHash);
    Optional<Refusal> denied = guard.apply(Chain.with(next, values, next.status(),
        append(next.signatures(), signature), next.revisions()));
    if (denied.isPresent()) {
      return refused(denied.get());
    }
    Proof proof;
    try {
      proof = service.sign(actor, RecordAudit.entry(signature).getBytes(StandardCharsets.UTF_8),
          at);
    } catch (SigningException e) {
      return refused(new Refusal("edit/signing", scope.wire(), "签名未完成：" + e.message().zh(),
          "not signed: " + e.message().en()));
    }
    Signature proved = proof == null ? signature : signature.withProof(proof);
    return new Outcome(Chain.with(next, values, next.status(),
        append(next.signatures(), proved), next.revisions()), added, null);
  }

  private static List<Signature> append(List<Signature> list, Signature s) {
    List<Signature> out = new ArrayList<>(list);
    out.add(s);
    return out;
  }

  private static String pointer(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    for (String t : tokens) {
      sb.append('/').append(org.emrkit.problem.Location.Pointer.token(t));
    }
    return sb.toString();
  }

  /**
   * Where the scope's signature field for the signer's role is (tokens from the root), or
   * {@code null} when the scope has none free: the field whose role is the signer's, else the
   * nearest role above, else the highest below.
   */
  private List<String> signatureField(Record current, Target target, SignatureScope scope) {
    Values values = current.values();
    Values in = target.tokens().isEmpty() ? values
        : ValuePaths.entryAt(values, target.tokens());
    Set<String> allowed = scope instanceof SignatureScope.OfSection section
        ? layout.names(section.id()) : null;
    Field best = null;
    int bestScore = Integer.MAX_VALUE;
    for (Field f : Layout.signatureFields(target.fields())) {
      if (allowed != null && !allowed.contains(f.name()) || !free(current, in, f.name())) {
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
      return null;
    }
    List<String> path = new ArrayList<>(target.tokens());
    path.add(best.name());
    return path;
  }

  /** Whether a signature field is empty or holds a signer no valid signature stands for. */
  private static boolean free(Record current, Values scope, String name) {
    Optional<Signer> s = scope.signer(name);
    if (s.isEmpty()) {
      return true;
    }
    Signer who = s.get();
    return Gate.valid(current).stream().noneMatch(v -> v.signer().id().equals(who.actor().id())
        && v.at().equals(who.at()));
  }

  private static Outcome refused(Refusal r) {
    return new Outcome(null, List.of(), r);
  }
}
