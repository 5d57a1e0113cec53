package org.emrkit.validation.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code fp/fees}: the 住院费用 do not add up — the items (1)–(24) differ from 总费用 by more
 * than the tolerance, an amount is negative, or a part (其中：抗菌药物费用) exceeds its whole.
 */
final class FeeRule extends FrontPageRule {
  static final RuleInfo INFO = Infos.info("fp/fees", "住院费用不符", "hospital charges do not add up",
      "住院病案首页数据填写质量规范(暂行)(2016) 住院费用", Severity.ERROR, "1", false, "费用分项合计 38460.40 元与总费用 38560.40 元不符(相差 100.00 元)",
      "the charges add up to 38460.40, not 总费用 38560.40 (100.00 apart)", "total",
      "totalFee", "items", "fee\\d+", "amounts",
      "fee\\d+|totalFee|selfPay|antibioticFee|physioFee|anaesthesiaFee|surgeryFee", "parts",
      "antibioticFee:fee13,physioFee:fee9,anaesthesiaFee:fee10,surgeryFee:fee10,selfPay:totalFee",
      "tolerance", "0.01");

  /** The patterns of the rule's parameters, each compiled once. */
  private static final java.util.Map<String, Pattern> PATTERNS =
      new java.util.concurrent.ConcurrentHashMap<>();

  FeeRule() {
    super(INFO);
  }

  @Override
  void checkFrontPage(RecordContext context, Reporter reporter) {
    Pattern items = FrontPage.kept(PATTERNS, reporter.parameter("items"), Pattern::compile);
    Pattern amounts = FrontPage.kept(PATTERNS, reporter.parameter("amounts"), Pattern::compile);
    BigDecimal sum = BigDecimal.ZERO;
    int counted = 0;
    for (FieldValue f : context.fields()) {
      BigDecimal n = FrontPage.number(f);
      if (!f.active() || n == null) {
        continue;
      }
      String name = f.field().name();
      if (amounts.matcher(name).matches() && n.signum() < 0) {
        reporter.report(f.path(), new Message("“" + f.label() + "”为负数(" + money(n)
            + " 元)", f.label() + " is negative (" + money(n) + ")"));
      }
      if (items.matcher(name).matches()) {
        sum = sum.add(n);
        counted++;
      }
    }
    List<FieldValue> totals = FrontPage.named(context, reporter.parameter("total"));
    BigDecimal tolerance = new BigDecimal(reporter.parameter("tolerance"));
    for (FieldValue t : totals) {
      BigDecimal total = FrontPage.number(t);
      if (total != null && counted > 0 && sum.subtract(total).abs().compareTo(tolerance) > 0) {
        reporter.report(t.path(), new Message("费用分项合计 " + money(sum) + " 元与"
            + t.label() + " " + money(total) + " 元不符(相差 "
            + money(sum.subtract(total).abs()) + " 元)", "the charges add up to "
            + money(sum) + ", not " + t.label() + " " + money(total) + " ("
            + money(sum.subtract(total).abs()) + " apart)"));
      }
    }
    for (String pair : FrontPage.items(reporter.parameter("parts"))) {
      String[] p = pair.split(":");
      for (FieldValue part : FrontPage.named(context, p[0])) {
        BigDecimal a = FrontPage.number(part);
        BigDecimal whole = part.scope().get(p[1]).orElse(null) instanceof org.emrkit.record.Value.Num w
            ? w.value() : null;
        if (a != null && whole != null && a.compareTo(whole) > 0) {
          reporter.report(part.path(), new Message("“" + part.label() + "” " + money(a)
              + " 元超过其所属项目 " + money(whole) + " 元", part.label() + " "
              + money(a) + " exceeds the item it is part of (" + money(whole)
              + ")"));
        }
      }
    }
  }

  /** An amount as the 首页 prints it: 38560.40. */
  private static String money(BigDecimal n) {
    return n.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
  }
}
