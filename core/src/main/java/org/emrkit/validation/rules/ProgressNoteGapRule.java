package org.emrkit.validation.rules;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.record.Encounter;
import org.emrkit.record.Value;
import org.emrkit.template.FieldType;
import org.emrkit.validation.ChartContext;
import org.emrkit.validation.ChartRule;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code cn/progress-note-gap}: the gap between consecutive progress notes (首次病程记录, then
 * each entry of 日常病程记录: the date-time fields of its list entries, or the record's completion)
 * is larger than 1 day for 病危 ({@code critical}), 2 days for 病重 ({@code serious}), 3 days
 * otherwise; the last gap runs to discharge (or now).
 */
final class ProgressNoteGapRule implements ChartRule {
  static final RuleInfo INFO = Infos.info("cn/progress-note-gap", "病程记录间隔过长",
      "progress notes too far apart", "病历书写基本规范(2010) 第二十二条(二)", Severity.ERROR, "2",
      false, "病重患者病程记录间隔 4.0 天，应至少 2 天记录一次",
      "progress notes 4.0 days apart; a serious patient needs one at least ev"
          + "ery 2 days",
      "maxDays.critical", "1", "maxDays.serious", "2", "maxDays.other", "3");

  private record Note(OffsetDateTime at, String path) {}

  /** A field of an entry of a list (a chart's 日常病程记录 hold hundreds). */
  private static final java.util.regex.Pattern IN_ENTRY =
      java.util.regex.Pattern.compile("/values/[^/]+/\\d+/[^/]+");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ChartContext context, Reporter reporter) {
    List<Note> notes = new ArrayList<>();
    for (int i : context.ofType("first-progress-note")) {
      Completion.of(context.records().get(i)).ifPresent(t -> notes.add(new Note(t, "")));
    }
    for (int i : context.ofType("progress-note")) {
      notes.addAll(notes(context.records().get(i), "/records/" + i));
    }
    if (notes.isEmpty()) {
      return;
    }
    notes.sort(Comparator.comparing(n -> n.at().toInstant()));
    Encounter e = context.records().get(0).record().context().encounter();
    String condition = e.condition() == null ? "other" : e.condition();
    String key = condition.equals("critical") || condition.equals("serious") ? condition : "other";
    double maxDays = reporter.number("maxDays." + key);
    OffsetDateTime end = e.event("dischargedAt").orElse(OffsetDateTime.now(context.clock()));
    for (int k = 0; k <= notes.size(); k++) {
      if (k == 0) {
        continue;
      }
      OffsetDateTime from = notes.get(k - 1).at();
      OffsetDateTime to = k < notes.size() ? notes.get(k).at() : end;
      String path = k < notes.size() ? notes.get(k).path() : "/records";
      double days = Duration.between(from, to).toMinutes() / 1440.0;
      if (days > maxDays) {
        String who = key.equals("critical") ? "病危" : key.equals("serious") ? "病重" : "病情稳定";
        String d = String.format(java.util.Locale.ROOT, "%.1f", days);
        reporter.report(path, new Message(who + "患者病程记录间隔 " + d + " 天，应至少 "
            + fmt(maxDays) + " 天记录一次", "progress notes " + d + " days apart; a " + key
            + " patient needs one at least every " + fmt(maxDays) + " days"));
      }
    }
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static List<Note> notes(RecordContext r, String prefix) {
    List<Note> out = new ArrayList<>();
    for (FieldValue f : r.fields()) {
      if (f.field().type() == FieldType.DATETIME && f.value() instanceof Value.DateTime t
          && IN_ENTRY.matcher(f.path()).matches()) {
        out.add(new Note(t.value(), prefix + f.path()));
      }
    }
    if (out.isEmpty()) {
      Completion.of(r).ifPresent(t -> out.add(new Note(t, prefix + "/completedAt")));
    }
    return out;
  }
}
