package org.emrkit.validation.rules;

import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.validation.GroupValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.RecordRule;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/** {@code field/repeat-count}: fewer or more entries than a repeat group's or table's bounds. */
final class RepeatCountRule implements RecordRule {
  static final RuleInfo INFO = Infos.info("field/repeat-count", "条目数不符", "wrong number of entries",
      "EMRKit (repeat min/max, minRows/maxRows)；扣分为 EMRKit 默认值(各地住院病历质量评分表"
      + "常见：缺项或填写错误每处 0.5–1 分)", Severity.ERROR, "1", false,
      "“diagnoses”至少 1 条(当前 0 条)", "diagnoses needs at least 1 entry (0)");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext context, Reporter reporter) {
    for (GroupValue g : context.groups()) {
      if (!g.active()) {
        continue;
      }
      if (g.rows() < g.min()) {
        reporter.report(g.path(), new Message("“" + g.id() + "”至少 " + g.min() + " 条(当前 "
            + g.rows() + " 条)", g.id() + " needs at least " + g.min() + " entr"
            + (g.min() == 1 ? "y" : "ies") + " (" + g.rows() + ")"));
      }
      if (g.max() != null && g.rows() > g.max()) {
        reporter.report(g.path(), new Message("“" + g.id() + "”最多 " + g.max() + " 条(当前 "
            + g.rows() + " 条)", g.id() + " allows at most " + g.max() + " entries (" + g.rows()
            + ")"));
      }
    }
  }
}
