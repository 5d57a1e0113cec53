package org.emrkit.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Context;
import org.emrkit.record.Patient;
import org.emrkit.record.Record;
import org.emrkit.record.Role;
import org.emrkit.record.Value;
import org.emrkit.testing.TestClock;
import org.junit.jupiter.api.Test;

class DeidentifierTest {

  static final String SECRET = "research-2026-secret-key";

  static Record identified() {
    TestClock clock = new TestClock("2026-11-20T20:00:00+08:00");
    Record r = EditSessionTest.draft();
    Patient p = r.context().patient();
    Context c = new Context(new Patient(p.name(), p.sex(), p.birthDate(), p.mrn(), "01",
        "110101195803021234", "13800138000", "北京市东城区某街1号"), r.context().encounter(),
        r.context().org(), r.context().author());
    r = new Record(r.id(), r.template(), null, r.status(), c, r.values(), r.completedAt(),
        r.signatures(), r.revisions(), "{\"his\":{\"patientPhone\":\"13800138000\"}}");
    EditSession s = EditSessionTest.session(EditSessionTest.ADMISSION, r, EditSessionTest.RESIDENT,
        clock);
    s.set("/hpi", new Value.Str("患者" + p.name() + "（住院号" + p.mrn() + "，电话13800138000）3天前出现胸闷。"));
    clock.advance(Duration.ofMinutes(5));
    s.sign("");
    return s.commit();
  }

  @Test
  void identifiersAreGoneAndIntervalsKept() {
    Record r = identified();
    Record copy = Deidentifier.builder(SECRET).build().apply(EditSessionTest.ADMISSION, r);
    String json = RecordJson.create().write(copy);
    for (String identifier : new String[] {"张三", "ZY0012345", "110101195803021234", "13800138000",
        "北京市东城区", "李明", "u-1001", r.id()}) {
      assertThat(json).as("the copy still holds %s", identifier).doesNotContain(identifier);
    }
    assertThat(copy.revisions()).isEmpty();
    assertThat(copy.signatures()).isEmpty();
    assertThat(copy.extensions()).isEqualTo("{}");
    assertThat(copy.context().patient().name()).matches("患者-[0-9a-f]{8}");
    assertThat(copy.values().text("hpi").orElseThrow()).startsWith("患者患者-");
    assertThat(copy.values().signer("residentSignature").orElseThrow().actor().role())
        .isEqualTo(Role.RESIDENT);
    long shift = ChronoUnit.DAYS.between(r.context().encounter().admittedAt(),
        copy.context().encounter().admittedAt());
    assertThat(shift).isNotZero().isBetween(-180L, 180L);
    assertThat(ChronoUnit.DAYS.between(r.context().patient().birthDate(),
        copy.context().patient().birthDate())).isEqualTo(shift);
    assertThat(Duration.between(copy.context().encounter().admittedAt(), copy.completedAt()))
        .isEqualTo(Duration.between(r.context().encounter().admittedAt(), r.completedAt()));
    assertThat(copy.values().text("chiefComplaint")).isEqualTo(r.values().text("chiefComplaint"));
    // the copy is a valid record
    assertThat(RecordJson.create().read(json, EditSessionTest.ADMISSION).isOk()).isTrue();
  }

  @Test
  void theSamePatientGetsTheSamePseudonymsAndShift() {
    Record r = identified();
    Deidentifier d = Deidentifier.builder(SECRET).build();
    Record a = d.apply(EditSessionTest.ADMISSION, r);
    Record b = d.apply(EditSessionTest.ADMISSION, EditSessionTest.draft());
    assertThat(b.context().patient().name()).isEqualTo(a.context().patient().name());
    assertThat(b.context().patient().mrn()).isEqualTo(a.context().patient().mrn());
    assertThat(b.context().encounter().admittedAt()).isEqualTo(a.context().encounter().admittedAt());
    assertThat(d.apply(EditSessionTest.ADMISSION, r)).as("deterministic").isEqualTo(a);
    Record other = Deidentifier.builder("another-secret-key-0001").build()
        .apply(EditSessionTest.ADMISSION, r);
    assertThat(other.context().patient().name()).isNotEqualTo(a.context().patient().name());
    Record kept = Deidentifier.builder(SECRET).maxShiftDays(0).dropField("hpi")
        .pseudonymiseStaff(false).build().apply(EditSessionTest.ADMISSION, r);
    assertThat(kept.context().encounter().admittedAt())
        .isEqualTo(r.context().encounter().admittedAt());
    assertThat(kept.values().get("hpi")).isEmpty();
    assertThat(kept.context().author()).isEqualTo(r.context().author());
  }
}
