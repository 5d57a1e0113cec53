package org.emrkit.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.Role;
import org.emrkit.record.TracePath;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.testing.Seeds;
import org.emrkit.testing.TestClock;
import org.junit.jupiter.api.Test;

/**
 * A posted form's rows follow where they came from ({@link RowOrigins}): the edits a nurse makes
 * on a signed 4-row sheet in the form (a row taken out while another is corrected, two taken
 * out, one out and one in, rows put in another order) are the edits she made, each signature
 * value staying with its row; origins that do not fit are refused and change nothing.
 */
class RowOriginsTest {

  static final Template NURSING = Corpus.template("nursing-record");
  static final Actor COLLEAGUE = new Actor("u-3002", "钱丽", Role.NURSE);
  static final Record SHEET = Corpus.nursingSheet(NURSING, 4);

  static EditSession open(Record r) {
    return EditSession.builder(NURSING, r, COLLEAGUE)
        .clock(new TestClock("2026-11-21T10:00:00+08:00")).open();
  }

  static List<Values> rows(Record r) {
    return new ArrayList<>(r.values().rows("nursingRows"));
  }

  static RowOrigins origins(Integer... o) {
    return RowOrigins.of(Map.of("/nursingRows", Arrays.asList(o)));
  }

  static Values posted(List<Values> rows) {
    return SHEET.values().with("nursingRows", new Value.Rows(rows));
  }

  /** The value revisions, as "path removed|added|set". */
  static List<String> values(EditResult r) {
    return r.revisions().stream().filter(v -> v.path() instanceof TracePath.OfValue)
        .map(v -> v.path().wire() + " " + (v.newValue() == null ? "removed"
            : v.oldValue() == null ? "added" : "set")).toList();
  }

  static Value at(Values row, String name) {
    return row.get(name).orElse(null);
  }

  @Test
  void aRowTakenOutWhileAnotherIsCorrectedIsThatRowRemovedAndThatCorrection() {
    List<Values> before = rows(SHEET);
    List<Values> rows = new ArrayList<>(before);
    rows.remove(1);
    rows.set(0, rows.get(0).with("r", new Value.Num(BigDecimal.valueOf(20))));
    EditSession s = open(SHEET);
    EditResult res = s.apply(posted(rows), origins(0, 2, 3), "录入错误");
    assertThat(res.isApplied()).as("%s", res).isTrue();
    assertThat(values(res)).containsExactly("/nursingRows/1 removed", "/nursingRows/0/r set");
    Record after = s.commit();
    List<Values> now = rows(after);
    assertThat(now).hasSize(3);
    // each row keeps its own time, content and signature value
    for (int[] pair : new int[][] {{1, 2}, {2, 3}}) {
      assertThat(now.get(pair[0])).isEqualTo(before.get(pair[1]));
    }
    assertThat(at(now.get(0), "nurse")).isEqualTo(at(before.get(0), "nurse"));
    Audit audit = RecordAudit.audit(NURSING, after);
    assertThat(audit.intact()).as("%s", audit.findings()).isTrue();
  }

  @Test
  void withoutOriginsTheSamePostIsMatchedByPositionAsBefore() {
    // what the origins fix: matched by position, rows 1 and 2 become the rows after them
    List<Values> rows = rows(SHEET);
    rows.remove(1);
    rows.set(0, rows.get(0).with("r", new Value.Num(BigDecimal.valueOf(20))));
    EditSession s = open(SHEET);
    EditResult res = s.apply(posted(rows), "录入错误");
    assertThat(res.isApplied()).as("%s", res).isTrue();
    assertThat(values(res)).contains("/nursingRows/3 removed", "/nursingRows/1/at set");
  }

  @Test
  void twoRowsTakenOut() {
    List<Values> before = rows(SHEET);
    EditSession s = open(SHEET);
    EditResult res = s.apply(posted(List.of(before.get(0), before.get(3))), origins(0, 3),
        "录入错误");
    assertThat(values(res)).containsExactly("/nursingRows/2 removed", "/nursingRows/1 removed");
    assertThat(rows(s.commit())).containsExactly(before.get(0), before.get(3));
  }

  @Test
  void aRowTakenOutAndOneAddedIsARemovalAndAnAddition() {
    List<Values> before = rows(SHEET);
    Values fresh = Values.of(Map.of("at", new Value.DateTime(OffsetDateTime.parse(
        "2026-11-21T09:55:00+08:00")), "observation", new Value.Str("夜间睡眠可。")));
    List<Values> rows = new ArrayList<>(List.of(before.get(0), before.get(2), before.get(3),
        fresh));
    EditSession s = open(SHEET);
    EditResult res = s.apply(posted(rows), origins(0, 2, 3, null), "录入错误");
    assertThat(values(res)).containsExactly("/nursingRows/1 removed", "/nursingRows/3 added");
    assertThat(rows(s.commit())).containsExactly(before.get(0), before.get(2), before.get(3),
        fresh);
  }

  @Test
  void rowsPutInAnotherOrderAreOneMoveOfTheGroup() {
    List<Values> before = rows(SHEET);
    List<Values> rows = List.of(before.get(1), before.get(0), before.get(2), before.get(3));
    EditSession s = open(SHEET);
    EditResult res = s.apply(posted(rows), origins(1, 0, 2, 3), "顺序有误");
    assertThat(values(res)).containsExactly("/nursingRows set");
    Record after = s.commit();
    assertThat(rows(after)).containsExactlyElementsOf(rows);
    assertThat(RecordAudit.audit(NURSING, after).intact()).isTrue();
  }

  @Test
  void aSignatureValueCannotBeMovedOntoAnotherRowByTheValuesPosted() {
    // the form posts row 1's signature value on row 0: signatures come from the row's origin
    List<Values> before = rows(SHEET);
    List<Values> rows = new ArrayList<>(before);
    rows.set(0, before.get(0).with("nurse", before.get(1).get("nurse").orElseThrow()));
    EditSession s = open(SHEET);
    EditResult res = s.apply(posted(rows), origins(0, 1, 2, 3), "x");
    assertThat(values(res)).isEmpty();
    assertThat(rows(s.commit())).isEqualTo(before);
  }

  @Test
  void originsThatDoNotFitAreRefusedAndChangeNothing() {
    List<Values> before = rows(SHEET);
    List<Values> three = List.of(before.get(0), before.get(2), before.get(3));
    Map<String, RowOrigins> bad = new HashMap<>();
    bad.put("one origin short", origins(0, 2));
    bad.put("a row named twice", origins(0, 2, 2));
    bad.put("a row the record lacks", origins(0, 2, 4));
    bad.put("a negative index", origins(0, -1, 3));
    for (var e : bad.entrySet()) {
      EditSession s = open(SHEET);
      EditResult res = s.apply(posted(three), e.getValue(), "录入错误");
      assertThat(res.isApplied()).as(e.getKey()).isFalse();
      assertThat(res.refusal().code()).as(e.getKey()).isEqualTo("edit/row-origins");
      assertThat(res.refusal().path()).as(e.getKey()).isEqualTo("/nursingRows");
      assertThat(s.commit().values()).as(e.getKey()).isEqualTo(SHEET.values());
    }
    EditSession s = open(SHEET);
    EditResult res = s.apply(posted(three), RowOrigins.of(Map.of("/nursingRows",
        Arrays.asList(0, 2, 3), "/elsewhere", List.of(0))), "录入错误");
    assertThat(res.refusal().code()).isEqualTo("edit/row-origins");
    assertThat(res.refusal().path()).isEqualTo("/elsewhere");
  }

  /**
   * Random form edits of the rows (taken out, added, moved, corrected), posted with their
   * origins: the record holds the rows posted, each kept row with its own signature value, a new
   * row with none, and its chain still audits intact.
   */
  @Test
  void randomRowEditsLandOnTheirRows() {
    Record base = Corpus.nursingSheet(NURSING, 6);
    List<Values> before = rows(base);
    Seeds.check("posted rows follow their origins", 60, r -> {
      List<Values> rows = new ArrayList<>(before);
      List<Integer> origin = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        origin.add(i);
      }
      int steps = 1 + r.nextInt(6);
      for (int k = 0; k < steps; k++) {
        step(r, rows, origin, k);
      }
      EditSession s = EditSession.builder(NURSING, base, COLLEAGUE)
          .clock(new TestClock("2026-11-21T10:00:00+08:00")).open();
      EditResult res = s.apply(base.values().with("nursingRows", new Value.Rows(rows)),
          RowOrigins.of(Map.of("/nursingRows", origin)), "核对更正");
      assertThat(res.isApplied()).as("%s", res).isTrue();
      Record after = s.commit();
      List<Values> now = after.values().rows("nursingRows");
      assertThat(now).hasSize(rows.size());
      for (int j = 0; j < rows.size(); j++) {
        Integer x = origin.get(j);
        Values want = x == null ? rows.get(j)
            : without(rows.get(j), "nurse").with("nurse", before.get(x).get("nurse")
                .orElseThrow());
        assertThat(now.get(j)).as("row %d from %s", j, x).isEqualTo(want);
      }
      Audit audit = RecordAudit.audit(NURSING, after);
      assertThat(audit.intact()).as("%s", audit.findings()).isTrue();
    });
  }

  private static void step(SplittableRandom r, List<Values> rows, List<Integer> origin, int k) {
    int n = rows.size();
    switch (r.nextInt(4)) {
      case 0 -> {
        if (n > 1) {
          int i = r.nextInt(n);
          rows.remove(i);
          origin.remove(i);
        }
      }
      case 1 -> {
        int i = r.nextInt(n + 1);
        rows.add(i, Values.of(Map.of("at", new Value.DateTime(OffsetDateTime.parse(
            "2026-11-21T08:00:00+08:00").plus(Duration.ofMinutes(k))), "observation",
            new Value.Str("补记第" + k + "条"))));
        origin.add(i, null);
      }
      case 2 -> {
        int from = r.nextInt(n);
        int to = r.nextInt(n);
        rows.add(to, rows.remove(from));
        origin.add(to, origin.remove(from));
      }
      default -> {
        int i = r.nextInt(n);
        rows.set(i, rows.get(i).with("p", new Value.Num(BigDecimal.valueOf(60 + r.nextInt(40)))));
      }
    }
  }

  private static Values without(Values v, String name) {
    Map<String, Value> m = new HashMap<>(v.asMap());
    m.remove(name);
    return Values.of(m);
  }

  @Test
  void originsAreBounded() {
    List<Integer> many = new ArrayList<>();
    for (int i = 0; i <= RowOrigins.MAX; i++) {
      many.add(i);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RowOrigins.of(Map.of("/g", many)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RowOrigins.of(Map.of("g",
        List.of()))).isInstanceOf(IllegalArgumentException.class);
  }

  // ---- a table inside a repeat group's entries (手术 with its 人员), and a calculated field

  static final Template OPS = org.emrkit.json.TemplateJson.create().read(
      Corpus.text("/edit/operations.template.json")).orElseThrow();
  static final Actor NURSE = new Actor("u-3001", "赵芳", Role.NURSE);

  static Values ops(String json) {
    return RecordJson.create().readValues(json, OPS).orElseThrow();
  }

  static Record operations(String json) {
    EditSession s = EditSession.open(OPS, NewRecord.draft("OP-1", OPS,
        org.emrkit.record.Context.EMPTY), NURSE);
    assertThat(s.apply(ops(json)).isApplied()).isTrue();
    return s.commit();
  }

  static RowOrigins of(Object... groupAndOrigins) {
    Map<String, List<Integer>> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < groupAndOrigins.length; i += 2) {
      m.put((String) groupAndOrigins[i], Arrays.asList((Integer[]) groupAndOrigins[i + 1]));
    }
    return RowOrigins.of(m);
  }

  static Integer[] at(Integer... o) {
    return o;
  }

  /** The form reports the rows of every table, those inside an entry it added too. */
  @Test
  void anEntryAddedWithRowsOfItsOwnIsSavedItsRowsNew() {
    Record r = operations("{\"ops\":[{\"name\":\"阑尾切除术\",\"staff\":[{\"who\":\"李明\"}]}]}");
    Values posted = ops("{\"ops\":[{\"name\":\"阑尾切除术\",\"staff\":[{\"who\":\"李明\"}]},"
        + "{\"name\":\"清创术\",\"staff\":[{\"who\":\"王强\"}]}]}");
    EditSession s = EditSession.open(OPS, r, NURSE);
    EditResult res = s.apply(posted, of("/ops", at(0, null), "/ops/0/staff", at(0),
        "/ops/1/staff", at((Integer) null)), null);
    assertThat(res.isApplied()).as("%s", res).isTrue();
    assertThat(s.commit().values()).isEqualTo(posted);
    // an entry added in the form has no rows of the record
    EditSession t = EditSession.open(OPS, r, NURSE);
    EditResult bad = t.apply(posted, of("/ops", at(0, null), "/ops/0/staff", at(0),
        "/ops/1/staff", at(0)), null);
    assertThat(bad.refusal().code()).isEqualTo("edit/row-origins");
    assertThat(bad.refusal().path()).isEqualTo("/ops/1/staff");
  }

  /** A calculated value posted in a new entry is not stored: the record reads back intact. */
  @Test
  void aCalculatedValueInAnEntryAddedIsNotStored() {
    Record r = operations("{\"ops\":[{\"name\":\"阑尾切除术\"}]}");
    Values posted = r.values().with("ops", new Value.Rows(List.of(r.values().rows("ops").get(0),
        Values.of(Map.of("name", new Value.Str("清创术"), "n", new Value.Num(BigDecimal.TEN))))));
    for (RowOrigins o : List.of(of("/ops", at(0, null)), RowOrigins.NONE)) {
      EditSession s = EditSession.open(OPS, r, NURSE);
      assertThat(s.apply(posted, o, null).isApplied()).isTrue();
      Record saved = s.commit();
      assertThat(saved.values().rows("ops").get(1).get("n")).as("%s", o).isEmpty();
      Record read = RecordJson.create().read(RecordJson.create().write(saved), OPS)
          .orElseThrow();
      assertThat(RecordAudit.audit(OPS, read).intact()).as("%s", o).isTrue();
    }
  }

  /**
   * Entries put in another order before a signed one that stays where it is: the signed entry is
   * untouched - the move needs no reason, from the form or moveEntry, and the validator reports
   * no change to signed content without one (it read the move, a write of the whole group, as
   * touching every signed entry in it); moving the signed entry itself needs a reason.
   */
  @Test
  void entriesMovedAroundASignedOneThatStaysAreNoChangeToIt() {
    Record r = operations("{\"ops\":[{\"name\":\"甲\"},{\"name\":\"乙\"},{\"name\":\"丙\"}]}");
    EditSession signing = EditSession.open(OPS, r, NURSE);
    assertThat(signing.sign("/ops/2").isApplied()).isTrue();
    Record signed = signing.commit();
    List<Values> rows = signed.values().rows("ops");
    Values swapped = signed.values().with("ops", new Value.Rows(List.of(rows.get(1), rows.get(0),
        rows.get(2))));
    org.emrkit.validation.Validator amendReason = org.emrkit.validation.Validator.builder()
        .pack(org.emrkit.validation.rules.WritingStandardRules.pack()).build();
    EditSession form = EditSession.open(OPS, signed, NURSE);
    assertThat(form.apply(swapped, of("/ops", at(1, 0, 2)), null).isApplied()).isTrue();
    EditSession moving = EditSession.open(OPS, signed, NURSE);
    assertThat(moving.moveEntry("/ops", 0, 1).isApplied()).isTrue();
    for (Record moved : List.of(form.commit(), moving.commit())) {
      assertThat(RecordAudit.audit(OPS, moved).intact()).isTrue();
      assertThat(amendReason.validate(OPS, moved).findings()).extracting(f -> f.code())
          .doesNotContain("cn/amend-reason");
    }
    EditSession signedMoves = EditSession.open(OPS, signed, NURSE);
    assertThat(signedMoves.moveEntry("/ops", 2, 0).refusal().code())
        .isEqualTo("edit/reason-required");
  }
}
