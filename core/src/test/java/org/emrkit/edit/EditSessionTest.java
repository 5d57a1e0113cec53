package org.emrkit.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Actor;
import org.emrkit.record.Coding;
import org.emrkit.record.Context;
import org.emrkit.record.Encounter;
import org.emrkit.record.Patient;
import org.emrkit.record.Record;
import org.emrkit.record.RecordStatus;
import org.emrkit.record.Revision;
import org.emrkit.record.Role;
import org.emrkit.record.Signature;
import org.emrkit.record.SignatureScope;
import org.emrkit.record.Signer;
import org.emrkit.record.TracePath;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.testing.TestClock;
import org.emrkit.validation.Finding;
import org.emrkit.validation.ValidationReport;
import org.emrkit.validation.Validator;
import org.emrkit.validation.rules.FieldRules;
import org.emrkit.validation.rules.WritingStandardRules;
import org.junit.jupiter.api.Test;

class EditSessionTest {

  static final Actor RESIDENT = new Actor("u-1001", "李明", Role.RESIDENT);
  static final Actor OTHER_RESIDENT = new Actor("u-1002", "周洋", Role.RESIDENT);
  static final Actor ATTENDING = new Actor("u-2001", "王强", Role.ATTENDING);
  static final Actor CHIEF = new Actor("u-4001", "陈华", Role.CHIEF);
  static final Actor INTERN = new Actor("u-0501", "吴迪", Role.INTERN);
  static final Actor NURSE = new Actor("u-3001", "赵芳", Role.NURSE);
  static final Actor HEAD_NURSE = new Actor("u-3002", "孙丽", Role.HEAD_NURSE);
  static final Actor QC = new Actor("u-9001", "钱敏", Role.QC);

  static final Template ADMISSION = Corpus.template("admission-record");
  static final Template NURSING = Corpus.template("nursing-record");
  static final RecordJson JSON = RecordJson.create();

  /** The clean admission record as a draft with no signature and no trace yet. */
  static Record draft() {
    Record r = Corpus.record("clean--admission-record.json", ADMISSION);
    return new Record(r.id(), r.template(), null, RecordStatus.DRAFT, r.context(),
        r.values().without("residentSignature"), r.completedAt(), List.of(), List.of(), "{}");
  }

  static Record draftBy(Actor author) {
    Record r = draft();
    Context c = r.context();
    return new Record(r.id(), r.template(), null, RecordStatus.DRAFT,
        new Context(c.patient(), c.encounter(), c.org(), author), r.values(), r.completedAt(),
        List.of(), List.of(), "{}");
  }

  static EditSession session(Template t, Record r, Actor a, TestClock clock) {
    return EditSession.builder(t, r, a).clock(clock).open();
  }

  static Value.Str text(String s) {
    return new Value.Str(s);
  }

  static Validator validator(java.time.Clock clock) {
    return Validator.builder().pack(FieldRules.pack()).pack(WritingStandardRules.pack())
        .clock(clock).build();
  }

  static void assertIntact(Template t, Record r) {
    Audit audit = RecordAudit.audit(t, r);
    assertThat(audit.intact()).as("%s", audit.findings()).isTrue();
  }

  @Test
  void aRecordBuiltThroughTheApiWithValuesItsTemplateHasNoPlaceForIsNotOpened() {
    Record d = draft();
    Values row = d.values().rows("diagnoses").get(0);
    Map<Record, String> refused = Map.of(
        d.withValues(d.values().with("temp", new Value.Str("36.8"))), "edit/type /values/temp",
        d.withValues(d.values().with("temprature", new Value.Str("36.8"))),
        "edit/unknown-path /values/temprature",
        d.withValues(d.values().with("diagnoses", new Value.Str("不稳定型心绞痛"))),
        "edit/type /values/diagnoses",
        d.withValues(d.values().with("diagnoses", new Value.Rows(List.of(row.with("diagnosis",
            new Value.Str("I20.000")))))), "edit/type /values/diagnoses/0/diagnosis");
    refused.forEach((r, said) -> {
      RecordRefusedException e = org.assertj.core.api.Assertions.catchThrowableOfType(
          () -> EditSession.open(ADMISSION, r, RESIDENT), RecordRefusedException.class);
      assertThat(e).as(said).isNotNull();
      assertThat(e.code() + " " + e.pointer()).isEqualTo(said);
      assertThat(e.message().zh()).startsWith("病历的值与模板不符，不能打开编辑：");
    });
    // a text typed into a signature field (the record would not read back), a name with a
    // slash (its pointer escaped), a record of another template
    RecordRefusedException typed = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> EditSession.open(ADMISSION, d.withValues(d.values().with("residentSignature",
            new Value.Str("李明"))), RESIDENT), RecordRefusedException.class);
    assertThat(typed.code() + " " + typed.pointer()).isEqualTo(
        "edit/type /values/residentSignature");
    RecordRefusedException slash = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> EditSession.open(ADMISSION, d.withValues(d.values().with("a/b~c",
            new Value.Str("x"))), RESIDENT), RecordRefusedException.class);
    assertThat(slash.pointer()).isEqualTo("/values/a~1b~0c");
    RecordRefusedException other = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> EditSession.open(NURSING, d, RESIDENT), RecordRefusedException.class);
    assertThat(other.code() + " " + other.pointer()).isEqualTo("edit/template-mismatch /template");
    // more entries than the template allows is validation's finding, not a refusal
    assertThat(ADMISSION.scope().groups().get("diagnoses").max()).isNotNull();
    List<Values> many = new java.util.ArrayList<>();
    for (int i = 0; i <= ADMISSION.scope().groups().get("diagnoses").max(); i++) {
      many.add(row);
    }
    Record over = d.withValues(d.values().with("diagnoses", new Value.Rows(many)));
    assertThat(EditSession.open(ADMISSION, over, RESIDENT).record()).isEqualTo(over);
  }

  @Test
  void aRecordBuiltThroughTheApiThatWouldNotReadBackIsNotOpened() {
    org.emrkit.json.JsonLimits limits = org.emrkit.json.JsonLimits.DEFAULT;
    RecordJson json = RecordJson.create();
    Record d = draft();
    // a 现病史 as long as the reader takes opens; a character more does not
    Record longest = d.withValues(d.values().with("hpi",
        new Value.Str("胸".repeat(limits.maxStringChars()))));
    assertThat(EditSession.open(ADMISSION, longest, RESIDENT).record()).isEqualTo(longest);
    assertThat(json.read(json.write(longest), ADMISSION).isOk()).isTrue();
    Record tooLong = d.withValues(d.values().with("hpi",
        new Value.Str("胸".repeat(limits.maxStringChars() + 1))));
    // a nursing sheet with more values than the reader takes (4 a row), and one whose text
    // is more than a record's JSON may be (17 rows of nearly a million characters)
    Record sheet = EditSession.open(NURSING, Record.draft("r-big", NURSING, Context.EMPTY),
        NURSE).record();
    List<Values> rows = new java.util.ArrayList<>();
    for (int i = 0; i <= limits.maxValues() / 4; i++) {
      rows.add(Values.of(Map.of("t", new Value.Num(new BigDecimal("36.5")), "p",
          new Value.Num(new BigDecimal("78")), "bp", new Value.Str("120/80"),
          "observation", new Value.Str("安静"))));
    }
    Record many = sheet.withValues(sheet.values().with("nursingRows", new Value.Rows(rows)));
    Record big = observations(sheet, 17, "安".repeat(999_999));
    // three values of a million U+0001 each: six characters each once written (\u0001)
    Record escapes = observations(sheet, 3, "\u0001".repeat(999_999));
    Map<Record, String> refused = new java.util.LinkedHashMap<>();
    refused.put(tooLong, "edit/too-long /values/hpi");
    refused.put(many, "edit/too-large ");
    refused.put(big, "edit/record-too-large ");
    refused.put(escapes, "edit/record-too-large ");
    refused.forEach((r, said) -> {
      Template t = r == tooLong ? ADMISSION : NURSING;
      // the reason: written, the record does not read back
      assertThat(json.read(json.write(r), t).isOk()).as(said).isFalse();
      RecordRefusedException e = org.assertj.core.api.Assertions.catchThrowableOfType(
          () -> EditSession.open(t, r, NURSE), RecordRefusedException.class);
      assertThat(e).as(said).isNotNull();
      assertThat(e.code() + " " + e.pointer()).isEqualTo(said);
      assertThat(e.message().zh()).startsWith("病历保存后无法读回，不能打开编辑：");
    });
  }

  /** The sheet with {@code rows} rows, each observing {@code text}. */
  private static Record observations(Record sheet, int rows, String text) {
    List<Values> out = new java.util.ArrayList<>();
    for (int i = 0; i < rows; i++) {
      out.add(Values.of(Map.of("observation", new Value.Str(text))));
    }
    return sheet.withValues(sheet.values().with("nursingRows", new Value.Rows(out)));
  }

  @Test
  void aChangeIsTracedAndChained() {
    TestClock clock = new TestClock("2026-11-20T21:00:00+08:00");
    EditSession s = session(ADMISSION, draft(), RESIDENT, clock);
    EditResult r = s.set("/chiefComplaint", text("反复胸闷、胸痛3天"));
    assertThat(r.isApplied()).isTrue();
    // a record without a trace: its first change first records what it was created with
    Revision created = r.revisions().get(0);
    assertThat(created.path()).isEqualTo(TracePath.RECORD);
    assertThat(created.seq()).isEqualTo(1);
    assertThat(created.previousHash()).isNull();
    assertThat(created.oldValue()).isNull();
    assertThat(created.newValue()).contains("\"id\":\"" + draft().id() + "\"", "\"反复胸闷3天\"",
        "\"sha256\":\"");
    Revision v = r.revisions().get(1);
    assertThat(v.seq()).isEqualTo(2);
    assertThat(v.actor()).isEqualTo(RESIDENT);
    assertThat(v.at()).isEqualTo(OffsetDateTime.parse("2026-11-20T21:00:00+08:00"));
    assertThat(v.path()).isEqualTo(new TracePath.OfValue("/chiefComplaint"));
    assertThat(v.oldValue()).isEqualTo("\"反复胸闷3天\"");
    assertThat(v.newValue()).isEqualTo("\"反复胸闷、胸痛3天\"");
    assertThat(v.level()).isEqualTo(2);
    assertThat(v.previousHash()).isEqualTo(created.hash());
    assertThat(v.hash()).matches("[0-9a-f]{64}");
    assertThat(s.record().values().text("chiefComplaint")).contains("反复胸闷、胸痛3天");
    assertIntact(ADMISSION, s.record());

    clock.advance(Duration.ofMinutes(1));
    Revision cleared = s.clear("/familyHistory").revisions().get(0);
    assertThat(cleared.previousHash()).isEqualTo(v.hash());
    assertThat(cleared.newValue()).isNull();
    assertThat(s.record().values().get("familyHistory")).isEmpty();
    // a value equal to the current one changes nothing and adds no revision
    assertThat(s.set("/chiefComplaint", text("反复胸闷、胸痛3天")).revisions()).isEmpty();
    assertThat(s.record().revisions()).hasSize(3);
    // what is stored reads back and still verifies
    Record back = JSON.read(JSON.write(s.commit()), ADMISSION).orElseThrow();
    assertThat(back).isEqualTo(s.record());
    assertIntact(ADMISSION, back);
  }

  @Test
  void contextAndCompletionChangeOnlyThroughTheTrace() {
    TestClock clock = new TestClock("2026-11-20T21:00:00+08:00");
    Record fresh = Record.draft("R-9", ADMISSION, draft().context());
    assertThat(fresh.completedAt()).isNull();
    EditSession s = session(ADMISSION, fresh, RESIDENT, clock);
    assertThat(s.set("/chiefComplaint", text("胸闷2天")).isApplied()).isTrue();
    assertIntact(ADMISSION, s.record());
    clock.advance(Duration.ofMinutes(30));
    assertThat(s.complete().revisions()).extracting(v -> v.path().wire())
        .containsExactly("/@completedAt");
    assertThat(s.record().completedAt()).isEqualTo(OffsetDateTime.now(clock));
    Context c = s.record().context();
    Encounter e = c.encounter();
    Context moved = new Context(c.patient(), new Encounter(e.id(), e.department(), e.ward(), "15",
        e.admittedAt(), e.condition(), e.events()), c.org(), c.author());
    assertThat(s.updateContext(moved, "转床").isApplied()).isTrue();
    assertThat(s.record().context().encounter().bed()).isEqualTo("15");
    assertIntact(ADMISSION, s.record());
    // the same changes made in storage, without the session, are found
    Record stored = s.commit();
    Record tampered = new Record(stored.id(), stored.template(), null, stored.status(),
        c, stored.values(), stored.completedAt().minusHours(5), stored.signatures(),
        stored.revisions(), stored.extensions());
    assertThat(RecordAudit.audit(ADMISSION, tampered).findings())
        .extracting(AuditFinding::pointer)
        .containsExactly("/context/encounter/bed", "/completedAt");
  }

  @Test
  void aPostedFormCannotStoreACalculatedOrContextField() {
    // BMI is worked out, 年龄 comes from the host: a form (or a host's own values) holding them
    // changes nothing, as checkValues says they are ignored
    TestClock clock = new TestClock("2026-11-20T21:00:00+08:00");
    Record r = draft();
    EditSession s = session(ADMISSION, r, RESIDENT, clock);
    EditResult res = s.apply(r.values().with("bmi", new Value.Num(new java.math.BigDecimal("99")))
        .with("age", new Value.Str("18岁")));
    assertThat(res.revisions()).isEmpty();
    assertThat(s.commit().values()).isEqualTo(r.values());
  }

  @Test
  void entriesAreAddedRemovedAndMoved() {
    TestClock clock = new TestClock("2026-11-20T21:00:00+08:00");
    EditSession s = session(ADMISSION, draft(), RESIDENT, clock);
    Values second = Values.of(Map.of("diagnosis",
        new Value.Coded(new Coding("I10.x00", "高血压", "ICD-10"))));
    assertThat(s.addEntry("/diagnoses", second).isApplied()).isTrue();
    assertThat(s.record().values().rows("diagnoses")).hasSize(2);
    assertThat(s.set("/diagnoses/1/diagnosis",
        new Value.Coded(new Coding("I10.x01", "高血压3级", "ICD-10"))).isApplied()).isTrue();
    assertThat(s.moveEntry("/diagnoses", 1, 0).isApplied()).isTrue();
    assertThat(s.record().values().rows("diagnoses").get(0).coding("diagnosis").orElseThrow()
        .code()).isEqualTo("I10.x01");
    assertThat(s.removeEntry("/diagnoses/1").isApplied()).isTrue();
    assertThat(s.record().values().rows("diagnoses")).hasSize(1);
    assertThat(s.record().revisions()).extracting(x -> x.path().wire()).containsExactly(
        "/@record", "/diagnoses/1", "/diagnoses/1/diagnosis", "/diagnoses", "/diagnoses/1");
    assertThat(s.removeEntry("/diagnoses/0").isApplied()).isTrue();
    assertThat(s.record().values().get("diagnoses")).as("an empty list is absent").isEmpty();
    assertIntact(ADMISSION, s.record());
  }

  @Test
  void refusedEditsLeaveTheRecordByteIdentical() {
    TestClock clock = new TestClock("2026-11-20T21:00:00+08:00");
    Record start = draft();
    Record signed = lifecycleUpToReview(clock);
    Record archived = archive(signed, clock);
    record Attempt(String code, Record record, Actor actor, java.util.function.Function<
        EditSession, EditResult> edit) {}
    List<Attempt> attempts = List.of(
        new Attempt("edit/unknown-path", start, RESIDENT, s -> s.set("/nope", text("x"))),
        new Attempt("edit/path", start, RESIDENT, s -> s.set("chiefComplaint", text("x"))),
        new Attempt("edit/type", start, RESIDENT, s -> s.set("/pulse", text("78"))),
        new Attempt("edit/type", start, RESIDENT,
            s -> s.set("/pulse", new Value.Num(new BigDecimal("78.5")))),
        new Attempt("edit/signature-field", start, RESIDENT, s -> s.set("/residentSignature",
            new Value.Signed(new Signer(RESIDENT, OffsetDateTime.now(clock))))),
        new Attempt("edit/computed", start, RESIDENT,
            s -> s.set("/bmi", new Value.Num(BigDecimal.TEN))),
        new Attempt("edit/no-entry", start, RESIDENT, s -> s.removeEntry("/diagnoses/5")),
        new Attempt("edit/not-a-group", start, RESIDENT, s -> s.addEntry("/hpi", Values.EMPTY)),
        new Attempt("edit/unknown-path", start, RESIDENT,
            s -> s.apply(start.values().with("nope", text("x")))),
        new Attempt("edit/permission", start, NURSE, s -> s.set("/hpi", text("护士改写"))),
        new Attempt("edit/permission", start, OTHER_RESIDENT, s -> s.set("/hpi", text("同级改写"))),
        new Attempt("edit/permission", start, QC, s -> s.sign("")),
        new Attempt("edit/status", start, QC, EditSession::archive),
        new Attempt("edit/reason-required", signed, ATTENDING,
            s -> s.set("/chiefComplaint", text("胸痛3天"))),
        new Attempt("edit/rank", signed, RESIDENT,
            s -> s.set("/chiefComplaint", text("胸痛3天"), "补充")),
        new Attempt("edit/already-signed", signed, ATTENDING, s -> s.sign("")),
        new Attempt("edit/review-rank", signed, OTHER_RESIDENT, s -> s.sign("")),
        new Attempt("edit/archived", archived, CHIEF,
            s -> s.set("/chiefComplaint", text("胸痛3天"), "补充")),
        new Attempt("edit/archived", archived, CHIEF, s -> s.sign("")));
    for (Attempt a : attempts) {
      String before = JSON.write(a.record());
      EditSession s = session(ADMISSION, a.record(), a.actor(), clock);
      EditResult r = a.edit().apply(s);
      assertThat(r.isApplied()).as("%s should be refused", a.code()).isFalse();
      assertThat(r.refusal().code()).isEqualTo(a.code());
      assertThat(r.refusal().zh()).isNotBlank().containsPattern("\\p{IsHan}");
      assertThat(r.refusal().en()).isNotBlank();
      assertThat(JSON.write(s.record())).as(a.code()).isEqualTo(before);
      assertThat(s.canUndo()).isFalse();
      assertThat(s.isDirty()).isFalse();
    }
  }

  /** Resident writes and signs, attending reviews; the committed record. */
  static Record lifecycleUpToReview(TestClock clock) {
    EditSession resident = session(ADMISSION, draft(), RESIDENT, clock);
    assertThat(resident.set("/hpi", text("患者3天前无明显诱因出现胸闷，位于胸骨后，持续约10分钟。"))
        .isApplied()).isTrue();
    clock.advance(Duration.ofMinutes(5));
    assertThat(resident.sign("").isApplied()).isTrue();
    Record signed = resident.commit();
    clock.advance(Duration.ofHours(10));
    EditSession attending = session(ADMISSION, signed, ATTENDING, clock);
    EditResult review = attending.sign("");
    assertThat(review.isApplied()).as("%s", review.refusal()).isTrue();
    return attending.commit();
  }

  static Record archive(Record r, TestClock clock) {
    clock.advance(Duration.ofDays(3));
    EditSession qc = session(ADMISSION, r, QC, clock);
    assertThat(qc.archive().isApplied()).isTrue();
    return qc.commit();
  }

  @Test
  void theLifecycleOfARecord() {
    TestClock clock = new TestClock("2026-11-20T20:00:00+08:00");
    EditSession resident = session(ADMISSION, draft(), RESIDENT, clock);
    resident.set("/hpi", text("患者3天前无明显诱因出现胸闷，位于胸骨后，持续约10分钟。"));
    clock.advance(Duration.ofMinutes(5));
    EditResult signing = resident.sign("");
    assertThat(signing.revisions()).extracting(x -> x.path().wire()).containsExactly("/@status");
    Record signed = resident.commit();
    assertThat(signed.status()).isEqualTo(RecordStatus.SIGNED);
    Signature first = signed.signatures().get(0);
    assertThat(first.signer()).isEqualTo(RESIDENT);
    assertThat(first.scope()).isEqualTo(SignatureScope.RECORD);
    assertThat(first.contentHash()).isEqualTo(RecordAudit.contentHash(ADMISSION, signed.values(),
        SignatureScope.RECORD));
    assertThat(signed.values().signer("residentSignature").orElseThrow().actor())
        .isEqualTo(RESIDENT);
    assertIntact(ADMISSION, signed);

    // the author may amend his own signed record, with a reason, until a senior signs it
    clock.advance(Duration.ofMinutes(30));
    EditSession again = session(ADMISSION, signed, RESIDENT, clock);
    assertThat(again.set("/spo2", new Value.Num(BigDecimal.valueOf(96))).refusal().code())
        .isEqualTo("edit/reason-required");
    EditResult amend = again.set("/spo2", new Value.Num(BigDecimal.valueOf(96)), "复测血氧");
    assertThat(amend.revisions()).extracting(x -> x.path().wire())
        .containsExactly("/spo2", "/@signatures/sig-1/superseded");
    assertThat(again.record().signatures().get(0).superseded()).isTrue();
    assertIntact(ADMISSION, again.record());
    clock.advance(Duration.ofMinutes(1));
    assertThat(again.sign("").isApplied()).as("re-signing after an amendment").isTrue();
    assertThat(again.record().status()).isEqualTo(RecordStatus.SIGNED);
    Record resigned = again.commit();

    // 三级审签: attending, then chief
    clock.advance(Duration.ofHours(20));
    EditSession attending = session(ADMISSION, resigned, ATTENDING, clock);
    assertThat(attending.sign("").isApplied()).isTrue();
    assertThat(attending.record().values().signer("attendingSignature").orElseThrow().actor())
        .isEqualTo(ATTENDING);
    Record reviewed = attending.commit();
    assertIntact(ADMISSION, reviewed);
    // now the resident may not change what the attending signed
    EditSession late = session(ADMISSION, reviewed, RESIDENT, clock);
    assertThat(late.set("/spo2", new Value.Num(BigDecimal.valueOf(95)), "再测").refusal().code())
        .isEqualTo("edit/rank");
    // the attending amends with a reason: both signatures superseded, the trace keeps them
    clock.advance(Duration.ofHours(1));
    EditSession fix = session(ADMISSION, reviewed, ATTENDING, clock);
    assertThat(fix.set("/chiefComplaint", text("反复胸闷、胸痛3天"), "补充胸痛症状").isApplied())
        .isTrue();
    assertThat(fix.record().signatures()).extracting(Signature::superseded)
        .containsExactly(true, true, true);
    assertThat(fix.sign("").isApplied()).as("the attending signs the amended content").isTrue();
    clock.advance(Duration.ofHours(1));
    Record amended = fix.commit();
    EditSession chief = session(ADMISSION, amended, CHIEF, clock);
    assertThat(chief.sign("").isApplied()).isTrue();
    Record done = archive(chief.commit(), clock);
    assertThat(done.status()).isEqualTo(RecordStatus.ARCHIVED);
    assertIntact(ADMISSION, done);
    assertThat(done.revisions().get(done.revisions().size() - 1).path())
        .isEqualTo(TracePath.STATUS);

    // the writing-standard rules that read the trace find nothing wrong
    ValidationReport report = validator(clock).validate(ADMISSION, done);
    assertThat(report.findings()).extracting(Finding::code).doesNotContain("cn/amend-reason",
        "cn/trace-integrity", "cn/archived-change");
    Record stored = JSON.read(JSON.write(done), ADMISSION).orElseThrow();
    assertIntact(ADMISSION, stored);
  }

  @Test
  void aSectionSignatureLocksOnlyItsSection() {
    TestClock clock = new TestClock("2026-11-20T20:00:00+08:00");
    EditSession s = session(ADMISSION, draft(), RESIDENT, clock);
    assertThat(s.sign("section:chief-complaint").isApplied()).isTrue();
    assertThat(s.record().status()).as("a section signature does not sign the record")
        .isEqualTo(RecordStatus.DRAFT);
    assertThat(s.set("/hpi", text("患者3天前出现胸闷，休息后可缓解，今日再发。")).isApplied()).isTrue();
    assertThat(s.set("/chiefComplaint", text("胸闷3天")).refusal().code())
        .isEqualTo("edit/reason-required");
    assertThat(s.sign("section:nope").refusal().code()).isEqualTo("edit/scope");
    assertIntact(ADMISSION, s.record());
  }

  /**
   * The clean nursing sheet unsigned, in a nurse's session at the clock's time, with a third row
   * ({@link #nursingRow}) added and signed by her.
   */
  static EditSession nurseSignsAThirdRow(TestClock clock) {
    Record r = org.emrkit.testing.CorpusSealer.unseal(
        Corpus.record("clean--nursing-record.json", NURSING));
    r = r.withValues(Values.of(Map.of("nursingRows", new Value.Rows(r.values()
        .rows("nursingRows").stream().map(ValuePaths::stripSigned).toList()))));
    EditSession nurse = session(NURSING, r, NURSE, clock);
    assertThat(nurse.addEntry("/nursingRows", nursingRow(clock)).isApplied()).isTrue();
    assertThat(nurse.sign("/nursingRows/2").isApplied()).isTrue();
    return nurse;
  }

  /** A row of the nursing sheet written at the clock's time. */
  static Values nursingRow(TestClock clock) {
    return Values.of(Map.of("at", new Value.DateTime(OffsetDateTime.now(clock)),
        "t", new Value.Num(new BigDecimal("36.9")), "observation", text("夜间睡眠可。")));
  }

  @Test
  void nursesSignRowsAndAmendThemWithinADay() {
    TestClock clock = new TestClock("2026-11-20T18:00:00+08:00");
    EditSession nurse = nurseSignsAThirdRow(clock);
    Values row = nursingRow(clock);
    assertThat(nurse.record().values().rows("nursingRows").get(2).signer("nurse")
        .orElseThrow().actor()).isEqualTo(NURSE);
    assertThat(nurse.record().status()).isEqualTo(RecordStatus.DRAFT);
    assertThat(nurse.sign("/nursingRows/9").refusal().code()).isEqualTo("edit/no-entry");
    Record signedRow = nurse.commit();

    // a doctor does not write nursing records
    assertThat(session(NURSING, signedRow, RESIDENT, clock).set("/nursingRows/0/observation",
        text("医生改写")).refusal().code()).isEqualTo("edit/permission");
    // within 24 hours the nurse may correct the signed row, with a reason
    clock.advance(Duration.ofHours(2));
    EditSession soon = session(NURSING, signedRow, NURSE, clock);
    assertThat(soon.set("/nursingRows/2/t", new Value.Num(new BigDecimal("37.0")), "录入错误")
        .isApplied()).isTrue();
    // an unsigned row needs no reason
    assertThat(soon.set("/nursingRows/0/r", new Value.Num(BigDecimal.valueOf(19))).isApplied())
        .isTrue();
    // after 24 hours only the head nurse may
    clock.advance(Duration.ofHours(23));
    EditSession late = session(NURSING, signedRow, NURSE, clock);
    EditResult refused = late.set("/nursingRows/2/t", new Value.Num(new BigDecimal("37.0")), "录入错误");
    assertThat(refused.refusal().code()).isEqualTo("edit/time-window");
    assertThat(refused.refusal().zh()).contains("24 小时");
    assertThat(session(NURSING, signedRow, HEAD_NURSE, clock).set("/nursingRows/2/t",
        new Value.Num(new BigDecimal("37.0")), "录入错误").isApplied()).isTrue();
    // inserting a row before a signed one moves it: that is a change to signed content (the
    // nurse past her 24 hours may not; the head nurse may, with a reason)
    assertThat(late.addEntry("/nursingRows", 0, row, null).refusal().code())
        .isEqualTo("edit/time-window");
    assertThat(session(NURSING, signedRow, HEAD_NURSE, clock).addEntry("/nursingRows", 0, row,
        null).refusal().code()).isEqualTo("edit/reason-required");
  }

  @Test
  void whatTheReaderWouldRefuseIsRefusedWhenSetAndWhatItTakesReadsBack() {
    // set through the API, not read from the form's JSON: a right-to-left override or half a
    // surrogate pair saved would make the record unreadable
    for (String bad : List.of("胸闷\u202E天3", "胸闷\uD800", "胸闷\uFFFE")) {
      EditSession s = session(ADMISSION, draft(), RESIDENT, new TestClock(
          "2026-11-20T20:00:00+08:00"));
      EditResult r = s.set("/chiefComplaint", text(bad));
      assertThat(r.isApplied()).as(bad).isFalse();
      assertThat(r.refusal().code()).isEqualTo("edit/character");
      assertThat(r.refusal().path()).isEqualTo("/chiefComplaint");
      assertThat(s.record()).isEqualTo(draft());
    }
    // the longest number a value may hold (100 digits after the point) is set, saved and read
    EditSession s = session(ADMISSION, draft(), RESIDENT, new TestClock(
        "2026-11-20T20:00:00+08:00"));
    BigDecimal longest = new BigDecimal("36." + "1".repeat(99));
    assertThat(s.set("/temp", new Value.Num(longest)).isApplied()).isTrue();
    Record saved = s.commit();
    assertThat(JSON.read(JSON.write(saved), ADMISSION).orElseThrow().values().get("temp"))
        .contains(new Value.Num(longest));
  }

  @Test
  void aRowPutInBeforeASignedRowAndFilledInTheSameMinuteNeedsNoReason() {
    // a late row put in in time order before a signed one (with a reason: it moves signed
    // content, and supersedes the row's signature); the new row, where the signed one stood, is
    // then filled in with no reason in the same minute: cn/amend-reason found it (5 points), as
    // it took the supersession for later than the fill-in when their times were equal
    TestClock clock = new TestClock("2026-11-20T18:00:00+08:00");
    EditSession nurse = nurseSignsAThirdRow(clock);
    Values row = nursingRow(clock);
    Record signedRow = nurse.commit();
    clock.advance(Duration.ofHours(1));
    EditSession later = session(NURSING, signedRow, NURSE, clock);
    assertThat(later.addEntry("/nursingRows", 2, row, "补记").isApplied()).isTrue();
    assertThat(later.set("/nursingRows/2/r", new Value.Num(BigDecimal.valueOf(19)))
        .isApplied()).isTrue();
    Record after = later.commit();
    // the move superseded the row's signature (the nurse signs the row again) in the same
    // minute as the fill-in: the fill-in came after it in the trace, so no signature covered it
    assertThat(after.signatures()).singleElement().satisfies(x -> assertThat(x.superseded())
        .isTrue());
    assertThat(after.revisions().get(after.revisions().size() - 1).at())
        .isEqualTo(after.revisions().get(after.revisions().size() - 2).at());
    assertThat(validator(clock).validate(NURSING, after).withCode("cn/amend-reason")).isEmpty();
  }

  @Test
  void anInternsRecordIsCountersigned() {
    TestClock clock = new TestClock("2026-11-20T20:00:00+08:00");
    EditSession intern = session(ADMISSION, draftBy(INTERN), INTERN, clock);
    assertThat(intern.set("/hpi", text("患者3天前出现胸闷，位于胸骨后，持续约10分钟。")).isApplied()).isTrue();
    assertThat(intern.sign("").isApplied()).isTrue();
    Record byIntern = intern.commit();
    Validator validator = validator(clock);
    assertThat(validator.validate(ADMISSION, byIntern).findings()).extracting(Finding::code)
        .contains("cn/countersign");
    // a senior may write in a junior's record; a peer may not
    clock.advance(Duration.ofHours(1));
    EditSession resident = session(ADMISSION, byIntern, RESIDENT, clock);
    assertThat(resident.sign("").isApplied()).as("countersign").isTrue();
    Record countersigned = resident.commit();
    assertThat(countersigned.values().signer("residentSignature").orElseThrow().actor())
        .as("the intern signed in the resident's place").isEqualTo(INTERN);
    assertThat(countersigned.values().signer("attendingSignature").orElseThrow().actor())
        .isEqualTo(RESIDENT);
    assertThat(validator.validate(ADMISSION, countersigned).findings()).extracting(Finding::code)
        .doesNotContain("cn/countersign");
    assertThat(session(ADMISSION, byIntern, new Actor("u-0502", "郑好", Role.INTERN), clock)
        .sign("").refusal().code()).isEqualTo("edit/review-rank");
  }

  @Test
  void thePostedFormIsOneEditWithARevisionPerField() {
    TestClock clock = new TestClock("2026-11-20T21:00:00+08:00");
    Record start = draft();
    EditSession s = session(ADMISSION, start, RESIDENT, clock);
    assertThat(s.sign("section:initial-diagnosis").isApplied()).isTrue();
    Record signedSection = s.commit();
    String posted = "{\"sex\":\"1\",\"marital\":\"20\",\"informant\":\"患者本人\","
        + "\"reliability\":\"可靠\",\"chiefComplaint\":\"反复胸闷、胸痛3天\","
        + "\"hpi\":\"患者3天前无明显诱因出现胸闷，位于胸骨后。\",\"temp\":37.2,"
        + "\"diagnoses\":[{\"diagnosis\":{\"code\":\"I20.000\",\"display\":\"不稳定型心绞痛\","
        + "\"system\":\"ICD-10\"}}],"
        + "\"residentSignature\":{\"id\":\"x\",\"name\":\"伪造\",\"role\":\"chief\","
        + "\"at\":\"2026-11-20T21:00:00+08:00\"}}";
    Values values = JSON.readValues(posted, ADMISSION).orElseThrow();
    EditSession form = session(ADMISSION, signedSection, RESIDENT, clock);
    EditResult r = form.apply(values);
    assertThat(r.isApplied()).as("%s", r.refusal()).isTrue();
    assertThat(r.revisions()).extracting(x -> x.path().wire()).contains("/chiefComplaint", "/hpi",
        "/temp", "/pastIllness", "/spo2").doesNotContain("/residentSignature", "/sex",
        "/diagnoses/0/diagnosis");
    assertThat(form.record().values().signer("residentSignature").orElseThrow().actor())
        .as("a posted signature is ignored").isEqualTo(RESIDENT);
    assertThat(form.record().values().text("pastIllness")).as("missing means cleared").isEmpty();
    assertThat(form.undo()).isTrue();
    assertThat(form.record()).isEqualTo(signedSection);
    assertThat(form.redo()).isTrue();
    assertThat(form.record().values().text("chiefComplaint")).contains("反复胸闷、胸痛3天");
    // changing the signed diagnosis through the form needs a reason
    Values changed = values.with("diagnoses", new Value.Rows(List.of(Values.of(Map.of(
        "diagnosis", new Value.Coded(new Coding("I21.000", "急性心肌梗死", "ICD-10")))))));
    assertThat(form.apply(changed).refusal().code()).isEqualTo("edit/reason-required");
    EditResult amended = form.apply(changed, "心肌酶升高");
    assertThat(amended.isApplied()).as("%s", amended.refusal()).isTrue();
    assertIntact(ADMISSION, form.record());
  }

  @Test
  void valuesChangedInStorageAfterSigningAreFound() {
    TestClock clock = new TestClock("2026-11-20T21:00:00+08:00");
    Record reviewed = lifecycleUpToReview(clock);
    assertIntact(ADMISSION, reviewed);
    Record forged = reviewed.withValues(reviewed.values().with("chiefComplaint", text("胸痛1天")));
    Audit audit = RecordAudit.audit(ADMISSION, forged);
    assertThat(audit.findings()).extracting(AuditFinding::kind, AuditFinding::pointer)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("values", "/values/chiefComplaint"));
    assertThat(audit.first().orElseThrow().message().zh()).contains("主诉", "胸痛1天",
        "反复胸闷3天");
    // a superseded flag set without a revision is found too
    List<Signature> sigs = new java.util.ArrayList<>(reviewed.signatures());
    sigs.set(1, sigs.get(1).asSuperseded());
    Record flagged = new Record(reviewed.id(), reviewed.template(), null, reviewed.status(),
        reviewed.context(), reviewed.values(), reviewed.completedAt(), sigs, reviewed.revisions(),
        reviewed.extensions());
    assertThat(RecordAudit.audit(ADMISSION, flagged).findings())
        .extracting(AuditFinding::pointer).containsExactly("/signatures/1/superseded");
    // a record whose trace is broken cannot be edited
    EditSession s2 = session(ADMISSION, flagged, CHIEF, clock);
    assertThat(s2.set("/chiefComplaint", text("x"), "y").refusal().code())
        .isEqualTo("edit/trace-broken");
  }

  @Test
  void traceTimesNeverGoBackwards() {
    TestClock clock = new TestClock("2026-11-20T21:00:00+08:00");
    EditSession s = session(ADMISSION, draft(), RESIDENT, clock);
    s.sign("section:hpi");
    EditResult sameMilli = s.set("/chiefComplaint", text("胸闷2天"));
    assertThat(sameMilli.revisions().get(0).at())
        .isEqualTo(OffsetDateTime.parse("2026-11-20T21:00:00.001+08:00"));
    clock.advance(Duration.ofHours(-2)); // the host's clock went back
    EditResult behind = s.set("/chiefComplaint", text("胸闷1天"));
    assertThat(behind.revisions().get(0).at())
        .isEqualTo(OffsetDateTime.parse("2026-11-20T21:00:00.001+08:00"));
    assertIntact(ADMISSION, s.record());
  }

  @Test
  void pastingFromAnotherPatientIsRefused() {
    TestClock clock = new TestClock("2026-11-20T21:00:00+08:00");
    Record mine = draft();
    EditSession s = session(ADMISSION, mine, RESIDENT, clock);
    assertThat(s.checkPaste(PastePolicy.Source.of(mine), "/hpi")).isEmpty();
    Patient other = new Patient("李四", "1", java.time.LocalDate.parse("1960-01-01"), "ZY0099999",
        null, null, null, null);
    Optional<Refusal> refused = s.checkPaste(new PastePolicy.Source("ZY0099999-ADM-1", other),
        "/hpi");
    assertThat(refused).get().extracting(Refusal::code).isEqualTo("edit/paste-other-patient");
    assertThat(refused.get().zh()).contains("其他患者");
    EditSession lenient = EditSession.builder(ADMISSION, mine, RESIDENT).clock(clock)
        .pastePolicy((src, target, path) -> Optional.empty()).open();
    assertThat(lenient.checkPaste(new PastePolicy.Source("ZY0099999-ADM-1", other), "/hpi"))
        .isEmpty();
  }

  @Test
  void aSignGuardCanRequireACleanReport() {
    TestClock clock = new TestClock("2026-11-20T21:00:00+08:00");
    Validator validator = validator(clock);
    Record bad = draft().withValues(draft().values().without("chiefComplaint"));
    EditSession s = EditSession.builder(ADMISSION, bad, RESIDENT).clock(clock)
        .beforeSign(r -> validator.validate(ADMISSION, r).hasErrors()
            ? Optional.of(new Refusal("edit/invalid", "", "病历有错误，不能签名",
                "the record has errors and cannot be signed"))
            : Optional.empty())
        .open();
    assertThat(s.sign("").refusal().code()).isEqualTo("edit/invalid");
    assertThat(s.set("/chiefComplaint", text("反复胸闷3天")).isApplied()).isTrue();
    assertThat(s.sign("").isApplied()).isTrue();
  }

  @Test
  void aValueOverTheLimitIsRefusedAndARecordNeverGrowsPastWhatReadsBack() {
    // ten saves of a 900 KB field made a 20.6 MiB record that the 16 MiB read limit refused
    EditSession s = EditSession.builder(ADMISSION, draft(), RESIDENT)
        .clock(new TestClock("2026-11-20T21:00:00+08:00")).open();
    Record before = s.record();
    EditResult huge = s.set("/surgeryHistory", text("术".repeat(900_000)));
    assertThat(huge.refusal().code()).isEqualTo("edit/too-long");
    assertThat(huge.refusal().zh()).contains("过长", "/surgeryHistory");
    assertThat(s.record()).isEqualTo(before);
    // saves of 190,000 characters each, alternating, until the record would be too large
    Record last = before;
    int saves = 0;
    EditResult r;
    do {
      r = s.set("/surgeryHistory", text((saves % 2 == 0 ? "甲" : "乙").repeat(190_000)));
      if (r.isApplied()) {
        last = s.record();
        saves++;
      }
    } while (r.isApplied() && saves < 200);
    assertThat(r.isApplied()).as("refused before 200 saves").isFalse();
    assertThat(r.refusal().code()).isEqualTo("edit/record-too-large");
    assertThat(s.record()).as("a refused edit leaves the record as it was").isEqualTo(last);
    String json = org.emrkit.json.RecordJson.create().write(last);
    assertThat(json.length()).isGreaterThan(org.emrkit.json.JsonLimits.DEFAULT.maxDocumentChars()
        - 2 * 1024 * 1024).isLessThanOrEqualTo(org.emrkit.json.JsonLimits.DEFAULT
        .maxDocumentChars());
    var back = org.emrkit.json.RecordJson.create().read(json, ADMISSION);
    assertThat(back.errors()).as("the largest record an edit makes reads back").isEmpty();
    assertThat(back.orElseThrow()).isEqualTo(last);
    System.out.println("record at the limit: " + saves + " saves, " + json.length() + " chars");
  }

  @Test
  @org.junit.jupiter.api.Timeout(10)
  void aNumberFarOutOfRangeCannotBeAValue() {
    // JSON refuses it with its pointer; in Java it is not a value at all, so nothing (canonical
    // JSON, display, the precision rule) ever writes its billion digits out
    for (String n : List.of("1e-999999999", "1e999999999", "-1e999999", "1e100", "1e-101")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Value.Num(
          new java.math.BigDecimal(n))).as(n)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
    }
    assertThat(new Value.Num(new java.math.BigDecimal("1e99")).value().toPlainString())
        .as("100 digits").hasSize(100);
    assertThat(org.emrkit.record.ValueText.plain(new java.math.BigDecimal("1e-999999999")))
        .as("a calc result is shown without writing it out").isEqualTo("1E-999999999");
  }
}
