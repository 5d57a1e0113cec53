package org.emrkit.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emrkit.signing.Fixtures.ADMISSION;
import static org.emrkit.signing.Fixtures.CHIEF;
import static org.emrkit.signing.Fixtures.INTERN;
import static org.emrkit.signing.Fixtures.KEYS;
import static org.emrkit.signing.Fixtures.RESIDENT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.emrkit.edit.AnchorLog;
import org.emrkit.edit.EditSession;
import org.emrkit.edit.FileAnchorLog;
import org.emrkit.edit.RecordAudit;
import org.emrkit.edit.SigningException;
import org.emrkit.json.RecordJson;
import org.emrkit.json.TemplateJson;
import org.emrkit.json.TemplateResolver;
import org.emrkit.record.Context;
import org.emrkit.record.Encounter;
import org.emrkit.record.Patient;
import org.emrkit.record.Proof;
import org.emrkit.record.Record;
import org.emrkit.record.RecordStatus;
import org.emrkit.record.Revision;
import org.emrkit.record.Signature;
import org.emrkit.record.SignatureScope;
import org.emrkit.record.Signer;
import org.emrkit.record.TracePath;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Template;
import org.emrkit.testing.Insider;
import org.emrkit.testing.TestClock;
import org.emrkit.validation.Finding;
import org.emrkit.validation.ValidationReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tamper corpus: an archived admission record, signed with the doctors' keys and anchored
 * with time-stamped anchors at every commit, changed the ways an insider would: someone who can
 * rewrite the stored record JSON (and append to the anchor log, not rewrite it), who has read
 * docs/integrity.md, and who holds no key but his own. Every harmful change must be found with a
 * finding that names what was changed; the two benign reorderings must pass.
 */
class TamperCorpusTest {

  @TempDir
  static Path dir;
  static Path anchorFile;
  static Record archived;
  static Record intern;
  static ValidationReport baseline;

  /** One tampering: what it does, and what must be found. */
  record Case(String name, UnaryOperator<Record> tamper, String code, List<String> fragments,
      List<String> also) {}

  @BeforeAll
  static void build() {
    TestClock clock = new TestClock("2026-11-20T20:00:00+08:00");
    AnchorLog anchors = Fixtures.anchors(dir, clock);
    archived = Fixtures.archived(anchors, clock);
    Record draft = Fixtures.draft(INTERN);
    draft = new Record("R-INTERN-1", draft.template(), draft.embeddedTemplate(), draft.status(),
        draft.context(), draft.values(), draft.completedAt(), List.of(), List.of(), "{}");
    EditSession s = Fixtures.session(draft, INTERN, clock, anchors);
    Fixtures.ok(s.sign(""));
    intern = s.commit();
    anchorFile = dir.resolve("anchors.jsonl");
    baseline = validate(archived, anchorFile);
  }

  static ValidationReport validate(Record r, Path anchors) {
    Template t = r.carriedTemplate().orElse(ADMISSION);
    return Fixtures.validator(new FileAnchorLog(anchors)).validate(t, r);
  }

  static List<Finding> integrity(ValidationReport r) {
    return r.findings().stream().filter(f -> f.code().startsWith("integrity/")
        || f.code().equals("cn/trace-integrity")).toList();
  }

  @Test
  void theArchivedRecordIsIntactSignedAndAnchored() {
    assertThat(archived.status()).isEqualTo(RecordStatus.ARCHIVED);
    assertThat(archived.signatures()).allSatisfy(s -> assertThat(s.proof()).isNotNull());
    assertThat(integrity(baseline)).isEmpty();
    assertThat(new FileAnchorLog(anchorFile).anchors(archived.id())).hasSize(4)
        .allSatisfy(a -> assertThat(a.proof().type()).isEqualTo("rfc3161"));
  }

  @Test
  void aRecordAnchoredNowhereIsReportedWhenAnchorsAreRequired() throws IOException {
    Path empty = Files.createTempFile(dir, "none", ".jsonl");
    assertThat(validate(archived, empty).withCode("integrity/anchor")).singleElement()
        .satisfies(f -> assertThat(f.message().zh()).contains("没有存证"));
    // not required: nothing to say about a record the log does not know
    ValidationReport lenient = org.emrkit.validation.Validator.builder().pack(
        org.emrkit.validation.rules.IntegrityRules.pack(new org.emrkit.validation.rules
            .IntegrityPolicy(Fixtures.VERIFIER, new FileAnchorLog(empty), true, false)))
        .build().validate(ADMISSION, archived);
    assertThat(lenient.findings()).isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> everyHarmfulTamperingIsFoundAndNamed() {
    return harmful().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      Path log = Files.createTempFile(dir, "anchors", ".jsonl");
      Files.copy(anchorFile, log, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Record base = c.name().startsWith("intern:") ? intern : archived;
      Record tampered = stored(c.tamper().apply(base));
      if (c.name().contains("appends an anchor")) {
        appendAnchor(tampered, log);
      }
      if (c.name().contains("anchor log line")) {
        rewriteFirstAnchor(log);
      }
      ValidationReport r = validate(tampered, log);
      List<Finding> found = r.findings().stream().filter(f -> f.code().equals(c.code()))
          .toList();
      String text = found.stream().map(f -> f.message().zh() + " " + f.path())
          .reduce("", (a, b) -> a + "\n" + b);
      assertThat(found).as("%s: %s", c.name(), r.toText()).isNotEmpty();
      assertThat(text).as(c.name()).contains(c.fragments());
      for (String code : c.also()) {
        assertThat(r.findings()).as("%s also %s: %s", c.name(), code, r.toText())
            .anyMatch(f -> f.code().equals(code));
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> theBenignReorderingsPass() {
    return Stream.of(
        DynamicTest.dynamicTest("members of every object reordered and re-indented", () -> {
          String json = reordered(RecordJson.create().write(archived), new SplittableRandom(7));
          assertThat(json).isNotEqualTo(RecordJson.create().write(archived));
          Record back = read(json);
          assertThat(integrity(validate(back, anchorFile))).isEmpty();
          assertThat(validate(back, anchorFile).toText()).isEqualTo(baseline.toText());
        }),
        DynamicTest.dynamicTest("revisions and signatures listed in another order", () -> {
          List<Revision> revisions = new ArrayList<>(archived.revisions());
          List<Signature> signatures = new ArrayList<>(archived.signatures());
          Collections.reverse(revisions);
          Collections.reverse(signatures);
          Record back = stored(Insider.with(archived, signatures, revisions));
          assertThat(integrity(validate(back, anchorFile))).isEmpty();
        }));
  }

  @Test
  void theCorpusHasAtLeastTwentyNineNamedCases() {
    List<Case> all = harmful();
    assertThat(all.size() + 2).isGreaterThanOrEqualTo(29);
    assertThat(new HashSet<>(all.stream().map(Case::name).toList())).hasSize(all.size());
  }

  // ------------------------------------------------------------------ the cases

  static List<Case> harmful() {
    List<Case> c = new ArrayList<>();
    String trace = "cn/trace-integrity";
    // the host context, the record's identity and its template
    c.add(new Case("patient name changed", r -> patient(r, p -> new Patient("李四", p.sex(),
        p.birthDate(), p.mrn(), p.idType(), p.idNumber(), p.phone(), p.address())), trace,
        List.of("患者姓名", "李四", "张三"), List.of()));
    c.add(new Case("MRN changed", r -> patient(r, p -> new Patient(p.name(), p.sex(),
        p.birthDate(), "ZY0099999", p.idType(), p.idNumber(), p.phone(), p.address())), trace,
        List.of("住院号", "ZY0099999", "ZY0012345"), List.of()));
    c.add(new Case("swapped for another patient: name, MRN and sex", r -> patient(r,
        p -> new Patient("王芳", "2", p.birthDate(), "ZY0077777", p.idType(), p.idNumber(),
            p.phone(), p.address())), trace, List.of("患者姓名", "住院号", "性别"), List.of()));
    c.add(new Case("author's role changed", r -> context(r, x -> new Context(x.patient(),
        x.encounter(), x.org(), new org.emrkit.record.Actor(x.author().id(), x.author().name(),
            org.emrkit.record.Role.ATTENDING))), trace, List.of("记录者角色", "attending",
        "resident"), List.of()));
    c.add(new Case("admission time changed", r -> encounter(r, e -> new Encounter(e.id(),
        e.department(), e.ward(), e.bed(), e.admittedAt().plusHours(20), e.condition(),
        e.events())), trace, List.of("入院时间"), List.of()));
    c.add(new Case("a discharge time added", r -> encounter(r, e -> new Encounter(e.id(),
        e.department(), e.ward(), e.bed(), e.admittedAt(), e.condition(), java.util.Map.of(
            "dischargedAt", OffsetDateTime.parse("2026-11-21T10:00:00+08:00")))), trace,
        List.of("dischargedAt"), List.of()));
    c.add(new Case("bed moved back without a trace", r -> encounter(r, e -> new Encounter(e.id(),
        e.department(), e.ward(), "12", e.admittedAt(), e.condition(), e.events())), trace,
        List.of("床号", "12", "15"), List.of()));
    c.add(new Case("completion time moved earlier", r -> r.withCompletedAt(
        r.completedAt().minusHours(30)), trace, List.of("完成时间"), List.of()));
    c.add(new Case("record id changed", r -> new Record("ZY0012345-ADM-9", r.template(),
        r.embeddedTemplate(), r.status(), r.context(), r.values(), r.completedAt(),
        r.signatures(), r.revisions(), r.extensions()), trace, List.of("病历编号",
        "ZY0012345-ADM-9"), List.of()));
    c.add(new Case("the carried template changed under the same version",
        TamperCorpusTest::templateRelabelled, trace, List.of("模板", "不同"), List.of()));
    // signature fields
    c.add(new Case("signer's name changed in a signature field", r -> signed(r,
        "attendingSignature", s -> new Signer(new org.emrkit.record.Actor(s.actor().id(),
            "王大强", s.actor().role()), s.at())), trace, List.of("主治医师签名", "王大强",
        "签在此处的是 王强"), List.of()));
    c.add(new Case("signature time changed in a signature field", r -> signed(r,
        "attendingSignature", s -> new Signer(s.actor(), s.at().minusDays(1))), trace,
        List.of("主治医师签名", "签名字段被改动"), List.of()));
    c.add(new Case("the review signature copied into the resident's field", r -> r.withValues(
        r.values().with("residentSignature", r.values().get("attendingSignature")
            .orElseThrow())), trace, List.of("住院医师签名", "王强", "填写或复制"), List.of()));
    c.add(new Case("the review signature's field cleared", r -> r.withValues(r.values()
        .without("attendingSignature")), trace, List.of("主治医师签名", "被清除"),
        List.of()));
    c.add(new Case("intern: a countersignature typed into the record", r -> r.withValues(
        r.values().with("attendingSignature", new Value.Signed(new Signer(Fixtures.ATTENDING,
            OffsetDateTime.parse("2026-11-21T09:00:00+08:00"))))), trace,
        List.of("主治医师签名", "王强", "填写或复制"), List.of("cn/countersign")));
    // the trace
    c.add(new Case("the archiving revision deleted", r -> revisions(r, l -> l.remove(
        l.size() - 1)), trace, List.of("病历状态", "archived", "signed"),
        List.of("integrity/anchor")));
    c.add(new Case("the last revisions deleted and the status set back", r -> status(
        revisions(r, l -> l.remove(l.size() - 1)), RecordStatus.SIGNED), "integrity/anchor",
        List.of("存证记录显示", "10 条", "只有 9 条"), List.of()));
    c.add(new Case("the whole trace deleted", r -> Insider.with(r, r.signatures(), List.of()),
        trace, List.of("不存在的记录"), List.of("integrity/anchor")));
    c.add(new Case("trace and signatures deleted, status set to draft", r -> status(
        Insider.with(r, List.of(), List.of()), RecordStatus.DRAFT), "integrity/anchor",
        List.of("只有 0 条"), List.of(trace)));
    c.add(new Case("status moved back from archived to draft", r -> status(r,
        RecordStatus.DRAFT), trace, List.of("病历状态", "draft", "archived"), List.of()));
    c.add(new Case("status moved back from archived to signed", r -> status(r,
        RecordStatus.SIGNED), trace, List.of("病历状态", "signed", "archived"), List.of()));
    c.add(new Case("a reason changed from none to \"-\"", r -> revision(r, 1, v -> new Revision(
        v.seq(), v.actor(), v.at(), v.path(), v.oldValue(), v.newValue(), "-", v.level(),
        v.previousHash(), v.hash())), trace, List.of("/revisions/1", "哈希不符"), List.of()));
    c.add(new Case("a reason reworded", r -> revision(r, 4, v -> new Revision(v.seq(),
        v.actor(), v.at(), v.path(), v.oldValue(), v.newValue(), "笔误更正", v.level(),
        v.previousHash(), v.hash())), trace, List.of("/revisions/4", "哈希不符"), List.of()));
    c.add(new Case("an old value in a revision changed", r -> revision(r, 4, v -> new Revision(
        v.seq(), v.actor(), v.at(), v.path(), "\"反复胸痛1天\"", v.newValue(), v.reason(),
        v.level(), v.previousHash(), v.hash())), trace, List.of("/revisions/4", "哈希不符"),
        List.of()));
    c.add(new Case("a revision's author changed", r -> revision(r, 4, v -> new Revision(v.seq(),
        CHIEF, v.at(), v.path(), v.oldValue(), v.newValue(), v.reason(), v.level(),
        v.previousHash(), v.hash())), trace, List.of("/revisions/4", "陈华"), List.of()));
    c.add(new Case("a revision's time changed", r -> revision(r, 4, v -> new Revision(v.seq(),
        v.actor(), v.at().plusDays(1), v.path(), v.oldValue(), v.newValue(), v.reason(),
        v.level(), v.previousHash(), v.hash())), trace, List.of("/revisions/4", "哈希不符"),
        List.of()));
    c.add(new Case("a value changed in storage", r -> r.withValues(r.values().with("hpi",
        new Value.Str("患者1天前出现胸闷。"))), trace, List.of("现病史", "/values/hpi",
        "患者1天前出现胸闷"), List.of()));
    c.add(new Case("a value in a list changed in storage", r -> r.withValues(r.values().with(
        "diagnoses", new Value.Rows(List.of(Values.of(java.util.Map.of("diagnosis",
            new Value.Coded(new org.emrkit.record.Coding("I10.x00", "高血压", "ICD-10")))))))),
        trace, List.of("/values/diagnoses/0/diagnosis"), List.of()));
    // signatures
    c.add(new Case("a superseded signature marked valid again", r -> signature(r, 0,
        s -> new Signature(s.id(), s.signer(), s.at(), s.scope(), s.contentHash(), s.field(),
            false, s.previousHash(), s.hash(), s.proof())), trace,
        List.of("sig-1", "已因修改作废，却被标为有效"), List.of()));
    c.add(new Case("the review signature deleted", r -> Insider.with(r,
        List.of(r.signatures().get(0)), r.revisions()), trace, List.of("不存在的记录"),
        List.of("integrity/anchor")));
    c.add(new Case("a proof moved from one signature to another", r -> signature(r, 1,
        s -> s.withProof(r.signatures().get(0).proof())), "integrity/signature",
        List.of("sig-2", "签名与内容不符"), List.of()));
    c.add(new Case("a proof removed", r -> signature(r, 1, s -> new Signature(s.id(),
        s.signer(), s.at(), s.scope(), s.contentHash(), s.field(), s.superseded(),
        s.previousHash(), s.hash(), null)), "integrity/signature", List.of("sig-2", "没有电子签名"),
        List.of()));
    // an insider who knows the algorithm and holds only his own key
    c.add(new Case("a chief's signature forged with the chain recomputed, without a key",
        r -> forgedChiefSignature(r, null), "integrity/signature", List.of("sig-3", "陈华",
            "没有电子签名"), List.of("integrity/anchor")));
    c.add(new Case("a chief's signature forged with the insider's own key",
        r -> forgedChiefSignature(r, RESIDENT), "integrity/signature",
        List.of("证书签发给 u-1001（李明）", "不是签名人 u-4001（陈华）"), List.of()));
    c.add(new Case("history rewritten, content hashes and chain recomputed",
        TamperCorpusTest::historyRewritten, "integrity/signature", List.of("sig-1", "sig-2",
            "签名与内容不符"), List.of("integrity/anchor")));
    c.add(new Case("history rewritten and rechained, and the insider appends an anchor for it",
        TamperCorpusTest::historyRewritten, "integrity/anchor", List.of("被重写"),
        List.of("integrity/signature")));
    c.add(new Case("an amendment and its superseding appended with the chain recomputed",
        TamperCorpusTest::amendmentAppended, "integrity/anchor", List.of("最后 2 条没有存证"),
        List.of("cn/archived-change")));
    c.add(new Case("an anchor log line rewritten (the log was not write-once)", r -> r,
        "integrity/anchor", List.of("时间戳", "存证记录被改动"), List.of()));
    return c;
  }

  // ------------------------------------------------------------------ what the insider does

  static Record context(Record r, UnaryOperator<Context> f) {
    return new Record(r.id(), r.template(), r.embeddedTemplate(), r.status(), f.apply(
        r.context()), r.values(), r.completedAt(), r.signatures(), r.revisions(),
        r.extensions());
  }

  static Record patient(Record r, UnaryOperator<Patient> f) {
    return context(r, c -> new Context(f.apply(c.patient()), c.encounter(), c.org(),
        c.author()));
  }

  static Record encounter(Record r, UnaryOperator<Encounter> f) {
    return context(r, c -> new Context(c.patient(), f.apply(c.encounter()), c.org(),
        c.author()));
  }

  static Record status(Record r, RecordStatus s) {
    return new Record(r.id(), r.template(), r.embeddedTemplate(), s, r.context(), r.values(),
        r.completedAt(), r.signatures(), r.revisions(), r.extensions());
  }

  static Record signed(Record r, String field, UnaryOperator<Signer> f) {
    Value.Signed v = (Value.Signed) r.values().get(field).orElseThrow();
    return r.withValues(r.values().with(field, new Value.Signed(f.apply(v.signer()))));
  }

  static Record revisions(Record r, java.util.function.Consumer<List<Revision>> f) {
    List<Revision> l = new ArrayList<>(r.revisions());
    f.accept(l);
    return Insider.with(r, r.signatures(), l);
  }

  static Record revision(Record r, int i, UnaryOperator<Revision> f) {
    return revisions(r, l -> l.set(i, f.apply(l.get(i))));
  }

  static Record signature(Record r, int i, UnaryOperator<Signature> f) {
    List<Signature> l = new ArrayList<>(r.signatures());
    l.set(i, f.apply(l.get(i)));
    return Insider.with(r, l, r.revisions());
  }

  static Record templateRelabelled(Record r) {
    String json = TemplateJson.create().write(r.carriedTemplate().orElseThrow());
    Template changed = TemplateJson.create().read(json.replace("\"现病史\"", "\"病史摘要\""))
        .orElseThrow();
    return r.withEmbeddedTemplate(changed);
  }

  /** A signature in the chief's name after the head, the chain linked, signed by {@code key}. */
  static Record forgedChiefSignature(Record r, org.emrkit.record.Actor key) {
    OffsetDateTime at = OffsetDateTime.parse("2026-11-28T10:00:00+08:00");
    String hash = RecordAudit.contentHash(ADMISSION, r.values(), SignatureScope.RECORD);
    Signature s = Insider.linked(new Signature("sig-3", CHIEF, at, SignatureScope.RECORD, hash,
        null, false, null, null, null), RecordAudit.head(r).orElseThrow());
    if (key != null) {
      try {
        Proof p = CmsSigningService.builder(a -> Optional.of(KEYS.get(key)))
            .identity(c -> Optional.of(CHIEF.id())).build()
            .sign(CHIEF, RecordAudit.entry(s).getBytes(StandardCharsets.UTF_8), at);
        s = s.withProof(p);
      } catch (SigningException e) {
        throw new AssertionError(e);
      }
    }
    List<Signature> l = new ArrayList<>(r.signatures());
    l.add(s);
    return Insider.with(r, l, r.revisions());
  }

  /**
   * The history of the present illness rewritten from the start: its revision's new value and
   * the value, each signature's content hash as of when it was signed, and every link and hash
   * of the chain recomputed. Only the doctors' keys and the anchors can tell.
   */
  static Record historyRewritten(Record r) {
    String hpi = "患者1天前出现胸闷。";
    Record x = revision(r, 1, v -> new Revision(v.seq(), v.actor(), v.at(), v.path(),
        v.oldValue(), "\"" + hpi + "\"", v.reason(), v.level(), null, null));
    Values now = x.values().with("hpi", new Value.Str(hpi));
    Values then = now.with("chiefComplaint", new Value.Str("反复胸闷3天"));
    x = x.withValues(now);
    List<Signature> sigs = new ArrayList<>();
    for (Signature s : x.signatures()) {
      Values at = s.id().equals("sig-1") ? then : now;
      sigs.add(new Signature(s.id(), s.signer(), s.at(), s.scope(), RecordAudit.contentHash(
          ADMISSION, at, s.scope()), s.field(), s.superseded(), null, null, s.proof()));
    }
    return Insider.rechain(Insider.with(x, sigs, x.revisions()));
  }

  /** The chief complaint amended after archiving, superseding the review, properly chained. */
  static Record amendmentAppended(Record r) {
    OffsetDateTime at = OffsetDateTime.parse("2026-11-29T10:00:00+08:00");
    Record x = r.withValues(r.values().with("chiefComplaint", new Value.Str("胸闷1天")));
    x = Insider.append(x, new Revision(r.revisions().size() + 1, CHIEF, at,
        new TracePath.OfValue("/chiefComplaint"), "\"反复胸闷、胸痛3天\"", "\"胸闷1天\"", "更正",
        CHIEF.role().rank(), null, null));
    List<Signature> sigs = new ArrayList<>(x.signatures());
    sigs.set(1, sigs.get(1).asSuperseded());
    x = Insider.with(x, sigs, x.revisions());
    return Insider.append(x, new Revision(x.revisions().size() + 1, CHIEF, at,
        new TracePath.OfSuperseded("sig-2"), "false", "true", "更正", CHIEF.role().rank(), null,
        null));
  }

  /** The insider appends (he cannot rewrite) an anchor for his chain, time-stamped now. */
  static void appendAnchor(Record r, Path log) {
    TestClock clock = new TestClock("2026-11-30T10:00:00+08:00");
    AnchorLog a = new TimeStampedAnchors(new FileAnchorLog(log),
        TestAuthority.timeStamper(Fixtures.TSA, clock));
    a.append(new org.emrkit.edit.Anchor(r.id(), RecordAudit.length(r),
        RecordAudit.head(r).orElseThrow(), OffsetDateTime.now(clock), null));
  }

  /** The first anchor's head replaced in the log file, its time-stamp token kept. */
  static void rewriteFirstAnchor(Path log) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(log));
    ObjectNode first = (ObjectNode) new ObjectMapper().readTree(lines.get(0));
    first.put("head", "0".repeat(64));
    lines.set(0, new ObjectMapper().writeValueAsString(first));
    Files.write(log, lines);
  }

  // ------------------------------------------------------------------ storage

  /** What the insider's edit leaves in storage, read back as a host would. */
  static Record stored(Record r) {
    return read(RecordJson.create().write(r));
  }

  static Record read(String json) {
    return RecordJson.create().read(json, TemplateResolver.of(ADMISSION)).orElseThrow();
  }

  /** The JSON with the members of every object in a random order, indented by four. */
  static String reordered(String json, SplittableRandom random) throws IOException {
    // numbers keep their text (172.0 stays 172.0): a tool that rewrites numbers changes the record
    ObjectMapper m = com.fasterxml.jackson.databind.json.JsonMapper.builder()
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature
            .STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    JsonNode tree = shuffle(m.readTree(json), random);
    return m.writer(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter().withObjectIndenter(
        new com.fasterxml.jackson.core.util.DefaultIndenter("    ", "\r\n")))
        .writeValueAsString(tree);
  }

  private static JsonNode shuffle(JsonNode n, SplittableRandom random) {
    if (n.isObject()) {
      List<String> names = new ArrayList<>();
      n.fieldNames().forEachRemaining(names::add);
      Collections.shuffle(names, new java.util.Random(random.nextLong()));
      ObjectNode out = new ObjectMapper().createObjectNode();
      for (String k : names) {
        out.set(k, shuffle(n.get(k), random));
      }
      return out;
    }
    if (n.isArray()) {
      var out = new ObjectMapper().createArrayNode();
      n.forEach(x -> out.add(shuffle(x, random)));
      return out;
    }
    return n;
  }
}
