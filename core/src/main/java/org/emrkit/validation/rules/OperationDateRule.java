package org.emrkit.validation.rules;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Encounter;
import org.emrkit.record.Value;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code fp/operation-date}: an operation dated before the admission or after the discharge
 * (the encounter's {@code admittedAt} and its {@code dischargedAt} event).
 */
final class OperationDateRule extends FrontPageRule {
  static final RuleInfo INFO = Infos.info("fp/operation-date", "手术日期不在住院期间",
      "operation dated outside the stay", "住院病案首页数据填写质量规范(暂行)(2016) 手术及操作日期",
      Severity.ERROR, "1", false, "手术及操作日期 2026-11-19 早于入院日期 2026-11-20",
      "手术及操作日期 2026-11-19 is before the admission on 2026-11-20", "dates", "opDate");

  OperationDateRule() {
    super(INFO);
  }

  @Override
  void checkFrontPage(RecordContext context, Reporter reporter) {
    Encounter e = context.record().context().encounter();
    if (e == null) {
      return;
    }
    Optional<LocalDate> in = Optional.ofNullable(e.admittedAt()).map(OffsetDateTime::toLocalDate);
    Optional<LocalDate> out = e.event("dischargedAt").map(OffsetDateTime::toLocalDate);
    for (FieldValue f : FrontPage.named(context, reporter.parameter("dates"))) {
      if (!(f.value() instanceof Value.Date d)) {
        continue;
      }
      if (in.isPresent() && d.value().isBefore(in.get())) {
        reporter.report(f.path(), new Message(f.label() + " " + d.value() + " 早于入院日期 "
            + in.get(), f.label() + " " + d.value() + " is before the admission on " + in.get()));
      } else if (out.isPresent() && d.value().isAfter(out.get())) {
        reporter.report(f.path(), new Message(f.label() + " " + d.value() + " 晚于出院日期 "
            + out.get(), f.label() + " " + d.value() + " is after the discharge on " + out.get()));
      }
    }
  }
}
