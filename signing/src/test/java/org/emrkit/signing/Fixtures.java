package org.emrkit.signing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrkit.edit.AnchorLog;
import org.emrkit.edit.EditResult;
import org.emrkit.edit.EditSession;
import org.emrkit.edit.FileAnchorLog;
import org.emrkit.edit.ProofVerifier;
import org.emrkit.edit.SigningService;
import org.emrkit.record.Actor;
import org.emrkit.record.Context;
import org.emrkit.record.Encounter;
import org.emrkit.record.Record;
import org.emrkit.record.Role;
import org.emrkit.record.Value;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.testing.CorpusSealer;
import org.emrkit.testing.TestClock;
import org.emrkit.validation.Validator;
import org.emrkit.validation.rules.FieldRules;
import org.emrkit.validation.rules.IntegrityPolicy;
import org.emrkit.validation.rules.IntegrityRules;
import org.emrkit.validation.rules.WritingStandardRules;

/**
 * A test hospital: a certificate authority (a chain of two: its root and each signer's
 * certificate), the doctors' keys, a time-stamping authority, and the admission record they write,
 * sign, amend, review and archive, anchored at every commit.
 */
final class Fixtures {

  static final OffsetDateTime YEAR_START = OffsetDateTime.parse("2026-01-01T00:00:00+08:00");
  static final TestAuthority CA = TestAuthority.create("示例市人民医院 测试CA", YEAR_START,
      YEAR_START.plusYears(10), "EC");
  static final Actor RESIDENT = new Actor("u-1001", "李明", Role.RESIDENT);
  static final Actor ATTENDING = new Actor("u-2001", "王强", Role.ATTENDING);
  static final Actor CHIEF = new Actor("u-4001", "陈华", Role.CHIEF);
  static final Actor QC = new Actor("u-9001", "钱敏", Role.QC);
  static final Actor INTERN = new Actor("u-0501", "赵实习", Role.INTERN);
  static final Actor HIS = new Actor("his", "HIS 接口", Role.ADMIN);
  static final Map<Actor, Credential> KEYS = new LinkedHashMap<>();
  static final Credential TSA = CA.issueTimeStamping("示例市人民医院 时间戳服务", YEAR_START,
      YEAR_START.plusYears(5));

  static {
    for (Actor a : List.of(RESIDENT, ATTENDING, CHIEF, QC, INTERN)) {
      KEYS.put(a, CA.issue(a, YEAR_START, YEAR_START.plusYears(2)));
    }
  }

  static final Template ADMISSION = Corpus.template("admission-record");
  static final ProofVerifier VERIFIER = ProofVerifier.byType(Map.of(
      "cms", CmsProofVerifier.builder(List.of(CA.certificate())).build(),
      "rfc3161", new TimeStampVerifier(List.of(CA.certificate()), Duration.ofMinutes(5))));

  private Fixtures() {}

  static SigningService signing() {
    return CmsSigningService.builder(a -> java.util.Optional.ofNullable(KEYS.get(a))).build();
  }

  /** The validator an archive runs: both packs and the integrity pack, strict. */
  static Validator validator(AnchorLog anchors) {
    return Validator.builder().pack(FieldRules.pack()).pack(WritingStandardRules.pack())
        .pack(IntegrityRules.pack(IntegrityPolicy.strict(VERIFIER, anchors)))
        .clock(new TestClock("2026-12-01T09:00:00+08:00")).build();
  }

  /** Anchors in a file under {@code dir}, time-stamped by the test TSA at {@code clock}. */
  static AnchorLog anchors(Path dir, TestClock clock) {
    return new TimeStampedAnchors(new FileAnchorLog(dir.resolve("anchors.jsonl")),
        TestAuthority.timeStamper(TSA, clock));
  }

  static EditSession session(Record r, Actor a, TestClock clock, AnchorLog anchors) {
    return EditSession.builder(ADMISSION, r, a).clock(clock).signingService(signing())
        .anchors(anchors).open();
  }

  /** The clean admission record as a draft: no signature, no trace, carrying its template. */
  static Record draft(Actor author) {
    Record r = CorpusSealer.unseal(Corpus.record("clean--admission-record.json", ADMISSION));
    Context c = r.context();
    return new Record(r.id(), r.template(), ADMISSION, r.status(), new Context(c.patient(),
        c.encounter(), c.org(), author), r.values().without("residentSignature"),
        r.completedAt(), List.of(), List.of(), "{}");
  }

  /**
   * The record's life: the resident writes and signs it; the attending amends it with a reason
   * and signs it (审签); the HIS moves the patient to another bed; the records office archives
   * it. Every commit is anchored.
   */
  static Record archived(AnchorLog anchors, TestClock clock) {
    EditSession resident = session(draft(RESIDENT), RESIDENT, clock, anchors);
    ok(resident.set("/hpi", new Value.Str("患者3天前无明显诱因出现胸闷，位于胸骨后，持续约10分钟，休息后缓解。")));
    ok(resident.complete());
    clock.advance(Duration.ofMinutes(5));
    ok(resident.sign(""));
    Record signed = resident.commit();
    clock.advance(Duration.ofHours(12));
    EditSession attending = session(signed, ATTENDING, clock, anchors);
    ok(attending.set("/chiefComplaint", new Value.Str("反复胸闷、胸痛3天"), "补充胸痛症状"));
    clock.advance(Duration.ofMinutes(2));
    ok(attending.sign(""));
    Record reviewed = attending.commit();
    clock.advance(Duration.ofHours(1));
    EditSession his = session(reviewed, HIS, clock, anchors);
    Context c = reviewed.context();
    Encounter e = c.encounter();
    ok(his.updateContext(new Context(c.patient(), new Encounter(e.id(), e.department(),
        e.ward(), "15", e.admittedAt(), e.condition(), e.events()), c.org(), c.author()),
        "转床"));
    Record moved = his.commit();
    clock.advance(Duration.ofDays(6));
    EditSession qc = session(moved, QC, clock, anchors);
    ok(qc.archive());
    return qc.commit();
  }

  static void ok(EditResult r) {
    if (!r.isApplied()) {
      throw new AssertionError("refused: " + r.refusal());
    }
  }
}
