package org.emrkit.validation.rules;

import java.util.Map;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Value;
import org.emrkit.record.ValueText;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.validation.FieldRule;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code field/value-type}: a value of a kind its field does not hold (a text in a number
 * field, a number in a date field, a fraction in an integer field). The JSON reader and the edit
 * session let no such value in; a record a host builds through the API may hold one, prints it
 * as it is, and is written to JSON that no reader will read back. Asked only where the kind is
 * wrong (and for an integer field's numbers), so a well-typed record costs it nothing.
 */
final class ValueTypeRule implements FieldRule {
  static final RuleInfo INFO = Infos.info("field/value-type", "字段值类型不符",
      "value of the wrong kind", "EMRKit (字段类型，见 docs/record-json.md)；扣分为 EMRKit 默认值"
      + "(各地住院病历质量评分表常见：缺项或填写错误每处 0.5–1 分)", Severity.ERROR, "1", false,
      "“体温”应填数值，现为文本“36.8”", "体温 takes a number; it holds a text value (36.8)");

  /** What a field of each type takes, in Chinese and English. */
  private static final Map<FieldType, Message> TAKES = Map.ofEntries(
      Map.entry(FieldType.TEXT, Message.of("文本", "text")),
      Map.entry(FieldType.RICHTEXT, Message.of("文本", "text")),
      Map.entry(FieldType.CHOICE, Message.of("一个选项", "one option")),
      Map.entry(FieldType.INTEGER, Message.of("整数", "a whole number")),
      Map.entry(FieldType.DECIMAL, Message.of("数值", "a number")),
      Map.entry(FieldType.DATE, Message.of("日期", "a date")),
      Map.entry(FieldType.DATETIME, Message.of("日期时间", "a date and time")),
      Map.entry(FieldType.TIME, Message.of("时间", "a time")),
      Map.entry(FieldType.BOOLEAN, Message.of("是或否(勾选)", "yes or no (a checkbox)")),
      Map.entry(FieldType.MULTICHOICE, Message.of("选项列表", "a list of options")),
      Map.entry(FieldType.CODED, Message.of("编码", "a code")),
      Map.entry(FieldType.SIGNATURE, Message.of("签名(由签名操作填写)",
          "a signature (put there by signing)")));

  /** What a value of each kind is, in Chinese and English. */
  static final Map<Class<? extends Value>, Message> IS = Map.ofEntries(
      Map.entry(Value.Str.class, Message.of("文本", "a text value")),
      Map.entry(Value.Num.class, Message.of("数值", "a number")),
      Map.entry(Value.Bool.class, Message.of("勾选值", "a checkbox value")),
      Map.entry(Value.Date.class, Message.of("日期", "a date")),
      Map.entry(Value.DateTime.class, Message.of("日期时间", "a date and time")),
      Map.entry(Value.Time.class, Message.of("时间", "a time")),
      Map.entry(Value.Choices.class, Message.of("选项列表", "a list of options")),
      Map.entry(Value.Coded.class, Message.of("编码", "a code")),
      Map.entry(Value.Signed.class, Message.of("签名", "a signature")),
      Map.entry(Value.Rows.class, Message.of("条目列表", "a list of entries")));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** A stored field's value of another kind than its type's, or an integer field's number. */
  @Override
  public boolean appliesTo(Field field, Class<? extends Value> kind) {
    return kind != null && field.type().isStored()
        && (kind != Value.kindOf(field.type()) || field.type() == FieldType.INTEGER);
  }

  @Override
  public void check(FieldValue f, RecordContext context, Reporter reporter) {
    Value v = f.value();
    FieldType type = f.field().type();
    if (v == null || !type.isStored() || v.fits(type)
        || v instanceof Value.Str s && s.value().isEmpty()) {
      return; // an empty text is no value (as the JSON reader reads "")
    }
    String l = Infos.label(f);
    String zh = shown(context, f, v, "是", "否");
    String en = shown(context, f, v, "yes", "no");
    Message takes = TAKES.get(type);
    Message is = IS.get(v.getClass());
    reporter.report(f.path(), v.getClass() == Value.kindOf(type)
        ? Message.of("“" + l + "”应填" + takes.zh() + "，现为小数 " + zh,
            l + " takes " + takes.en() + "; it holds the fraction " + en)
        : Message.of("“" + l + "”应填" + takes.zh() + "，现为" + is.zh()
            + (zh.isEmpty() ? "" : "“" + zh + "”"), l + " takes " + takes.en()
            + "; it holds " + is.en() + (en.isEmpty() ? "" : " (" + en + ")")));
  }

  /** The value as the record prints it (a flag as yes or no), cut at 40 characters. */
  private static String shown(RecordContext context, FieldValue f, Value v, String yes,
      String no) {
    return ValueText.brief(v instanceof Value.Bool b ? (b.value() ? yes : no)
        : ValueText.of(context.template(), f.field(), v));
  }
}
