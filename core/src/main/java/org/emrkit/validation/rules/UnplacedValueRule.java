package org.emrkit.validation.rules;

import java.util.List;
import java.util.Map;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.FieldScope;
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
    visit(context.record().values(), context.template().scope(), "/values", reporter);
  }

  private static void visit(Values values, FieldScope scope, String at, Reporter reporter) {
    Map<String, org.emrkit.template.Field> fields = scope.fields();
    Map<String, FieldScope> groups = scope.groups();
    for (Map.Entry<String, Value> e : values.asMap().entrySet()) {
      String name = e.getKey();
      if (fields.containsKey(name)) {
        continue;
      }
      FieldScope group = groups.get(name);
      String p = at + "/" + name.replace("~", "~0").replace("/", "~1");
      if (group == null) {
        reporter.report(p, Message.of("模板中没有字段“" + name + "”，其值不打印、不检查",
            "the template has no field " + name + "; its value is neither printed nor checked"));
      } else if (e.getValue() instanceof Value.Rows rows) {
        List<Values> entries = rows.rows();
        for (int i = 0; i < entries.size(); i++) {
          visit(entries.get(i), group, p + "/" + i, reporter);
        }
      } else {
        Message is = ValueTypeRule.IS.get(e.getValue().getClass());
        reporter.report(p, Message.of("“" + name + "”是条目列表，现为" + is.zh() + "，不打印、不检查",
            name + " is a list of entries; it holds " + is.en() + ", neither printed nor checked"));
      }
    }
  }
}
