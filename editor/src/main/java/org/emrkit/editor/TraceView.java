package org.emrkit.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.emrkit.record.Record;
import org.emrkit.record.RecordStatus;
import org.emrkit.record.Revision;
import org.emrkit.record.TracePath;
import org.emrkit.record.ValueText;
import org.emrkit.render.Amendment;
import org.emrkit.render.PrintEntry;
import org.emrkit.render.RecordWalk;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Template;

/**
 * A record's revision trace as people read it: one entry per save (the revisions one actor
 * committed at one time), each change labelled as the record shows the value and with the
 * values as displayed ("性别：— → 男", not {@code /sex ∅ → "1"}); who with the role as the
 * ward says it; the reason.
 *
 * @param seq the first revision's sequence number in the trace
 * @param who the actor and role, as printed ({@code 王强（主治医师）})
 * @param when when, as printed ({@code 2026-11-21 09:10})
 * @param reason the reason given, or {@code null}
 * @param changes what changed, in trace order
 */
public record TraceView(int seq, String who, String when, String reason, List<Change> changes) {

  /** Copies the list. */
  public TraceView {
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(when, "when");
    changes = List.copyOf(changes);
  }

  /**
   * One change.
   *
   * @param label what changed ({@code 体温（第2行）}, {@code 状态}, {@code 打印})
   * @param from the old value as displayed ({@code ""}: none)
   * @param to the new value as displayed ({@code ""}: cleared)
   * @param path the value's JSON pointer ({@code /values/...}) for a value; {@code null} else
   */
  public record Change(String label, String from, String to, String path) {

    /** The change in a line: {@code 性别：— → 男}. */
    public String line() {
      if (from.isEmpty() && to.isEmpty()) {
        return label;
      }
      if (path == null && from.isEmpty()) {
        return label + "：" + to; // an event (a print), not a value that changed
      }
      return label + "：" + (from.isEmpty() ? "—" : from) + " → " + (to.isEmpty() ? "—" : to);
    }
  }

  /** The record's trace, one entry per save, oldest first. */
  public static List<TraceView> of(Template template, Record record) {
    return after(template, record, 0);
  }

  /**
   * The saves after revision {@code after}, oldest first: what a change just wrote, without
   * describing the trace before it again.
   */
  public static List<TraceView> after(Template template, Record record, int after) {
    Map<Integer, Amendment> values = new HashMap<>();
    for (Amendment a : RecordWalk.forRendering(template, record, RenderOptions.defaults())
        .changes(after)) {
      values.put(a.seq(), a);
    }
    List<TraceView> out = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    Revision first = null;
    for (Revision r : record.revisions()) {
      if (r.seq() <= after) {
        continue;
      }
      if (first != null && !(first.actor().id().equals(r.actor().id())
          && first.at().equals(r.at()))) {
        out.add(entry(first, changes));
        changes.clear();
      }
      if (changes.isEmpty()) {
        first = r;
      }
      changes.add(change(r, values.get(r.seq())));
    }
    if (first != null) {
      out.add(entry(first, changes));
    }
    return List.copyOf(out);
  }

  private static TraceView entry(Revision first, List<Change> changes) {
    return new TraceView(first.seq(), first.actor().name() + "（" + first.actor().role().title()
        + "）", ValueText.dateTime(first.at()), first.reason(), changes);
  }

  private static Change change(Revision r, Amendment a) {
    TracePath p = r.path();
    if (a != null) {
      return new Change(a.label(), a.oldText(), a.newText(), a.path());
    }
    if (p instanceof TracePath.OfStatus) {
      return new Change("状态", status(r.oldValue()), status(r.newValue()), null);
    }
    if (p instanceof TracePath.OfRecord) {
      return new Change("新建病历", "", "", null);
    }
    if (p instanceof TracePath.OfContext) {
      return new Change("患者及就诊信息更新", "", "", null);
    }
    if (p instanceof TracePath.OfCompletedAt) {
      return new Change("完成书写", "", "", null);
    }
    if (p instanceof TracePath.OfSuperseded) {
      return new Change("原签名因修改失效", "", "", null);
    }
    if (p instanceof TracePath.OfPrints) {
      String summary;
      try {
        summary = PrintEntry.read(r.seq(), r.actor(), r.at(), r.newValue(), false).summary();
      } catch (IllegalArgumentException e) {
        summary = "";
      }
      return new Change("打印", "", summary, null);
    }
    return new Change(p.wire(), "", "", null);
  }

  private static String status(String json) {
    if (json == null) {
      return "";
    }
    RecordStatus s = RecordStatus.fromLabel(json.replace("\"", ""));
    return s == null ? json : s.title();
  }
}
