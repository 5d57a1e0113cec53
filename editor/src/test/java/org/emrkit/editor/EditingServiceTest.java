package org.emrkit.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.emrkit.edit.RecordAudit;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.Role;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.validation.Validator;
import org.emrkit.validation.rules.FieldRules;
import org.junit.jupiter.api.Test;

/** The editing service without HTTP: what a host wiring its own framework relies on. */
class EditingServiceTest {

  static final Template T = Corpus.template("admission-record");
  static final Record CLEAN = Corpus.record("clean--admission-record.json", T);
  static final Record ARCHIVED = Corpus.record("cn.archived-change--edited-after-archiving.json",
      T);
  static final java.time.Clock CLOCK = java.time.Clock.fixed(java.time.OffsetDateTime.parse(
      "2026-11-28T12:00:00+08:00").toInstant(), java.time.ZoneOffset.ofHours(8));
  static final Actor RESIDENT = new Actor("u-1001", "李明", Role.RESIDENT);

  /** Confirms the resident's password "pw" only. */
  static final Authenticator AUTH = new Authenticator() {
    @Override
    public Optional<Actor> authenticate(String user, char[] password) {
      return Optional.empty();
    }

    @Override
    public boolean confirm(Actor actor, char[] password) {
      return actor.equals(RESIDENT) && new String(password).equals("pw");
    }
  };

  static EditingService service(Record... records) {
    return EditingService.builder(List.of(T), new MemoryRecordStore(List.of(records)))
        .validator(Validator.builder().pack(FieldRules.pack()).build()).authenticator(AUTH)
        .clock(CLOCK).build();
  }

  static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aSearchBoxIsAnsweredFromTheListItsFieldIsBoundTo() {
    EditingService s = EditingService.builder(List.of(T), new MemoryRecordStore(List.of(CLEAN)))
        .validator(Validator.builder().pack(FieldRules.pack()).build()).authenticator(AUTH)
        .clock(CLOCK).terminology(org.emrkit.testing.CorpusTerminology.service()).build();
    String coded = s.search(RESIDENT, CLEAN.id(), "/values/diagnoses/0/diagnosis", "I20", 20);
    // the category I20 is not offered: the list wants full codes
    assertThat(coded).startsWith("{\"matches\":[{\"code\":\"I20.000\",\"display\":\"不稳定型心绞痛\","
        + "\"system\":\"icd10-clinical\",\"version\":\"2.0\",\"text\":\"I20.000\",\"start\":0,"
        + "\"end\":3,\"kind\":\"code_prefix\"}").doesNotContain("\"code\":\"I20\",")
        .endsWith("\"list\":\"ICD-10 国家临床版 2.0(语料 corpus)\"}");
    // a choice over the template's own value set: its codes, with the set's system
    assertThat(s.search(RESIDENT, CLEAN.id(), "/values/sex", "女", 5)).contains(
        "\"code\":\"2\",\"display\":\"女\",\"system\":\"GB/T2261.1\"");
    assertThat(service(CLEAN).search(RESIDENT, CLEAN.id(), "/values/diagnoses/0/diagnosis",
        "I20", 20)).isEqualTo("{\"matches\":[]}"); // no lists: nothing offered
    assertThatThrownBy(() -> s.search(RESIDENT, CLEAN.id(), "/values/chiefComplaint", "x", 5))
        .isInstanceOf(BadRequest.class).hasMessageContaining("no searchable field");
    assertThatThrownBy(() -> s.search(RESIDENT, CLEAN.id(), "/values/diagnoses/x/diagnosis",
        "x", 5)).isInstanceOf(BadRequest.class);
    assertThatThrownBy(() -> s.search(RESIDENT, CLEAN.id(), "/values/sex", "x".repeat(65), 5))
        .isInstanceOf(BadRequest.class).hasMessageContaining("longer than 64");
  }

  @Test
  void anArchivedRecordOpensReadOnlyAndRefusesChanges() {
    EditingService s = service(ARCHIVED);
    Opened o = s.open(RESIDENT, ARCHIVED.id());
    assertThat(o.readOnly()).isTrue();
    Outcome r = s.save(RESIDENT, ARCHIVED.id(), json("{\"head\":\"" + o.head()
        + "\",\"values\":{\"chiefComplaint\":\"改\"}}"));
    assertThat(r.applied()).isFalse();
    assertThat(s.store().find(ARCHIVED.id()).orElseThrow()).isEqualTo(ARCHIVED);
    assertThat(service(CLEAN).open(RESIDENT, CLEAN.id()).readOnly()).isFalse();
    // drawn locked by the server, every control, marked as the host's lock (not the template's)
    assertThat(o.form()).contains("data-emr-path=\"/values/chiefComplaint\"")
        .containsPattern("data-emr-path=\"/values/chiefComplaint\"[^>]* readonly[^>]*"
            + " data-emr-locked").doesNotContain("contenteditable=\"true\"");
    assertThat(o.actions()).isEmpty();
    assertThat(o.form()).doesNotContain("label=\"—\"").contains("label=\"\u3000\"");
  }

  @Test
  void theFormsLocksReadTheEditablePathsAsTheScriptDoes() {
    org.emrkit.render.html.FormLocks locks = Editability.locks(java.util.List.of(
        "/values/chiefComplaint", "/values/rows/1", "/values/rows/+3"));
    assertThat(locks.editable("/values/chiefComplaint")).isTrue();
    assertThat(locks.editable("/values/chiefComplaintX")).isFalse();
    assertThat(locks.editable("/values/rows/1/t")).isTrue();
    assertThat(locks.editable("/values/rows/0/t")).isFalse();
    assertThat(locks.editable("/values/rows/2/t")).isFalse();
    assertThat(locks.editable("/values/rows/3/t")).isTrue();
    assertThat(locks.editable("/values/rows/12")).isTrue();
    assertThat(locks.editable("/values/rowsX/5")).isFalse();
    assertThat(locks.editable("/values/hpi")).isFalse();
  }

  @Test
  void aSaveAgainstAnOldHeadIsRefusedAsStaleAndChangesNothing() {
    EditingService s = service();
    Record r = s.create(RESIDENT, "admission-record", "R-1", CLEAN.context());
    String head = s.open(RESIDENT, "R-1").head();
    assertThat(s.save(RESIDENT, "R-1", json("{\"head\":\"" + head
        + "\",\"values\":{\"chiefComplaint\":\"胸闷3天\"}}")).applied()).isTrue();
    Record after = s.store().find("R-1").orElseThrow();
    Outcome stale = s.save(RESIDENT, "R-1", json("{\"head\":\"" + head
        + "\",\"values\":{\"chiefComplaint\":\"胸痛1天\"}}"));
    assertThat(stale.code()).isEqualTo("edit/stale");
    assertThat(stale.head()).isEqualTo(RecordAudit.head(after).orElseThrow());
    assertThat(s.store().find("R-1").orElseThrow()).isEqualTo(after);
    assertThat(r.context().author()).isEqualTo(RESIDENT);
  }

  /**
   * A record is created by one who may write it: a nurse or a QC reviewer created 入院记录 that
   * no one could ever sign (only the author signs a medical record, and nurses sign none).
   */
  @Test
  void onlyOneWhoMayWriteARecordCreatesIt() {
    EditingService s = service();
    for (Actor who : List.of(new Actor("u-3001", "赵芳", Role.NURSE),
        new Actor("u-9001", "钱敏", Role.QC))) {
      assertThatThrownBy(() -> s.create(who, "admission-record",
          "R-" + who.id(), CLEAN.context()))
          .isInstanceOfSatisfying(BadRequest.class, e -> {
            assertThat(e.code()).isEqualTo("edit/permission");
            assertThat(e.text().zh()).startsWith("不能新建").contains(who.name());
          });
      assertThat(s.store().find("R-" + who.id())).isEmpty();
    }
    assertThat(s.create(new Actor("u-0901", "吴迪", Role.INTERN), "admission-record", "R-i",
        CLEAN.context()).context().author().role()).as("an intern writes, a senior countersigns")
        .isEqualTo(Role.INTERN);
  }

  @Test
  void aNewRecordStartsWithItsDefaultsWhatTheContextKnowsAndItsMinimumRows() {
    EditingService s = service();
    Record r = s.create(RESIDENT, "admission-record", "R-4", CLEAN.context());
    // 病史陈述者 defaults to 患者本人; 性别 (DE02.01.040.00) comes from the patient; one 诊断 row
    assertThat(r.values().get("informant")).contains(new org.emrkit.record.Value.Str("患者本人"));
    assertThat(r.values().get("sex")).contains(new org.emrkit.record.Value.Str("1"));
    assertThat(r.values().rows("diagnoses")).hasSize(1);
    Opened o = s.open(RESIDENT, "R-4");
    assertThat(RecordAudit.audit(T, s.store().find("R-4").orElseThrow()).findings()).isEmpty();
    assertThat(o.report().findings()).extracting(f -> f.message().zh())
        .doesNotContain("必填项“性别”未填写");
    // what it started with is saved and signed like anything typed
    assertThat(s.save(RESIDENT, "R-4", json("{\"head\":\"" + o.head()
        + "\",\"values\":{\"chiefComplaint\":\"胸闷3天\",\"sex\":\"1\"}}")).applied())
        .isTrue();
  }

  @Test
  void signingAndArchivingAreRefusedWhileAFieldHasAnError() {
    EditingService s = service();
    s.create(RESIDENT, "admission-record", "R-3", CLEAN.context());
    String values = org.emrkit.json.RecordJson.create().writeValues(CLEAN.values()
        .without("residentSignature").without("attendingSignature")
        .with("temp", new org.emrkit.record.Value.Num(new java.math.BigDecimal("45.2"))));
    Outcome saved = s.save(RESIDENT, "R-3", json("{\"head\":\"" + s.open(RESIDENT, "R-3")
        .head() + "\",\"values\":" + values + "}"));
    assertThat(saved.applied()).as("%s", saved).isTrue();
    Record before = s.store().find("R-3").orElseThrow();
    Outcome sign = s.sign(RESIDENT, "R-3", json("{\"head\":\"" + saved.head()
        + "\",\"scope\":\"\",\"password\":\"pw\"}"));
    assertThat(sign.applied()).isFalse();
    assertThat(sign.code()).isEqualTo("edit/field-errors");
    assertThat(sign.message().zh()).contains("改正后才能签名", "“体温”应不高于 43(当前 45.2)");
    assertThat(sign.problems()).hasSize(1);
    assertThat(s.store().find("R-3").orElseThrow()).isEqualTo(before);
    // a host may turn the check off; with the value corrected the record signs
    EditingService lenient = EditingService.builder(List.of(T), s.store())
        .validator(Validator.builder().pack(FieldRules.pack()).build()).authenticator(AUTH)
        .clock(CLOCK).refuseWithFieldErrors(false).build();
    assertThat(lenient.sign(RESIDENT, "R-3", json("{\"head\":\"" + saved.head()
        + "\",\"scope\":\"\",\"password\":\"pw\"}")).code()).isNotEqualTo(
        "edit/field-errors");
  }

  /**
   * A save's rows say where each posted row came from (EmrKit.rows): a row put in before the
   * first diagnosis is that row added, the first kept whole; rows that do not fit are refused.
   */
  @Test
  void aSavesRowsSayWhereEachPostedRowCameFrom() {
    EditingService s = service();
    s.create(RESIDENT, "admission-record", "R-6", CLEAN.context());
    String posted = org.emrkit.json.RecordJson.canonical(CLEAN.values());
    Outcome first = s.save(RESIDENT, "R-6", json("{\"head\":\"" + s.open(RESIDENT, "R-6").head()
        + "\",\"values\":" + posted + "}"));
    assertThat(first.applied()).as(first.json()).isTrue();
    Values values = CLEAN.values();
    List<Values> rows = new java.util.ArrayList<>(values.rows("diagnoses"));
    rows.add(0, Values.EMPTY); // a row put in, still to fill
    String two = org.emrkit.json.RecordJson.canonical(values.with("diagnoses",
        new Value.Rows(rows)));
    String head = s.open(RESIDENT, "R-6").head();
    for (String bad : List.of("[]", "{\"/diagnoses\":[1.5,0]}", "{\"/diagnoses\":[\"0\",null]}",
        "{\"diagnoses\":[null,0]}", "{\"/diagnoses\":null}")) {
      assertThatThrownBy(() -> s.save(RESIDENT, "R-6", json("{\"head\":\"" + head
          + "\",\"values\":" + two + ",\"rows\":" + bad + "}"))).as(bad)
          .isInstanceOf(BadRequest.class).hasMessageContaining("rows");
    }
    Outcome misfit = s.save(RESIDENT, "R-6", json("{\"head\":\"" + head + "\",\"values\":"
        + two + ",\"rows\":{\"/diagnoses\":[0,0]}}"));
    assertThat(misfit.code()).isEqualTo("edit/row-origins");
    Outcome saved = s.save(RESIDENT, "R-6", json("{\"head\":\"" + head + "\",\"values\":"
        + two + ",\"rows\":{\"/diagnoses\":[null,0]}}"));
    assertThat(saved.applied()).as(saved.json()).isTrue();
    Record r = s.store().find("R-6").orElseThrow();
    assertThat(r.values().rows("diagnoses")).containsExactlyElementsOf(rows);
    assertThat(r.revisions().get(r.revisions().size() - 1).path().wire())
        .isEqualTo("/diagnoses/0");
  }

  @Test
  void badValuesAreRefusedInTheClinicianWords() {
    EditingService s = service();
    s.create(RESIDENT, "admission-record", "R-2", CLEAN.context());
    Outcome o = s.save(RESIDENT, "R-2", json("{\"head\":\"" + s.open(RESIDENT, "R-2").head()
        + "\",\"values\":{\"height\":\"一米七\",\"nosuchfield\":1}}"));
    assertThat(o.code()).isEqualTo("edit/bad-values");
    // the field's label, not its pointer or name; a name no field has is named as posted
    assertThat(o.problems()).anySatisfy(p -> assertThat(p).startsWith("身高："))
        .anySatisfy(p -> assertThat(p).startsWith("nosuchfield："))
        .noneSatisfy(p -> assertThat(p).contains("/values/height"));
    assertThatThrownBy(() -> s.save(RESIDENT, "R-2", json("{\"head\":\"\"}")))
        .isInstanceOf(BadRequest.class).hasMessageContaining("values");
    assertThatThrownBy(() -> s.open(RESIDENT, "R-404")).isInstanceOf(NotFound.class);
  }

  @Test
  void aContinuationPrintIsHandedOutOnlyOnceLoggedAndNamesNoOneButTheActor() {
    EditingService s = EditingService.builder(List.of(T), new MemoryRecordStore(List.of(CLEAN)))
        .validator(Validator.builder().pack(FieldRules.pack()).build()).authenticator(AUTH)
        .clock(CLOCK).printer("心内科护士站").build();
    String head = s.open(RESIDENT, CLEAN.id()).head();
    Printed first = s.print(RESIDENT, CLEAN.id(), json("{\"head\":\"" + head
        + "\",\"mode\":\"continue\"}"));
    assertThat(first.outcome().applied()).as("%s", first.outcome().message()).isTrue();
    assertThat(new String(first.pdf(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    Record logged = s.store().find(CLEAN.id()).orElseThrow();
    assertThat(org.emrkit.render.PrintLog.of(logged).entries()).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo(RESIDENT);
      assertThat(e.printer()).isEqualTo("心内科护士站");
    });
    assertThat(first.outcome().head()).isEqualTo(RecordAudit.head(logged).orElseThrow());
    assertThat(first.json()).contains("\"pdf\": \"JVBERi0");

    Printed again = s.print(RESIDENT, CLEAN.id(), json("{\"head\":\"" + first.outcome().head()
        + "\",\"mode\":\"continue\"}"));
    assertThat(again.outcome().code()).isEqualTo("print/nothing-new");
    assertThat(again.pdf()).isNull();
    assertThat(s.store().find(CLEAN.id()).orElseThrow()).isEqualTo(logged);
    assertThat(s.print(RESIDENT, CLEAN.id(), json("{\"head\":\"" + head
        + "\",\"mode\":\"all\"}")).outcome().code()).as("an old head").isEqualTo("edit/stale");
    assertThatThrownBy(() -> s.print(RESIDENT, CLEAN.id(), json("{\"head\":\"" + head
        + "\",\"mode\":\"all\",\"by\":\"u-9\"}"))).isInstanceOf(BadRequest.class)
        .hasMessageContaining("by");
    assertThatThrownBy(() -> s.print(RESIDENT, CLEAN.id(), json("{\"head\":\"" + head
        + "\",\"mode\":\"sideways\"}"))).isInstanceOf(BadRequest.class);
    assertThatThrownBy(() -> s.print(RESIDENT, CLEAN.id(), json("{\"head\":\"" + head
        + "\",\"mode\":\"all\",\"offsetX\":99}"))).isInstanceOf(BadRequest.class)
        .hasMessageContaining("50 mm");
  }
}
