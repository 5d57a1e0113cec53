package org.emrkit.validation.rules;

import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.RecordRule;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code field/unplaced-value}: a value the template has no place for: under a name it does not
 * have (a host's typo, {@code temprature}), or under a repeat group's or repeating table's name
 * but not a list of entries. Neither is printed or checked, and the record's JSON is not read
 * back (the reader refuses both). The JSON reader and the edit session let neither in; a record
 * a host builds through the API may hold them. Computed fields' values are not found here (the
 * reader and the edit session ignore those).
 */
final class UnplacedValueRule implements RecordRule {
  static final RuleInfo INFO = Infos.info("field/unplaced-value", "模板中没有此值的位置",
      "value the template has no place for", "EMRKit (模板字段，见 docs/record-json.md)；扣分为 "
      + "EMRKit 默认值(各地住院病历质量评分表常见：缺项或填写错误每处 0.5–1 分)", Severity.ERROR,
      "1", false, "模板中没有字段“temprature”，其值不打印、不检查",
      "the template has no field temprature; its value is neither printed nor checked");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext context, Reporter reporter) {
    for (RecordContext.Unplaced u : context.unplaced()) {
      if (u.list()) {
        Message is = ValueTypeRule.IS.get(u.value().getClass());
        reporter.report(u.pointer(), Message.of("“" + u.name() + "”是条目列表，现为" + is.zh()
            + "，不打印、不检查", u.name() + " is a list of entries; it holds " + is.en()
            + ", neither printed nor checked"));
      } else {
        reporter.report(u.pointer(), Message.of("模板中没有字段“" + u.name() + "”，其值不打印、不检查",
            "the template has no field " + u.name() + "; its value is neither printed nor "
                + "checked"));
      }
    }
  }
}
