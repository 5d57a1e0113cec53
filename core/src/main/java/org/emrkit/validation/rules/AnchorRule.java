package org.emrkit.validation.rules;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.emrkit.edit.Anchor;
import org.emrkit.edit.Audit;
import org.emrkit.edit.ChainEntry;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.RecordRule;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code integrity/anchor}: the record's chain does not hold a head the anchor log wrote down for
 * it (entries removed, or the chain rewritten), an anchor's own proof does not verify, or, when
 * the policy requires it, the record's chain (or its last entries) is anchored nowhere (veto).
 */
final class AnchorRule implements RecordRule {
  static final RuleInfo INFO = Infos.info("integrity/anchor", "病历与存证不符",
      "record does not match its anchored head", "电子病历应用管理规范(试行)(2017) 第十六条",
      Severity.ERROR, "0", true,
      "存证记录显示该病历在 2026-11-21 09:00 已有 14 条修改痕迹，现在只有 12 条：其后的记录被删除或修改痕迹被重写",
      "the anchor log holds this record's chain at 14 entries (2026-11-21 09:00); it now has 12:"
          + " entries were removed or the chain rewritten");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final IntegrityPolicy policy;

  AnchorRule(IntegrityPolicy policy) {
    this.policy = policy;
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext context, Reporter reporter) {
    if (policy.anchors() == null) {
      return;
    }
    List<Anchor> anchors;
    try {
      anchors = policy.anchors().anchors(context.record().id());
    } catch (java.io.UncheckedIOException | IllegalStateException e) {
      reporter.report("", new Message("无法读取存证记录：" + e.getMessage(),
          "the anchor log cannot be read: " + e.getMessage()));
      return;
    }
    List<ChainEntry> chain = Integrity.audit(context).chain();
    for (Anchor a : anchors) {
      check(a, chain, reporter);
    }
    Audit audit = Integrity.audit(context);
    int anchored = anchors.stream().mapToInt(Anchor::length).max().orElse(0);
    if (policy.requireAnchor() && audit.length() > anchored) {
      reporter.report("", anchored == 0
          ? new Message("病历的修改痕迹没有存证：无法发现截断或重写", "the record's chain is anchored"
              + " nowhere: a cut or rewritten chain cannot be found")
          : new Message("修改痕迹最后 " + (audit.length() - anchored) + " 条没有存证",
              "the last " + (audit.length() - anchored) + " entries of the chain are not"
                  + " anchored"));
    }
  }

  private void check(Anchor a, List<ChainEntry> chain, Reporter reporter) {
    String when = MINUTE.format(a.at());
    if (a.proof() != null && policy.proofs() != null) {
      Optional<Message> wrong = policy.proofs().verify(a.proof(),
          a.content().getBytes(StandardCharsets.UTF_8), null, a.at());
      wrong.ifPresent(m -> reporter.report("", new Message("存证记录（" + when + "）的时间戳无效："
          + m.zh(), "the anchor of " + when + " carries a proof that does not verify: "
          + m.en())));
    }
    if (chain.size() < a.length()) {
      reporter.report("", new Message("存证记录显示该病历在 " + when + " 已有 " + a.length()
          + " 条修改痕迹，现在只有 " + chain.size() + " 条：其后的记录被删除或修改痕迹被重写",
          "the anchor log holds this record's chain at " + a.length() + " entries (" + when
              + "); it now has " + chain.size() + ": entries were removed or the chain"
              + " rewritten"));
    } else if (!a.head().equals(chain.get(a.length() - 1).hash())) {
      ChainEntry e = chain.get(a.length() - 1);
      reporter.report(e.pointer(), new Message("修改痕迹第 " + a.length() + " 条（" + e.pointer()
          + "）与 " + when + " 存证的不同：修改痕迹被重写", "entry " + a.length() + " of the chain ("
          + e.pointer() + ") is not the one anchored at " + when + ": the chain was rewritten"));
    }
  }
}
