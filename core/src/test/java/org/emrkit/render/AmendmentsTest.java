package org.emrkit.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.emrkit.edit.EditSession;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Actor;
import org.emrkit.record.Coding;
import org.emrkit.record.Record;
import org.emrkit.record.Role;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.testing.TestClock;
import org.junit.jupiter.api.Test;

/** Which changes a print lists as amendments, labelled and displayed as the record shows them. */
class AmendmentsTest {

  static final Actor NURSE = new Actor("u-3001", "赵芳", Role.NURSE);
  static final Actor ATTENDING = new Actor("u-2001", "王强", Role.ATTENDING);
  static final Actor COLLEAGUE = new Actor("u-3002", "钱丽", Role.NURSE);
  static final Template NURSING = Corpus.template("nursing-record");
  static final Template ADMISSION = Corpus.template("admission-record");

  static List<Amendment> amendments(Template t, Record r) {
    return RecordWalk.forRendering(t, r, RenderOptions.defaults()).amendments();
  }

  @Test
  void aSignedRowsChangeIsOneAnUnsignedRowsIsNot() {
    TestClock clock = new TestClock("2026-11-20T18:00:00+08:00");
    Record r = org.emrkit.testing.CorpusSealer.unseal(
        Corpus.record("clean--nursing-record.json", NURSING));
    List<Values> rows = r.values().rows("nursingRows").stream()
        .map(v -> v.without("nurse")).toList();
    r = r.withValues(Values.of(Map.of("nursingRows", new Value.Rows(rows))));
    EditSession s = EditSession.builder(NURSING, r, NURSE).clock(clock).open();
    assertThat(s.sign("/nursingRows/1").isApplied()).isTrue();
    Record signed = s.commit();
    clock.advance(Duration.ofHours(1));
    EditSession later = EditSession.builder(NURSING, signed, NURSE).clock(clock).open();
    assertThat(later.set("/nursingRows/1/t", new Value.Num(new BigDecimal("37.2")), "录入错误")
        .isApplied()).isTrue();
    assertThat(later.set("/nursingRows/0/r", new Value.Num(BigDecimal.valueOf(19)))
        .isApplied()).as("an unsigned row").isTrue();
    Values row = Values.of(Map.of("at", new Value.DateTime(OffsetDateTime.now(clock)),
        "observation", new Value.Str("夜间睡眠可。")));
    assertThat(later.addEntry("/nursingRows", row).isApplied()).as("a row after").isTrue();
    Record amended = later.commit();
    assertThat(amendments(NURSING, amended)).singleElement().satisfies(a -> {
      assertThat(a.path()).isEqualTo("/values/nursingRows/1/t");
      assertThat(a.label()).isEqualTo("生命体征 体温℃（第2行）");
      assertThat(a.newText()).isEqualTo("37.2");
      assertThat(a.who()).isEqualTo("赵芳（护士）");
      assertThat(a.when()).isEqualTo("2026-11-20 19:00");
      assertThat(a.reason()).isEqualTo("录入错误");
    });
  }

  @Test
  void aSeniorsChangeToWhatAnInternWroteIsOneEachTimeUnderItsOwnName() {
    Actor intern = new Actor("u-4001", "陈实", Role.INTERN); // the record's author
    Actor resident = new Actor("u-1001", "李明", Role.RESIDENT);
    TestClock clock = new TestClock("2026-11-20T18:00:00+08:00");
    Record r = org.emrkit.testing.CorpusSealer.unsigned(
        Corpus.record("cn.countersign--intern-alone.json", ADMISSION), ADMISSION);
    Object[][] edits = {
        {intern, "胸闷3天"},                // her own draft: not an amendment
        {resident, "胸闷5天，考虑心绞痛"},    // 审阅修改 of what she wrote
        {ATTENDING, "胸痛5天"},             // and his, in turn
        {ATTENDING, "胸痛5天。"}};          // his own text again: her words are still in it
    for (Object[] e : edits) {
      clock.advance(Duration.ofMinutes(10));
      EditSession s = EditSession.builder(ADMISSION, r, (Actor) e[0]).clock(clock).open();
      var res = s.set("/chiefComplaint", new Value.Str((String) e[1]));
      assertThat(res.isApplied()).as("%s", res).isTrue();
      r = s.commit();
    }
    clock.advance(Duration.ofMinutes(10));
    EditSession own = EditSession.builder(ADMISSION, r, intern).clock(clock).open();
    assertThat(own.set("/pastIllness", new Value.Str("否认高血压病史。")).isApplied()).isTrue();
    r = own.commit();
    // what the resident writes first on her draft is his: his second thought on it is his own
    for (String menses : List.of("未婚", "未婚，月经规律。")) {
      clock.advance(Duration.ofMinutes(10));
      EditSession his = EditSession.builder(ADMISSION, r, resident).clock(clock).open();
      assertThat(his.set("/menstrualHistory", new Value.Str(menses)).isApplied()).isTrue();
      r = his.commit();
    }
    List<Amendment> all = amendments(ADMISSION, r);
    assertThat(all).extracting(Amendment::who, Amendment::oldText, Amendment::newText)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("李明（住院医师）", "胸闷3天", "胸闷5天，考虑心绞痛"),
            org.assertj.core.groups.Tuple.tuple("王强（主治医师）", "胸闷5天，考虑心绞痛", "胸痛5天"),
            org.assertj.core.groups.Tuple.tuple("王强（主治医师）", "胸痛5天", "胸痛5天。"));
    assertThat(all).allSatisfy(a -> {
      assertThat(a.reason()).isNull();
      assertThat(a.signedContent()).isFalse();
      assertThat(a.reasonText()).as("none needed: not （未注明）").isEqualTo("审阅修改");
    });
    // traced inline: each piece under the name of who struck or put it in
    List<TracedText> traced = traced(ADMISSION, r, "/values/chiefComplaint");
    assertThat(traced).singleElement().satisfies(t -> {
      assertThat(t.before()).isEqualTo("胸闷3天");
      assertThat(t.text()).isEqualTo("胸痛5天。");
      assertThat(t.note()).isEqualTo("①李明（住院医师）2026-11-20 18:20 ②王强（主治医师）2026-11-20"
          + " 18:30 ③王强（主治医师）2026-11-20 18:40 修改");
      assertThat(t.pieces()).extracting(TracedText.Piece::text, TracedText.Piece::who)
          .contains(org.assertj.core.groups.Tuple.tuple("3", "李明（住院医师）2026-11-20 18:20 删除"),
              org.assertj.core.groups.Tuple.tuple("，考虑心绞痛",
                  "李明（住院医师）2026-11-20 18:20 添加，王强（主治医师）2026-11-20 18:30 删除"),
              org.assertj.core.groups.Tuple.tuple("。", "王强（主治医师）2026-11-20 18:40 添加"));
    });
  }

  /**
   * 钱丽 changes 赵芳's observation (审阅修改), 赵芳 clears it (an amendment of what 钱丽 wrote),
   * 钱丽 writes it again from empty (her own, no amendment): what she wrote last is not put in
   * 赵芳's name - it was drawn as inserted by the last amender.
   */
  @Test
  void whatIsWrittenAfterTheLastAmendmentIsNotPutInTheAmendersName() {
    TestClock clock = new TestClock("2026-11-20T18:00:00+08:00");
    Record r = unsignedSheet();
    String p = "/nursingRows/0/observation";
    Object[][] steps = {{COLLEAGUE, "患者安静。"}, {NURSE, null}, {COLLEAGUE, "患者烦躁不安。"}};
    for (Object[] step : steps) {
      clock.advance(Duration.ofMinutes(10));
      EditSession s = EditSession.builder(NURSING, r, (Actor) step[0]).clock(clock).open();
      assertThat((step[1] == null ? s.clear(p) : s.set(p, new Value.Str((String) step[1])))
          .isApplied()).isTrue();
      r = s.commit();
    }
    List<TracedText> traced = traced(NURSING, r, "/values" + p);
    assertThat(traced).singleElement().satisfies(t -> {
      assertThat(t.text()).isEqualTo("患者烦躁不安。");
      assertThat(t.pieces()).noneSatisfy(piece -> assertThat(piece.insertedBy()).contains("赵芳"));
      // she struck what 钱丽 had written; what 钱丽 wrote after is hers, drawn unnamed
      assertThat(t.pieces()).filteredOn(piece -> piece.struckBy().contains("赵芳"))
          .extracting(TracedText.Piece::text).containsExactly("患者安静。");
      assertThat(t.pieces()).filteredOn(piece -> piece.mark() == TracedText.Mark.INSERTED)
          .extracting(TracedText.Piece::text, TracedText.Piece::insertedBy)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("患者烦躁不安。", ""));
    });
  }

  /**
   * A row's signature covers its row where the row is when a change is made: 钱丽 takes out
   * 赵芳's last signed row (with a reason), adds a row of her own and writes in it - the new row
   * sits where the signed one was, but nobody signed it, so neither is signed content (both were
   * listed as changes to signed content with no reason, （未注明）).
   */
  @Test
  void aRowSignatureCoversItsRowNotWhateverRowTakesItsPlace() {
    Record sheet = Corpus.nursingSheet(NURSING, 4);
    TestClock clock = new TestClock("2026-11-21T10:00:00+08:00");
    EditSession s = EditSession.builder(NURSING, sheet, COLLEAGUE).clock(clock).open();
    assertThat(s.removeEntry("/nursingRows/3", "录入错误").isApplied()).isTrue();
    clock.advance(Duration.ofMinutes(1));
    assertThat(s.addEntry("/nursingRows", Values.of(Map.of("at", new Value.DateTime(
        OffsetDateTime.now(clock)), "observation", new Value.Str("夜间睡眠可。")))).isApplied())
        .isTrue();
    clock.advance(Duration.ofMinutes(1));
    assertThat(s.set("/nursingRows/3/t", new Value.Num(new BigDecimal("36.9"))).isApplied())
        .isTrue();
    List<Amendment> all = amendments(NURSING, s.commit());
    assertThat(all).extracting(Amendment::path, Amendment::signedContent, Amendment::reasonText)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/values/nursingRows/3", true,
            "录入错误"));
    // and a row moved up by a removal before it is still covered by its own signature
    EditSession t = EditSession.builder(NURSING, sheet, COLLEAGUE).clock(clock).open();
    assertThat(t.removeEntry("/nursingRows/0", "录入错误").isApplied()).isTrue();
    clock.advance(Duration.ofMinutes(1));
    assertThat(t.set("/nursingRows/0/p", new Value.Num(BigDecimal.valueOf(88)), "核对更正")
        .isApplied()).isTrue();
    assertThat(amendments(NURSING, t.commit())).extracting(Amendment::path,
        Amendment::signedContent).contains(org.assertj.core.groups.Tuple.tuple(
            "/values/nursingRows/0/p", true));
  }

  /** The field at {@code path} as 痕迹打印 traces it inline (empty: not amended). */
  static List<TracedText> traced(Template t, Record r, String path) {
    RenderOptions inline = RenderOptions.builder().amendments(AmendmentPrint.INLINE).build();
    List<TracedText> traced = new java.util.ArrayList<>();
    RecordWalk.forRendering(t, r, inline).body(new WalkTarget() {
      @Override
      public void paragraph(ParagraphView pv) {
        for (Run run : pv.runs()) {
          if (run instanceof Run.FieldRun f && f.field().path().equals(path)) {
            f.field().traced().ifPresent(traced::add);
          }
        }
      }
    });
    return traced;
  }

  /** The unsigned sheet with 赵芳's first change (a pulse): its trace begins with her. */
  static Record startedBy赵芳(TestClock clock) {
    EditSession first = EditSession.builder(NURSING, unsignedSheet(), NURSE).clock(clock).open();
    assertThat(first.set("/nursingRows/0/p", new Value.Num(BigDecimal.valueOf(80))).isApplied())
        .isTrue();
    return first.commit();
  }

  /** {@link #startedBy赵芳}, then 钱丽 adds a row of her own an hour later (row 2, 呼吸 18). */
  static Record withColleaguesRow(TestClock clock) {
    Record r = startedBy赵芳(clock);
    clock.advance(Duration.ofHours(1));
    EditSession mine = EditSession.builder(NURSING, r, COLLEAGUE).clock(clock).open();
    assertThat(mine.addEntry("/nursingRows", Values.of(Map.of("at", new Value.DateTime(
        OffsetDateTime.now(clock)), "r", new Value.Num(BigDecimal.valueOf(18))))).isApplied())
        .isTrue();
    return mine.commit();
  }

  /**
   * The sheet after each step, ten minutes apart, each a session of its own: {actor, path,
   * number} sets a number, {actor, "+", null} adds a row at the end, {actor, "-path", null}
   * removes the row at path.
   */
  static Record edited(Record r, TestClock clock, Object[][] steps) {
    for (Object[] step : steps) {
      clock.advance(Duration.ofMinutes(10));
      EditSession s = EditSession.builder(NURSING, r, (Actor) step[0]).clock(clock).open();
      String what = (String) step[1];
      var done = what.equals("+") ? s.addEntry("/nursingRows", Values.of(Map.of("at",
              new Value.DateTime(OffsetDateTime.now(clock)), "observation",
              new Value.Str("夜间睡眠可。"))))
          : what.startsWith("-") ? s.removeEntry(what.substring(1))
          : s.set(what, new Value.Num(BigDecimal.valueOf((Integer) step[2])));
      assertThat(done.isApplied()).as("%s", done).isTrue();
      r = s.commit();
    }
    return r;
  }

  /** The clean 一般护理记录单 as 赵芳's draft that nobody has signed. */
  static Record unsignedSheet() {
    return org.emrkit.testing.CorpusSealer.unsigned(
        Corpus.record("clean--nursing-record.json", NURSING), NURSING);
  }

  @Test
  void aColleaguesRowChangedIsOneARowAddedBesideItIsNot() {
    Actor other = COLLEAGUE;
    TestClock clock = new TestClock("2026-11-20T18:00:00+08:00");
    Record r = startedBy赵芳(clock);
    clock.advance(Duration.ofHours(2));
    EditSession next = EditSession.builder(NURSING, r, other).clock(clock).open();
    Values row = Values.of(Map.of("at", new Value.DateTime(OffsetDateTime.now(clock)),
        "observation", new Value.Str("夜间睡眠可。")));
    var added = next.addEntry("/nursingRows", row);
    assertThat(added.isApplied()).as("%s", added).isTrue();
    assertThat(next.set("/nursingRows/0/r", new Value.Num(BigDecimal.valueOf(19))).isApplied())
        .isTrue();
    assertThat(amendments(NURSING, next.commit())).extracting(Amendment::path, Amendment::who)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/values/nursingRows/0/r",
            "钱丽（护士）"));
  }

  @Test
  void aRowIsKnownByWhatItHoldsWhenRowsBeforeItAreRemoved() {
    Actor other = COLLEAGUE;
    TestClock clock = new TestClock("2026-11-20T18:00:00+08:00");
    Record r = unsignedSheet();
    // 赵芳's two rows (the record is hers); 钱丽 adds a third, writes its 呼吸 and corrects it
    Object[][] steps = {
        {NURSE, "/nursingRows/0/p", 80},
        {other, "+", null},
        {other, "/nursingRows/2/r", 20},    // first written: nobody's change
        {other, "/nursingRows/2/r", 21},    // her own
        {NURSE, "-/nursingRows/0", null},   // 赵芳 takes out her first row: 钱丽's is row 1 now
        {other, "/nursingRows/1/r", 22},    // still her own row
        {NURSE, "/nursingRows/1/r", 23},    // 赵芳 changes 钱丽's: an amendment
        {NURSE, "/nursingRows/0/p", 84}};   // her own row, moved up: none
    r = edited(r, clock, steps);
    assertThat(amendments(NURSING, r)).extracting(Amendment::path, Amendment::who,
        Amendment::newText).containsExactly(org.assertj.core.groups.Tuple.tuple(
            "/values/nursingRows/1/r", "赵芳（护士）", "23"));
    // and then 赵芳 takes out the row before it again: the amendment goes with its row
    clock.advance(Duration.ofMinutes(10));
    EditSession s = EditSession.builder(NURSING, r, NURSE).clock(clock).open();
    assertThat(s.removeEntry("/nursingRows/0").isApplied()).isTrue();
    Record moved = s.commit();
    assertThat(amendments(NURSING, moved)).extracting(Amendment::path, Amendment::now)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/values/nursingRows/1/r",
            "/values/nursingRows/0/r"));
    // the 修改记录 names the row where the sheet prints it now
    assertThat(amendments(NURSING, moved)).extracting(Amendment::label)
        .containsExactly("生命体征 呼吸次/分（第1行）");
    List<String> traced = new java.util.ArrayList<>();
    RecordWalk.forRendering(NURSING, moved, RenderOptions.builder()
        .amendments(AmendmentPrint.INLINE).build()).body(new WalkTarget() {
          @Override
          public void paragraph(ParagraphView p) {
            for (Run run : p.runs()) {
              if (run instanceof Run.FieldRun f && f.field().traced().isPresent()) {
                traced.add(f.field().path() + " " + f.field().traced().get().text());
              }
            }
          }
        });
    assertThat(traced).containsExactly("/values/nursingRows/0/r 23");
    // and when its own row goes, it is on the 修改记录 page, traced nowhere
    clock.advance(Duration.ofMinutes(10));
    EditSession t = EditSession.builder(NURSING, moved, NURSE).clock(clock).open();
    assertThat(t.removeEntry("/nursingRows/0").isApplied()).isTrue();
    assertThat(amendments(NURSING, t.commit())).extracting(Amendment::now)
        .containsExactly((String) null, null);
  }

  @Test
  void whatTheRecordWasCreatedWithIsReadWhereItsRowsAreNow() {
    TestClock clock = new TestClock("2026-11-20T18:00:00+08:00");
    Record r = startedBy赵芳(clock);
    // 钱丽 puts a row in first: 赵芳's second row (the one with 入量) is row 2 now
    clock.advance(Duration.ofHours(1));
    EditSession s = EditSession.builder(NURSING, r, COLLEAGUE).clock(clock).open();
    assertThat(s.addEntry("/nursingRows", 0, Values.of(Map.of("at", new Value.DateTime(
        OffsetDateTime.now(clock)))), null).isApplied()).isTrue();
    assertThat(s.set("/nursingRows/2/intakeMl", new Value.Num(BigDecimal.valueOf(300)))
        .isApplied()).isTrue();
    assertThat(amendments(NURSING, s.commit())).extracting(Amendment::path, Amendment::who)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/values/nursingRows/2/intakeMl",
            "钱丽（护士）"));
  }

  /** 赵芳 opens the sheet ten minutes on. */
  private static EditSession tenMinutesOnBy赵芳(TestClock clock, Record r) {
    clock.advance(Duration.ofMinutes(10));
    return EditSession.builder(NURSING, r, NURSE).clock(clock).open();
  }

  @Test
  void rowsReorderedKeepWhoWroteThem() {
    TestClock clock = new TestClock("2026-11-20T18:00:00+08:00");
    Record r = withColleaguesRow(clock);
    // 赵芳 moves 钱丽's row to the top; each then corrects her own row, 赵芳 also 钱丽's
    EditSession move = tenMinutesOnBy赵芳(clock, r);
    var moved = move.moveEntry("/nursingRows", 2, 0);
    assertThat(moved.isApplied()).as("%s", moved).isTrue();
    r = move.commit();
    Object[][] steps = {{COLLEAGUE, "/nursingRows/0/r", 19}, {NURSE, "/nursingRows/1/p", 82},
        {NURSE, "/nursingRows/0/r", 20}};
    r = edited(r, clock, steps);
    assertThat(amendments(NURSING, r)).extracting(Amendment::path, Amendment::who)
        .filteredOn(t -> !t.toList().get(0).equals("/values/nursingRows"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/values/nursingRows/0/r",
            "赵芳（护士）"));
  }

  @Test
  void aMiddleRowTakenOutInTheFormIsThatRowRemovedNotTheRowsAfterItChanged() {
    TestClock clock = new TestClock("2026-11-20T18:00:00+08:00");
    Record r = withColleaguesRow(clock);
    // 赵芳 takes out her first row with the form's 删除此行: the form posts every value
    List<Values> rows = new java.util.ArrayList<>(r.values().rows("nursingRows"));
    rows.remove(0);
    EditSession form = tenMinutesOnBy赵芳(clock, r);
    var posted = form.apply(r.values().with("nursingRows", new Value.Rows(rows)));
    assertThat(posted.isApplied()).as("%s", posted).isTrue();
    assertThat(posted.revisions()).extracting(v -> v.path().wire() + " " + (v.newValue() == null))
        .containsExactly("/nursingRows/0 true");
    r = form.commit();
    assertThat(r.values().rows("nursingRows")).hasSize(2);
    // 钱丽's row is row 1 now, still hers: her correction is no review change
    clock.advance(Duration.ofMinutes(10));
    EditSession hers = EditSession.builder(NURSING, r, COLLEAGUE).clock(clock).open();
    assertThat(hers.set("/nursingRows/1/r", new Value.Num(BigDecimal.valueOf(19))).isApplied())
        .isTrue();
    assertThat(amendments(NURSING, hers.commit())).isEmpty();
  }

  @Test
  void anEntryAddedOrRemovedAfterSigningIsListedWithItsValues() {
    Record clean = Corpus.record("clean--admission-record.json", ADMISSION);
    TestClock clock = new TestClock("2026-11-21T09:00:00+08:00");
    EditSession s = EditSession.builder(ADMISSION, clean, ATTENDING).clock(clock).open();
    Values second = Values.of(Map.of("diagnosis",
        new Value.Coded(new Coding("I10.x00", "高血压", "ICD-10"))));
    assertThat(s.addEntry("/diagnoses", 1, second, "补充诊断").isApplied()).isTrue();
    Record added = s.commit();
    clock.advance(Duration.ofMinutes(5));
    EditSession t = EditSession.builder(ADMISSION, added, ATTENDING).clock(clock).open();
    assertThat(t.removeEntry("/diagnoses/1", "诊断重复").isApplied()).isTrue();
    Record removed = t.commit();
    List<Amendment> all = amendments(ADMISSION, removed);
    assertThat(all).extracting(Amendment::label, Amendment::oldText, Amendment::newText,
        Amendment::reason).containsExactly(
            org.assertj.core.groups.Tuple.tuple("诊断（第2项）", "", "高血压 (I10.x00)", "补充诊断"),
            org.assertj.core.groups.Tuple.tuple("诊断（第2项）", "高血压 (I10.x00)", "", "诊断重复"));
    // traced inline, a removed entry has no field to show it: the 修改记录 page lists it
    RenderOptions inline = RenderOptions.builder().amendments(AmendmentPrint.INLINE).build();
    List<String> titles = new java.util.ArrayList<>();
    int[] breaks = {0};
    RecordWalk.forRendering(ADMISSION, removed, inline).body(new WalkTarget() {
      @Override
      public void title(String title) {
        titles.add(title);
      }

      @Override
      public void pageBreak() {
        breaks[0]++;
      }
    });
    assertThat(titles).containsExactly("入院记录", RecordWalk.AMENDMENTS_TITLE);
    assertThat(breaks[0]).isEqualTo(1);
  }

  @Test
  void aRevisionsValuesAreReadAtTheirPointer() {
    RecordJson json = RecordJson.create();
    assertThat(json.readAt(ADMISSION, "/chiefComplaint", "\"胸闷\"")).contains(
        new Value.Str("胸闷"));
    assertThat(json.readAt(ADMISSION, "/diagnoses/0/diagnosis",
        "{\"code\":\"I10.x00\",\"display\":\"高血压\",\"system\":\"ICD-10\"}"))
        .contains(new Value.Coded(new Coding("I10.x00", "高血压", "ICD-10")));
    assertThat(json.readAt(ADMISSION, "/diagnoses/0", "{}")).contains(
        new Value.Rows(List.of(Values.EMPTY)));
    assertThat(json.readAt(ADMISSION, "/nope", "1")).as("no such field").isEmpty();
    assertThat(json.readAt(ADMISSION, "/chiefComplaint", "12")).as("wrong type").isEmpty();
    assertThat(json.readAt(ADMISSION, "/chiefComplaint", "[" .repeat(100_000)))
        .as("too deep: bounded, no exception").isEmpty();
    assertThat(json.readAt(ADMISSION, "/diagnoses/x", "{}")).as("not an index").isEmpty();
  }
}
