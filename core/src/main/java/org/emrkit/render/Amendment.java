package org.emrkit.render;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.emrkit.record.Actor;
import org.emrkit.record.ValueText;

/**
 * One amendment of a record as a print shows it: a change to a value that a signature made before
 * it covers, or that someone else wrote before it (审阅修改), with the values as the record
 * displays them.
 *
 * @param seq the revision's sequence number in the trace
 * @param path JSON pointer of the value in the record ({@code /values/auxiliaryExam})
 * @param label what the value is called ({@code 辅助检查}, {@code 诊断（第2项）})
 * @param oldValue the old value as displayed, without its unit; {@code ""} when there was none
 * @param newValue the new value as displayed, without its unit; {@code ""} when it was cleared
 * @param unit the field's unit, or {@code null}
 * @param actor who changed it
 * @param at when
 * @param reason why, or {@code null} when none was given (a change to signed content needs one:
 *     the validator reports it; a senior's change to an unsigned draft does not)
 * @param signedContent whether a signature made before the change covered the value (else it
 *     changed what someone else wrote: 审阅修改)
 * @param now where the value is in the record now ({@code path} unless rows were put in or taken
 *     out before it since), or {@code null} when it is no longer there (its row taken out)
 */
public record Amendment(int seq, String path, String label, String oldValue, String newValue,
    String unit, Actor actor, OffsetDateTime at, String reason, boolean signedContent,
    String now) {

  /** An amendment of signed content, where it was made. */
  public Amendment(int seq, String path, String label, String oldValue, String newValue,
      String unit, Actor actor, OffsetDateTime at, String reason) {
    this(seq, path, label, oldValue, newValue, unit, actor, at, reason, true, path);
  }

  /** This amendment, with where its value is now and what it is called there (体温（第2行）). */
  Amendment movedTo(String now, String label) {
    return new Amendment(seq, path, label, oldValue, newValue, unit, actor, at, reason,
        signedContent, now);
  }

  /** Checks the members. */
  public Amendment {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(oldValue, "oldValue");
    Objects.requireNonNull(newValue, "newValue");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
  }

  /** The old value with its unit, as a 修改记录 prints it ({@code 150/90 mmHg}). */
  public String oldText() {
    return withUnit(oldValue);
  }

  /** The new value with its unit. */
  public String newText() {
    return withUnit(newValue);
  }

  private String withUnit(String v) {
    return v.isEmpty() || unit == null ? v : v + ValueText.unitSpace(unit) + unit;
  }

  /** Who, with the role as printed: {@code 王强（主治医师）}. */
  public String who() {
    return actor.name() + "（" + actor.role().title() + "）";
  }

  /**
   * Why, as a 修改记录 prints it: the reason given; for a change to signed content without one,
   * （未注明）; for a change to what someone else wrote, which needs none, 审阅修改.
   */
  public String reasonText() {
    return reason != null ? reason : signedContent ? "（未注明）" : "审阅修改";
  }

  /** When, as printed: {@code 2026-11-21 09:10}. */
  public String when() {
    return ValueText.dateTime(at);
  }
}
