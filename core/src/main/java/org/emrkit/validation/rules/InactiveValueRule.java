package org.emrkit.validation.rules;

import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.RecordRule;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code field/inactive-value} (info): a value stored in a field whose {@code when} or {@code if}
 * is false. It is kept, not checked, and not lost; the finding only says so.
 */
final class InactiveValueRule implements RecordRule {
  static final RuleInfo INFO = Infos.info("field/inactive-value", "隐藏字段中保存了值",
      "value kept in a hidden field", "EMRKit (when, if)", Severity.INFO, "0", false,
      "“月经史”当前不显示，其值保留但不检查", "月经史 is hidden; its value is kept but not checked");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext context, Reporter reporter) {
    for (FieldValue f : context.fields()) {
      if (!f.active() && f.isFilled()) {
        String l = Infos.label(f);
        reporter.report(f.path(), new Message("“" + l + "”当前不显示，其值保留但不检查",
            l + " is hidden; its value is kept but not checked"));
      }
    }
  }
}
