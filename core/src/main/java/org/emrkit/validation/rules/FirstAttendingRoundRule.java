package org.emrkit.validation.rules;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Value;
import org.emrkit.validation.ChartContext;
import org.emrkit.validation.ChartRule;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code cn/first-attending-round}: no attending physician's round (an {@code attending-round}
 * record, or a progress-note entry whose kind is 上级医师查房记录) within 48 h of admission.
 */
final class FirstAttendingRoundRule implements ChartRule {
  static final RuleInfo INFO = Infos.info("cn/first-attending-round", "首次上级医师查房超时",
      "no attending round within 48 h", "病历书写基本规范(2010) 第二十二条(三)", Severity.ERROR, "5",
      false, "入院 48 小时内无上级医师查房记录", "no attending physician's round within 48 h of admission",
      "maxHours", "48", "roundKind", "上级医师查房记录");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ChartContext context, Reporter reporter) {
    if (context.records().isEmpty()) {
      return;
    }
    Optional<OffsetDateTime> admitted = context.records().get(0).record().context().encounter()
        .event("admittedAt");
    if (admitted.isEmpty()) {
      return;
    }
    OffsetDateTime due = admitted.get().plusMinutes((long) (reporter.number("maxHours") * 60));
    OffsetDateTime first = null;
    for (int i : context.ofType("attending-round")) {
      OffsetDateTime t = Completion.of(context.records().get(i)).orElse(null);
      first = t != null && (first == null || t.isBefore(first)) ? t : first;
    }
    String kind = reporter.parameter("roundKind");
    for (int i : context.ofType("progress-note")) {
      for (OffsetDateTime t : rounds(context.records().get(i), kind)) {
        first = first == null || t.isBefore(first) ? t : first;
      }
    }
    if (first == null ? OffsetDateTime.now(context.clock()).isAfter(due) : first.isAfter(due)) {
      int hours = (int) reporter.number("maxHours");
      reporter.report("/records", new Message("入院 " + hours + " 小时内无上级医师查房记录",
          "no attending physician's round within " + hours + " h of admission"));
    }
  }

  private static java.util.List<OffsetDateTime> rounds(RecordContext r, String kind) {
    java.util.List<OffsetDateTime> out = new java.util.ArrayList<>();
    for (FieldValue f : r.fields()) {
      if (f.value() instanceof Value.Str s && s.value().equals(kind)) {
        for (FieldValue g : r.fields()) {
          if (g.scope() == f.scope() && g.value() instanceof Value.DateTime t) {
            out.add(t.value());
          }
        }
      }
    }
    return out;
  }
}
