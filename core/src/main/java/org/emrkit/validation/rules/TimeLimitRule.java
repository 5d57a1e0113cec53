package org.emrkit.validation.rules;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Encounter;
import org.emrkit.record.Value;
import org.emrkit.validation.ChartContext;
import org.emrkit.validation.ChartRule;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.RecordRule;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code cn/time-limit}: a record completed after the limit of its document type, measured from an
 * encounter event to {@code completedAt} (or the first signature, if earlier); or, still not
 * completed, overdue now. Over a chart it also reports required documents that are missing after
 * their limit has passed (首次病程记录 8 h after admission, 入院记录 24 h, 出院记录 24 h after
 * discharge, 死亡记录 24 h after death) and a 阶段小结 in every 30 days of a stay. Every limit is a
 * parameter in minutes: {@code limit.TYPE}.
 */
final class TimeLimitRule implements RecordRule, ChartRule {

  /** Limit in minutes and the event it is measured from. */
  record Limit(String type, String zh, String event, String eventZh, long minutes) {}

  static final List<Limit> LIMITS = List.of(
      new Limit("admission-record", "入院记录", "admittedAt", "入院", 24 * 60),
      new Limit("readmission-record", "再次入院记录", "admittedAt", "入院", 24 * 60),
      new Limit("admission-discharge-24h", "24小时内入出院记录", "dischargedAt", "出院", 24 * 60),
      new Limit("admission-death-24h", "24小时内入院死亡记录", "diedAt", "死亡", 24 * 60),
      new Limit("first-progress-note", "首次病程记录", "admittedAt", "入院", 8 * 60),
      new Limit("handover-note", "交接班记录", "handedOverAt", "交接班", 24 * 60),
      new Limit("transfer-note", "转科记录", "transferredAt", "转科", 24 * 60),
      new Limit("rescue-record", "抢救记录", "rescueEndedAt", "抢救结束", 6 * 60),
      new Limit("consultation-record", "会诊记录", "consultRequestedAt", "会诊申请", 48 * 60),
      new Limit("preoperative-summary", "术前小结", "surgeryStartedAt", "手术开始", 0),
      new Limit("operation-record", "手术记录", "surgeryEndedAt", "手术结束", 24 * 60),
      new Limit("postoperative-first-note", "术后首次病程记录", "surgeryEndedAt", "手术结束", 60),
      new Limit("discharge-record", "出院记录", "dischargedAt", "出院", 24 * 60),
      new Limit("death-record", "死亡记录", "diedAt", "死亡", 24 * 60),
      new Limit("death-discussion", "死亡病例讨论记录", "diedAt", "死亡", 7 * 24 * 60));

  /** Documents a chart must hold once their limit has passed. */
  private static final List<String> REQUIRED_IN_CHART = List.of("admission-record",
      "first-progress-note", "discharge-record", "death-record");

  static final RuleInfo INFO;

  static {
    String[] params = new String[LIMITS.size() * 2 + 8];
    int i = 0;
    for (Limit l : LIMITS) {
      params[i++] = "limit." + l.type();
      params[i++] = String.valueOf(l.minutes());
    }
    params[i++] = "limit.consultation-record.emergency";
    params[i++] = "10";
    params[i++] = "emergencyField";
    params[i++] = "emergency";
    params[i++] = "stageSummaryDays";
    params[i++] = "30";
    params[i++] = "surgeryEndLabels";
    params[i] = "手术结束,手术结束时间,手术结束日期时间";
    INFO = Infos.info("cn/time-limit", "未在时限内完成", "not completed within the time limit",
        "病历书写基本规范(2010) 第十八条、第二十二条、第二十四条等", Severity.ERROR, "5", false, "入院记录应在入院后24小时内完成(实际30小时)",
      "admission-record due within 24 h of admittedAt (took 30 h)", params);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext context, Reporter reporter) {
    String type = context.documentType().orElse("");
    Limit limit = LIMITS.stream().filter(l -> l.type().equals(type)).findFirst().orElse(null);
    if (limit == null) {
      return;
    }
    Encounter e = context.record().context().encounter();
    Optional<OffsetDateTime> event = e.event(limit.event());
    if (type.endsWith("-24h")) {
      stayOver24h(limit, e, event, reporter);
    }
    if (event.isEmpty() && limit.event().equals("surgeryEndedAt")) {
      // the host did not send the end of surgery: the template's own field has it
      event = fieldEvent(context, reporter.parameter("surgeryEndLabels"));
    }
    if (event.isEmpty()) {
      return;
    }
    long minutes = (long) reporter.number("limit." + type);
    if (type.equals("consultation-record") && emergency(context, reporter.parameter("emergencyField"))) {
      minutes = (long) reporter.number("limit.consultation-record.emergency");
    }
    OffsetDateTime due = event.get().plusMinutes(minutes);
    Optional<OffsetDateTime> done = Completion.of(context);
    if (done.isPresent()) {
      if (done.get().isAfter(due)) {
        long took = Duration.between(event.get(), done.get()).toMinutes();
        reporter.report("/completedAt", message(limit, minutes, took, true));
      }
    } else if (OffsetDateTime.now(context.clock()).isAfter(due)) {
      long took = Duration.between(event.get(), OffsetDateTime.now(context.clock())).toMinutes();
      reporter.report("/completedAt", message(limit, minutes, took, false));
    }
  }

  @Override
  public void check(ChartContext context, Reporter reporter) {
    if (context.records().isEmpty()) {
      return;
    }
    Encounter e = context.records().get(0).record().context().encounter();
    OffsetDateTime now = OffsetDateTime.now(context.clock());
    for (String type : REQUIRED_IN_CHART) {
      Limit limit = LIMITS.stream().filter(l -> l.type().equals(type)).findFirst().orElseThrow();
      Optional<OffsetDateTime> event = e.event(limit.event());
      if (event.isEmpty() || !context.ofType(type).isEmpty()) {
        continue;
      }
      long minutes = (long) reporter.number("limit." + type);
      if (now.isAfter(event.get().plusMinutes(minutes))) {
        reporter.report("/records", new Message("缺少" + limit.zh() + "(应在" + limit.eventZh()
            + "后" + hoursZh(minutes) + "内完成)", "no " + limit.type() + " although it was due "
            + hours(minutes) + " after " + limit.event()));
      }
    }
    stageSummaries(context, reporter, e, now);
  }

  /**
   * A 24小时内入出院(死亡)记录 for a stay of more than 24 hours: that stay needs an admission record
   * and a discharge (death) record instead (病历书写基本规范 第十九条、第二十条).
   */
  private static void stayOver24h(Limit limit, Encounter e, Optional<OffsetDateTime> end,
      Reporter reporter) {
    Optional<OffsetDateTime> admitted = e.event("admittedAt");
    if (admitted.isEmpty() || end.isEmpty()) {
      return;
    }
    long minutes = Duration.between(admitted.get(), end.get()).toMinutes();
    if (minutes > 24 * 60) {
      boolean death = limit.type().equals("admission-death-24h");
      reporter.report("/context/encounter", new Message("住院" + hoursZh(minutes) + "，超过24小时，"
          + "不能书写" + limit.zh() + "：应书写入院记录和" + (death ? "死亡记录" : "出院记录"),
          "a stay of " + hours(minutes) + " is over 24 hours: it needs an admission record and a "
          + (death ? "death" : "discharge") + " record, not " + limit.type()));
    }
  }

  /** The value of the record's first filled date-time field whose label is one of {@code labels}. */
  private static Optional<OffsetDateTime> fieldEvent(RecordContext context, String labels) {
    List<String> names = List.of(labels.split(","));
    for (FieldValue f : context.fields()) {
      if (f.active() && f.value() instanceof Value.DateTime d && f.label() != null
          && names.contains(f.label().strip())) {
        return Optional.of(d.value());
      }
    }
    return Optional.empty();
  }

  /** 阶段小结: at least one in every period of {@code stageSummaryDays} of the stay. */
  private static void stageSummaries(ChartContext context, Reporter reporter, Encounter e,
      OffsetDateTime now) {
    Optional<OffsetDateTime> admitted = e.event("admittedAt");
    if (admitted.isEmpty()) {
      return;
    }
    long days = (long) reporter.number("stageSummaryDays");
    OffsetDateTime end = e.event("dischargedAt").orElse(now);
    List<OffsetDateTime> done = new java.util.ArrayList<>();
    for (int i : context.ofType("stage-summary")) {
      Completion.of(context.records().get(i)).ifPresent(done::add);
    }
    OffsetDateTime from = admitted.get();
    for (int period = 1; !from.plusDays(days).isAfter(end); period++) {
      OffsetDateTime to = from.plusDays(days);
      OffsetDateTime start = from;
      if (done.stream().noneMatch(t -> t.isAfter(start) && !t.isAfter(to))) {
        reporter.report("/records", new Message("住院第" + period + "个" + days + "天内没有阶段小结",
            "no stage summary in period " + period + " (" + days + " days) of the stay"));
      }
      from = to;
    }
  }

  private static boolean emergency(RecordContext context, String fieldName) {
    for (FieldValue f : context.fields()) {
      if (f.field().name().equals(fieldName) && f.value() instanceof Value.Bool b) {
        return b.value();
      }
    }
    return false;
  }

  private static Message message(Limit l, long limitMinutes, long tookMinutes, boolean done) {
    String limitText = limitMinutes == 0 ? "之前" : "后" + hoursZh(limitMinutes) + "内";
    String limitEn = limitMinutes == 0 ? "before " + l.event()
        : "within " + hours(limitMinutes) + " of " + l.event();
    return done
        ? new Message(l.zh() + "应在" + l.eventZh() + limitText + "完成(实际" + hoursZh(tookMinutes) + ")",
            l.type() + " due " + limitEn + " (took " + hours(tookMinutes) + ")")
        : new Message(l.zh() + "应在" + l.eventZh() + limitText + "完成，至今未完成(已过"
            + hoursZh(tookMinutes) + ")", l.type() + " due " + limitEn + ", still not completed ("
            + hours(tookMinutes) + " so far)");
  }

  static String hours(long minutes) {
    return minutes % 60 == 0 ? (minutes / 60) + " h" : minutes < 60 ? minutes + " min"
        : String.format(java.util.Locale.ROOT, "%.1f h", minutes / 60.0);
  }

  static String hoursZh(long minutes) {
    return minutes % 60 == 0 ? (minutes / 60) + "小时" : minutes < 60 ? minutes + "分钟"
        : String.format(java.util.Locale.ROOT, "%.1f小时", minutes / 60.0);
  }

  static Map<String, Limit> byType() {
    Map<String, Limit> m = new java.util.HashMap<>();
    LIMITS.forEach(l -> m.put(l.type(), l));
    return m;
  }
}
