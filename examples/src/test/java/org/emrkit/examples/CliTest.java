package org.emrkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command on the bundled examples and on bad input, each exit-code path. */
class CliTest {

  static final String TEMPLATES = "src/main/resources/templates/";
  static final String RECORDS = "src/main/resources/records/";

  static final java.time.Clock CLOCK = java.time.Clock.fixed(java.time.OffsetDateTime.parse(
      "2026-11-28T12:00:00+08:00").toInstant(), java.time.ZoneOffset.ofHours(8));

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK).run(args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void compileWritesTemplateJsonOrDiagnostics(@TempDir Path dir) throws IOException {
    Run ok = run("compile", TEMPLATES + "admission.emr.md");
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).startsWith("{\n  \"format\": \"emrkit-template/1\"");
    Path o = dir.resolve("t.json");
    assertThat(run("compile", TEMPLATES + "admission.emr.md", "-o", o.toString()).code()).isZero();
    assertThat(Files.readString(o)).contains("\"id\": \"admission-record\"");
    Path bad = dir.resolve("bad.emr.md");
    Files.writeString(bad, "---\nid: t\nversion: 1.0.0\ntitle: T\n---\n\n主诉：{{cc: txt}}\n");
    Run b = run("compile", bad.toString());
    assertThat(b.code()).isEqualTo(1);
    assertThat(b.err()).startsWith("bad.emr.md:7:10: error dsl/unknown-field-type: 未知的字段类型");
    assertThat(run("compile", dir.resolve("missing.emr.md").toString()).code()).isEqualTo(2);
  }

  @Test
  void helpAndVersionAnswerAsANewcomerExpects() {
    for (String h : List.of("--help", "-h", "help")) {
      Run r = run(h);
      assertThat(r.code()).as(h).isZero();
      assertThat(r.out()).as(h).contains("usage: emrkit compile", "emrkit serve");
      assertThat(r.err()).as(h).isEmpty();
    }
    for (String cmd : List.of("compile", "validate", "render", "export", "batch", "demo",
        "serve")) {
      Run r = run(cmd, "--help");
      assertThat(r.code()).as(cmd).isZero();
      assertThat(r.out()).as(cmd).startsWith("emrkit " + cmd).contains("/");
    }
    Run v = run("--version");
    assertThat(v.code()).isZero();
    assertThat(v.out()).matches("emrkit \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    Run unknown = run("validate", "--templat", "x");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown option --templat", "--help");
  }

  @Test
  void anOptionsValueMayFollowAnEqualsSign() {
    Run r = run("validate", "--template=" + TEMPLATES + "admission.emr.md",
        RECORDS + "admission-record.json", "--format=json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("{");
  }

  @Test
  void renderPrintsWhatTheRecordsOfficeAsksFor(@TempDir Path dir) throws IOException {
    String admission = TEMPLATES + "admission.emr.md";
    String record = RECORDS + "admission-record.json";
    Run bad = run("render", "--template", admission, record, "--to", "html", "--amendments",
        "all");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--amendments is none, appendix or inline, not all");
    Run font = run("render", "--template", admission, record, "--to", "pdf", "-o",
        dir.resolve("x.pdf").toString(), "--font", dir.resolve("none.ttf").toString());
    assertThat(font.code()).isEqualTo(2);
    assertThat(font.err()).contains("none.ttf is not a readable file");
    // a file that is not a font, and a directory, were passed over without a word
    Path text = dir.resolve("notafont.ttf");
    Files.writeString(text, "这不是字体");
    Run notFont = run("render", "--template", admission, record, "--to", "pdf", "-o",
        dir.resolve("x.pdf").toString(), "--font", text.toString());
    assertThat(notFont.code()).isEqualTo(2);
    assertThat(notFont.err()).contains("notafont.ttf is not a TrueType font");
    Run folder = run("render", "--template", admission, record, "--to", "pdf", "-o",
        dir.resolve("x.pdf").toString(), "--font", dir.toString());
    assertThat(folder.code()).isEqualTo(2);
    assertThat(folder.err()).contains("is not a readable file");
    assertThat(dir.resolve("x.pdf")).doesNotExist();
    Path ttf = dir.resolve("LiberationSans-Regular.ttf");
    try (java.io.InputStream in = CliTest.class.getClassLoader()
        .getResourceAsStream("font-fallback/LiberationSans-Regular.ttf")) {
      Files.copy(in, ttf);
    }
    String rare = System.getProperty("emrkit.fonts.rare");
    try {
      Run realFont = run("render", "--template", admission, record, "--to", "pdf", "-o",
          dir.resolve("x.pdf").toString(), "--font", ttf.toString());
      assertThat(realFont.code()).as(realFont.err()).isZero();
    } finally { // the command sets it for the JVM, which the other tests share
      if (rare == null) {
        System.clearProperty("emrkit.fonts.rare");
      } else {
        System.setProperty("emrkit.fonts.rare", rare);
      }
    }
    // an empty field prints the placeholder asked for
    String json = Files.readString(Path.of(record)).replaceFirst(",\\s*\"weight\": 70\\.5", "");
    Path noWeight = dir.resolve("no-weight.json");
    Files.writeString(noWeight, json);
    Run slash = run("render", "--template", admission, noWeight.toString(), "--to", "html",
        "--empty", "/");
    assertThat(slash.code()).as(slash.err()).isZero();
    assertThat(slash.out()).contains("<span class=\"emr-empty\" data-emr-path=\"/values/weight\">/"
        + "</span>");
  }

  @Test
  void exportWritesCdaAndFhirWithTheFindingsOnStderr(@TempDir Path dir) throws IOException {
    String discharge = TEMPLATES + "discharge-record.emr.md";
    Run cda = run("export", "--template", discharge, RECORDS + "discharge-record.json", "--to",
        "cda");
    assertThat(cda.code()).isZero();
    assertThat(cda.out()).startsWith("<?xml").contains("<code code=\"C0049\"",
        "2.16.156.10011.2.1.1.69", "<title>出院记录</title>");
    // the template binds no diagnosis code in 入院诊断: a finding, and nothing invented
    assertThat(cda.err()).contains("warning cda/missing-element", "入院诊断", "DE05.01.024.00");
    Path o = dir.resolve("out/q.json");
    Run q = run("export", "--template", discharge, "--to", "fhir-questionnaire", "-o",
        o.toString());
    assertThat(q.code()).isZero();
    assertThat(Files.readString(o)).contains("\"resourceType\": \"Questionnaire\"",
        "\"linkId\": \"admissionDiagnoses/admissionDiagnosis\"");
    Run qr = run("export", "--template", discharge, RECORDS + "discharge-record.json", "--to",
        "fhir-response");
    assertThat(qr.out()).contains("\"resourceType\": \"QuestionnaireResponse\"",
        "\"questionnaire\": \"urn:emrkit:template:discharge-record|1.0.0\"");
    Run bad = run("export", "--template", discharge, RECORDS + "discharge-record.json", "--to",
        "hl7v2");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("cda, fhir-questionnaire or fhir-response");
  }

  @Test
  void batchArchivesTheBundledRecordsWithCountsThatAddUp(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("batch");
    Run r = run("batch", "--records", RECORDS, "--templates", TEMPLATES, "--out", out.toString(),
        "--workers", "2", "--now", "2026-11-28T04:00:00Z");
    assertThat(r.code()).as(r.err()).isZero();
    // every bundled record archived; index.json, the examples' list, is no record
    assertThat(r.out()).contains("读入 read 13，归档 archived 12，已归档跳过 skipped 0，"
        + "死信 dead-lettered 1（相符 counts add up）");
    assertThat(Files.readString(out.resolve("dead-letters.jsonl"))).contains("index.json",
        "json/schema");
    assertThat(Files.readAllLines(out.resolve("manifest.jsonl"))).hasSize(12);
    assertThat(out.resolve("qc-report.html")).exists();
    Run again = run("batch", "--records", RECORDS, "--templates", TEMPLATES, "--out",
        out.toString(), "--now", "2026-11-28T04:00:00Z");
    assertThat(again.out()).contains("归档 archived 0，已归档跳过 skipped 12");
    Run bad = run("batch", "--records", RECORDS, "--templates", dir.resolve("none").toString(),
        "--out", out.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("no such directory");
    assertThat(run("batch", "--records", RECORDS).err()).contains("--templates DIR is required");
    // the exports as archive formats too
    Path all = dir.resolve("all-formats");
    Run formats = run("batch", "--records", RECORDS, "--templates", TEMPLATES, "--out",
        all.toString(), "--formats", "pdf,docx,cda,fhir", "--now", "2026-11-28T04:00:00Z");
    assertThat(formats.code()).as(formats.err()).isZero();
    Path stay = all.resolve("archive/ZY0012345/E-1");
    assertThat(stay.resolve("入院记录-EX-admission-record.pdf")).exists();
    assertThat(stay.resolve("入院记录-EX-admission-record.docx")).exists();
    assertThat(Files.readString(stay.resolve("入院记录-EX-admission-record.cda.xml")))
        .contains("<code code=\"C0034\"");
    assertThat(Files.readString(stay.resolve("入院记录-EX-admission-record.fhir.json")))
        .contains("\"resourceType\": \"QuestionnaireResponse\"");
  }

  @Test
  void unreadableInputsSayWhy(@TempDir Path dir) throws IOException {
    Run missing = run("compile", dir.resolve("missing.emr.md").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("missing.emr.md: no such file");
    Run directory = run("compile", dir.toString());
    assertThat(directory.code()).isEqualTo(2);
    assertThat(directory.err()).contains("is a directory");
    Run record = run("validate", "--template", TEMPLATES + "admission.emr.md",
        dir.resolve("none.json").toString());
    assertThat(record.err()).contains("none.json: no such file");
    Path latin1 = dir.resolve("latin1.json");
    Files.write(latin1, new byte[] {'{', '"', (byte) 0xE9, '"', '}'});
    assertThat(run("validate", "--template", TEMPLATES + "admission.emr.md",
        latin1.toString()).err()).contains("not UTF-8 text");
    if (Files.isReadable(Path.of("/dev/zero"))) {
      // no size to check first: read no further than the limit (it ran out of memory)
      Run zero = run("validate", "--template", TEMPLATES + "admission.emr.md", "/dev/zero");
      assertThat(zero.code()).isEqualTo(2);
      assertThat(zero.err()).contains("larger than");
    }
  }

  @Test
  void validatePrintsTheReportAndExitsOneOnErrors() {
    Run clean = run("validate", "--template", TEMPLATES + "admission.emr.md",
        RECORDS + "admission-record.json");
    assertThat(clean.code()).isZero();
    assertThat(clean.out()).startsWith("评分 score 100　等级 grade 甲");
    Run veto = run("validate", "--template", TEMPLATES + "admission.emr.md",
        RECORDS + "required-item-no-hpi-veto.json", "--format", "json");
    assertThat(veto.code()).isEqualTo(1);
    assertThat(veto.out()).contains("\"grade\": \"丙\"", "\"code\": \"cn/required-item\"");
  }

  @Test
  void validateChecksDigitalSignaturesAndAnchorsWhenAsked(@TempDir Path dir) throws Exception {
    String ca = "src/main/resources/demo-keys/demo-ca.pem";
    String record = RECORDS + "admission-record.json";
    Run trusted = run("validate", "--template", TEMPLATES + "admission.emr.md", record,
        "--trust", ca);
    assertThat(trusted.out()).startsWith("评分 score 100　等级 grade 甲");
    assertThat(trusted.code()).isZero();
    // another authority: the doctors' signatures do not chain to it
    org.emrkit.signing.TestAuthority other = org.emrkit.signing.TestAuthority.create("别处",
        java.time.OffsetDateTime.parse("2026-01-01T00:00:00+08:00"),
        java.time.OffsetDateTime.parse("2030-01-01T00:00:00+08:00"), "EC");
    Path otherPem = dir.resolve("other.pem");
    Files.writeString(otherPem, "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder()
        .encodeToString(other.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
    Run untrusted = run("validate", "--template", TEMPLATES + "admission.emr.md", record,
        "--trust", otherPem.toString());
    assertThat(untrusted.code()).isEqualTo(1);
    assertThat(untrusted.out()).contains("integrity/signature", "不是由受信任的机构签发");
    // the patient's name changed in the file: the chain says otherwise
    Path changed = dir.resolve("changed.json");
    Files.writeString(changed, Files.readString(Path.of(record)).replaceFirst("\"张三\"",
        "\"李四\""));
    Run tampered = run("validate", "--template", TEMPLATES + "admission.emr.md",
        changed.toString(), "--trust", ca);
    assertThat(tampered.code()).isEqualTo(1);
    assertThat(tampered.out()).contains("cn/trace-integrity", "患者姓名", "李四");
    // an anchor log that knows a longer chain for this record: cut short
    Path log = dir.resolve("anchors.jsonl");
    org.emrkit.record.Record r = org.emrkit.json.RecordJson.create().read(Files.readString(
        Path.of(record)), Demo.templates().get(0)).orElseThrow();
    new org.emrkit.edit.FileAnchorLog(log).append(new org.emrkit.edit.Anchor(r.id(),
        org.emrkit.edit.RecordAudit.length(r) + 2, "ab".repeat(32), java.time.OffsetDateTime
            .parse("2026-11-25T10:00:00+08:00"), null));
    Run cut = run("validate", "--template", TEMPLATES + "admission.emr.md", record,
        "--anchors", log.toString());
    assertThat(cut.code()).isEqualTo(1);
    assertThat(cut.out()).contains("integrity/anchor", "被删除或修改痕迹被重写");
    assertThat(run("validate", "--template", TEMPLATES + "admission.emr.md", record,
        "--require-anchor").err()).contains("--require-anchor needs --anchors FILE");
  }

  @Test
  void validateChecksCodesAgainstTheListsAndScoresByTheHospitalsTable(@TempDir Path dir)
      throws IOException {
    String t = TEMPLATES + "admission.emr.md";
    Path wrong = dir.resolve("wrong.json");
    Files.writeString(wrong, Files.readString(Path.of(RECORDS + "admission-record.json"))
        .replaceFirst("\"不稳定型心绞痛\"", "\"急性阑尾炎\""));
    // the sample lists: I20.000 is 不稳定型心绞痛, not 急性阑尾炎; without lists only the form
    assertThat(run("validate", "--template", t, wrong.toString()).out())
        .doesNotContain("field/code-name");
    String sample = "src/main/resources/terminology";
    Run named = run("validate", "--template", t, wrong.toString(), "--terminology", sample);
    assertThat(named.code()).isEqualTo(1);
    assertThat(named.out()).contains("field/code-name", "I20.000 是“不稳定型心绞痛”，不是“急性阑尾炎”");
    Path table = dir.resolve("scoring.csv");
    Files.writeString(table, "# 本院评分表\nfield/code-name,10\n");
    Run scored = run("validate", "--template", t, wrong.toString(), "--deductions",
        table.toString(), "--format", "json", "--terminology", sample);
    assertThat(scored.out()).contains("\"code\": \"field/code-name\"", "\"deduction\": 10");
    Files.writeString(table, "field/code-name;10\n");
    Run badTable = run("validate", "--template", t, wrong.toString(), "--deductions",
        table.toString());
    assertThat(badTable.code()).isEqualTo(2);
    assertThat(badTable.err()).contains("scoring.csv:1: expected code,points");
    Files.write(table, new byte[] {'f', 'i', 'e', 'l', 'd', '/', 'c', 'o', 'd', 'e', ',',
        (byte) 0xff, (byte) 0xfe, '2', '\n'});
    Run notUtf8 = run("validate", "--template", t, wrong.toString(), "--deductions",
        table.toString());
    assertThat(notUtf8.code()).isEqualTo(2);
    assertThat(notUtf8.err()).startsWith("emrkit: cannot read --deductions");
    // the hospital's own list, without I20.000: the closest codes are suggested
    Path lists = Files.createDirectories(dir.resolve("lists"));
    Files.writeString(lists.resolve("icd.csv"), "编码,名称\nI20.100,血管痉挛性心绞痛\n"
        + "I20.800,稳定型心绞痛\nI25.103,冠状动脉粥样硬化性心脏病\n");
    Files.writeString(lists.resolve("terminology.json"), "{\"lists\": [{\"system\": "
        + "\"icd10-clinical|2.0\", \"title\": \"本院 ICD-10\", \"file\": \"icd.csv\"}],"
        + " \"aliases\": {\"ICD-10\": \"icd10-clinical|2.0\"}}");
    Run own = run("validate", "--template", t, RECORDS + "admission-record.json",
        "--terminology", lists.toString());
    assertThat(own.code()).isEqualTo(1);
    assertThat(own.out()).contains("field/code", "“I20.000”不在 本院 ICD-10 中；相近的编码：I20.100");
    Files.writeString(lists.resolve("icd.csv"), "编码,名称\nI20.100,\n");
    Run bad = run("validate", "--template", t, RECORDS + "admission-record.json",
        "--terminology", lists.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("icd.csv: 1 bad row(s)", "第 2 行：编码 I20.100 没有名称");
  }

  @Test
  void bindingsTheListsLackAreErrorsAtCompileAndWarningsAtValidate(@TempDir Path dir)
      throws IOException {
    Path t = dir.resolve("t.emr.md");
    Files.writeString(t, "---\nid: t\nversion: 1.0.0\ntitle: T\n---\n\n诊断 {{dx: coded "
        + "system=ICD-10}}\n\n手术 {{op: coded system=icd9cm3-clinical|9.9}}\n\n过敏 {{al: choice "
        + "valueset=@host:allergens}}\n");
    String sample = "src/main/resources/terminology";
    Run c = run("compile", t.toString(), "--terminology", sample);
    assertThat(c.code()).isEqualTo(1);
    assertThat(c.err()).doesNotContain("dx ").contains(
        "t.emr.md:9:4: error terminology/unresolved: op system=icd9cm3-clinical|9.9: 编码系统",
        "t.emr.md:11:4: error terminology/unresolved: al valueset=@host:allergens: 值集",
        "add \"allergens\" to valueSets in terminology.json");
    assertThat(run("compile", t.toString()).code()).isZero(); // without lists: nothing to say
    Run v = run("validate", "--template", TEMPLATES + "admission.emr.md", RECORDS
        + "admission-record.json", "--template", t.toString(), "--terminology", sample);
    assertThat(v.code()).isZero();
    assertThat(v.err()).contains("warning: template t, field op system=icd9cm3-clinical|9.9",
        "checked for their form only");
  }

  @Test
  void compileChecksTheTemplateAgainstTheWritingStandardWhenAsked(@TempDir Path dir)
      throws IOException {
    Path t = dir.resolve("a.emr.md");
    Files.writeString(t, "---\nid: a\nversion: 1.0.0\ntitle: 入院记录\ndocumentType: "
        + "admission-record\n---\n\n## 主诉 {de=DE04.01.119.00}\n\n{{cc: text}}\n");
    assertThat(run("compile", t.toString()).code()).isZero();
    Run c = run("compile", t.toString(), "--check-standard");
    assertThat(c.code()).isEqualTo(1);
    assertThat(c.err()).contains("a.emr.md: error cn/template-missing-item: ", "现病史")
        .doesNotContain("“主诉”");
    assertThat(run("compile", TEMPLATES + "admission.emr.md", "--check-standard").code())
        .isZero();
  }

  @Test
  void validateAChart() {
    Run r = run("validate", "--chart", "--template", TEMPLATES + "admission.emr.md",
        "--template", TEMPLATES + "first-progress-note.emr.md", "--template",
        TEMPLATES + "progress-note.emr.md", RECORDS + "admission-record.json",
        RECORDS + "first-progress-note.json", RECORDS + "progress-note.json");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("cn/progress-note-gap"); // notes stop on 11-22; now is 11-28
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void twoDifferentTemplatesOfOneIdAndVersionAreRefused(@TempDir Path dir) throws IOException {
    String pn = TEMPLATES + "progress-note.emr.md";
    Path other = dir.resolve("pn2.emr.md");
    String source = Files.readString(Path.of(pn));
    assertThat(source).contains("\n# ");
    Files.writeString(other, source.replaceFirst("\n# ([^\n]*)", "\n# $1（改）"));
    Path compiled = dir.resolve("pn.json");
    assertThat(run("compile", pn, "-o", compiled.toString()).code()).isZero();
    for (List<String> order : List.of(List.of(pn, other.toString()),
        List.of(other.toString(), pn))) {
      Run r = run("render", "--template", order.get(0), "--template", order.get(1),
          RECORDS + "progress-note.json", "--to", "html", "-o", dir.resolve("x.html").toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("are both progress-note@1.0.0");
    }
    // the same template twice, or as its source and its compiled JSON, is one template
    Run same = run("render", "--template", pn, "--template", compiled.toString(),
        RECORDS + "progress-note.json", "--to", "html", "-o", dir.resolve("x.html").toString());
    assertThat(same.code()).as(same.err()).isZero();
  }

  @Test
  void aTemplateJsonsWarningsArePrinted(@TempDir Path dir) throws IOException {
    Path src = dir.resolve("cyc.emr.md");
    Files.writeString(src, "---\nid: cyc\nversion: 1.0.0\ntitle: 循环\n---\n\n# 循环\n\n"
        + "{{a: decimal}} {{c: calc expr=\"a + 1\"}} {{d: calc expr=\"c * 2\"}}\n");
    Path json = dir.resolve("cyc.json");
    assertThat(run("compile", src.toString(), "-o", json.toString()).code()).isZero();
    // by hand, a ring the compiler would refuse: the template reads, and says so
    Files.writeString(json, Files.readString(json).replace("\"a + 1\"", "\"d + 1\""));
    Path rec = dir.resolve("r.json");
    Files.writeString(rec, "{\"format\": \"emrkit-record/2\", \"id\": \"R1\", \"template\":"
        + " {\"id\": \"cyc\", \"version\": \"1.0.0\"}, \"status\": \"draft\", \"context\":"
        + " {\"patient\": {\"name\": \"张三\"}}, \"values\": {\"a\": 1}}");
    Run r = run("validate", "--template", json.toString(), rec.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("warning json/calc-cycle", "c → d → c");
  }

  @Test
  void unusableInputExitsTwoWithAReason(@TempDir Path dir) throws IOException {
    Path broken = dir.resolve("r.json");
    Files.writeString(broken, "{\"format\": \"emrkit-record/1\", \"id\": \"R\", \"status\": \"nope\","
        + " \"template\": {\"id\": \"admission-record\", \"version\": \"1.0.0\"}}");
    Run schema = run("validate", "--template", TEMPLATES + "admission.emr.md", broken.toString());
    assertThat(schema.code()).isEqualTo(2);
    assertThat(schema.err()).contains("/status: error json/schema");
    Files.writeString(broken, Files.readString(Path.of(RECORDS + "admission-record.json"))
        .replace("\"version\": \"1.0.0\"", "\"version\": \"9.0.0\""));
    Run version = run("validate", "--template", TEMPLATES + "admission.emr.md", broken.toString());
    assertThat(version.code()).isEqualTo(2);
    assertThat(version.err()).contains("names a template id/version other than the one given");
    assertThat(run("validate", RECORDS + "admission-record.json").err())
        .contains("--template T is required");
    assertThat(run("frobnicate").code()).isEqualTo(2);
    assertThat(run().code()).isEqualTo(2);
    assertThat(run("render", "--template", TEMPLATES + "admission.emr.md",
        RECORDS + "admission-record.json", "--to", "docx").err()).contains("-o OUT.docx");
    assertThat(run("render", "--template", TEMPLATES + "admission.emr.md",
        RECORDS + "admission-record.json", "--to", "odt", "-o", "x").code()).isEqualTo(2);
    assertThat(run("validate", "--template", dir.resolve("none.json").toString(),
        RECORDS + "admission-record.json").code()).isEqualTo(2);
  }

  @Test
  void renderWritesHtmlAndPdf(@TempDir Path dir) throws IOException {
    Path html = dir.resolve("a.html");
    assertThat(run("render", "--template", TEMPLATES + "admission.emr.md",
        RECORDS + "admission-record.json", "--to", "html", "--mode", "edit", "-o",
        html.toString()).code()).isZero();
    assertThat(Files.readString(html)).contains("<form class=\"emr-record emr-edit\"");
    Path pdf = dir.resolve("a.pdf");
    assertThat(run("render", "--template", TEMPLATES + "admission.emr.md",
        RECORDS + "admission-record.json", "--to", "pdf", "-o", pdf.toString(),
        "--watermark", "副本", "--printed-by", "王医生").code()).isZero();
    try (var doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(new PDFTextStripper().getText(doc)).contains("反复胸闷3天", "王医生");
    }
  }

  @Test
  void renderWritesDocxAndAWordFormThatImportsBack(@TempDir Path dir) throws IOException {
    Path docx = dir.resolve("a.docx");
    assertThat(run("render", "--template", TEMPLATES + "admission.emr.md",
        RECORDS + "admission-record.json", "--to", "docx", "-o", docx.toString()).code())
        .isZero();
    try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(docx));
        var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
      assertThat(text.getText()).contains("反复胸闷3天", "入院记录");
    }
    Path form = dir.resolve("form.docx");
    assertThat(run("render", "--template", TEMPLATES + "admission.emr.md",
        RECORDS + "admission-record.json", "--to", "docx", "--mode", "edit", "-o",
        form.toString()).code()).isZero();
    org.emrkit.template.Template original = Demo.templates().stream()
        .filter(t -> t.id().equals("admission-record")).findFirst().orElseThrow();
    assertThat(org.emrkit.docx.DocxImporter.builder().build().read(form).orElseThrow())
        .isEqualTo(original);
    Path marked = dir.resolve("marked.docx");
    assertThat(run("render", "--template", TEMPLATES + "admission.emr.md",
        RECORDS + "admission-record.json", "--to", "docx", "-o", marked.toString(),
        "--watermark", "副本").code()).isZero();
    try (var zip = new java.util.zip.ZipFile(marked.toFile())) {
      String headers = zip.stream().filter(e -> e.getName().startsWith("word/header"))
          .map(e -> {
            try {
              return new String(zip.getInputStream(e).readAllBytes(),
                  java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException x) {
              throw new java.io.UncheckedIOException(x);
            }
          }).reduce("", String::concat);
      assertThat(headers).as("the watermark's text path").contains("副本");
    }
    assertThat(run("render", "--template", TEMPLATES + "admission.emr.md",
        RECORDS + "admission-record.json", "--to", "pdf", "--mode", "edit", "-o",
        dir.resolve("x.pdf").toString()).err()).contains("pdf has no edit mode");
  }

  @Test
  void aFailedRenderLeavesThePreviousFileAsItWas(@TempDir Path dir) throws IOException {
    Path pdf = dir.resolve("record.pdf");
    assertThat(run("render", "--template", TEMPLATES + "admission.emr.md",
        RECORDS + "admission-record.json", "--to", "pdf", "-o", pdf.toString()).code()).isZero();
    byte[] good = Files.readAllBytes(pdf);
    String json = Files.readString(Path.of(RECORDS + "admission-record.json"))
        .replace("反复胸闷3天", "反复胸闷3天\uD83E\uDEC0");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, json);
    Run r = run("render", "--template", TEMPLATES + "admission.emr.md", bad.toString(),
        "--to", "pdf", "-o", pdf.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("/values/chiefComplaint").contains("U+1FAC0");
    assertThat(Files.readAllBytes(pdf)).as("the previous PDF").isEqualTo(good);
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("no temporary file is left").containsExactlyInAnyOrder("record.pdf", "bad.json");
    }
  }

  @Test
  void demoWritesEverythingAndPrintsTheGrades(@TempDir Path dir) throws IOException {
    Run r = run("demo", "-o", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("required-item-no-hpi-veto.json", "丙", "甲");
    try (var files = Files.walk(dir)) {
      var names = files.map(p -> dir.relativize(p).toString()).toList();
      assertThat(names).contains("templates/admission-record.json", "pdf/admission-record.pdf",
          "html/admission-record.html", "html/admission-record.edit.html",
          "reports/required-item-no-hpi-veto.json", "pdf/nursing-record.pdf",
          "pdf/front-page.pdf", "templates/front-page.json");
      assertThat(names.stream().filter(n -> n.endsWith(".pdf")).count())
          .as("one per record, the amended record's 痕迹打印, the ward's two prints and its"
              + " sheets as they stand").isEqualTo(18);
      assertThat(names).contains("pdf/admission-record.edit-session.trace.pdf",
          "html/admission-record.edit-session.trace.html", "pdf/nursing-record.print-1.pdf",
          "pdf/nursing-record.print-2-continued.pdf", "pdf/nursing-record.as-printed.pdf");
      assertThat(names.stream().filter(n -> n.endsWith(".docx")).count()).isEqualTo(14);
    }
    // the record taken through an edit session: countersigned, amended with a reason, archived
    List<org.emrkit.template.Template> templates = Demo.templates();
    org.emrkit.template.Template admission = templates.stream()
        .filter(t -> t.id().equals("admission-record")).findFirst().orElseThrow();
    org.emrkit.record.Record session = org.emrkit.json.RecordJson.create().read(Files.readString(
        dir.resolve("records/admission-record.edit-session.json")), admission).orElseThrow();
    assertThat(session.status()).isEqualTo(org.emrkit.record.RecordStatus.ARCHIVED);
    assertThat(org.emrkit.edit.RecordAudit.audit(admission, session).intact()).isTrue();
    assertThat(session.signatures()).allSatisfy(s -> assertThat(s.proof()).isNotNull());
    assertThat(session.signatures()).extracting(s -> s.signer().role().label() + ":"
        + s.superseded()).containsExactly("resident:true", "attending:true", "attending:false");
    assertThat(session.revisions()).anyMatch(v -> "补充辅助检查结果".equals(v.reason())
        && v.path().wire().equals("/auxiliaryExam"));
    assertThat(r.out()).containsPattern("admission-record\\.edit-session\\.json\\s+入院记录\\s+100\\s+甲");
    // the ward's sheet: printed, then continued; both prints in its trace
    org.emrkit.template.Template nursing = templates.stream()
        .filter(t -> t.id().equals("nursing-record")).findFirst().orElseThrow();
    org.emrkit.record.Record ward = org.emrkit.json.RecordJson.create().read(Files.readString(
        dir.resolve("records/" + PrintDemo.FILE)), nursing).orElseThrow();
    assertThat(org.emrkit.render.PrintLog.of(ward).entries()).extracting(e -> e.mode().label())
        .containsExactly("all", "continue");
    assertThat(org.emrkit.edit.RecordAudit.audit(nursing, ward).intact()).isTrue();
    assertThat(r.out()).containsPattern("nursing-record\\.printed\\.json\\s+一般护理记录单\\s+100\\s+甲");
    assertThat(Files.readString(dir.resolve("html/admission-record.edit-session.trace.html")))
        .as("the amendment put in, marked, who and when on hover").contains(
            "<ins class=\"emr-inserted\" title=\"王强（主治医师）2026-11-21 09:10 添加\">V4-V6导联</ins>")
        .contains("〔王强（主治医师）2026-11-21 09:10 修改〕");
  }

  @Test
  void serveRefusesABadPortOrOneInUse() throws IOException {
    Run r = run("serve", "--port", "http");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--port must be a port number");
    try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Run busy = run("serve", "--port", String.valueOf(taken.getLocalPort()));
      assertThat(busy.code()).isEqualTo(2);
      assertThat(busy.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void printingContinuesFromTheRecordsPrintLogAndLogsEachPrint(@TempDir Path dir)
      throws IOException {
    Path rec = dir.resolve("nursing.json");
    Files.copy(Path.of(RECORDS + "nursing-record.json"), rec);
    Files.setPosixFilePermissions(rec, java.nio.file.attribute.PosixFilePermissions
        .fromString("rw-rw-r--"));
    String t = TEMPLATES + "nursing-record.emr.md";
    String user = "u-3001:赵芳:nurse";
    Run first = run("render", "--template", t, rec.toString(), "--to", "pdf", "-o",
        dir.resolve("p1.pdf").toString(), "--print", "all", "--user", user, "--printer",
        "护士站 HP M403");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("已打印第 1 页", "print logged in");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files
        .getPosixFilePermissions(rec))).as("the record keeps its permissions")
        .isEqualTo("rw-rw-r--");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files
        .getPosixFilePermissions(dir.resolve("p1.pdf")))).as("a new file is readable by all")
        .isEqualTo("rw-r--r--");
    org.emrkit.template.Template nursing = Inputs.template(Path.of(t), System.err);
    org.emrkit.record.Record logged = org.emrkit.json.RecordJson.create()
        .read(Files.readString(rec), nursing).orElseThrow();
    assertThat(org.emrkit.render.PrintLog.of(logged).entries()).singleElement()
        .satisfies(e -> {
          assertThat(e.actor().name()).isEqualTo("赵芳");
          assertThat(e.printer()).isEqualTo("护士站 HP M403");
          assertThat(e.mode()).isEqualTo(org.emrkit.render.PrintMode.ALL);
        });
    assertThat(org.emrkit.edit.RecordAudit.audit(nursing, logged).intact()).isTrue();

    // nothing written since: a continuation has nothing to print, and leaves both files
    byte[] before = Files.readAllBytes(rec);
    Run again = run("render", "--template", t, rec.toString(), "--to", "pdf", "-o",
        dir.resolve("p2.pdf").toString(), "--print", "continue", "--user", user);
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("emrkit: cannot print: 自上次打印", "没有新的内容",
        "nothing new to print");
    assertThat(Files.readAllBytes(rec)).isEqualTo(before);
    assertThat(dir.resolve("p2.pdf")).doesNotExist();

    Run from = run("render", "--template", t, rec.toString(), "--to", "pdf", "-o",
        dir.resolve("p3.pdf").toString(), "--print", "from", "--from", "/nursingRows/1",
        "--user", user, "--offset", "0.5,-1");
    assertThat(from.code()).as(from.err()).isZero();
    assertThat(from.out()).contains("请将第 1 页放回打印机");
    Run pages = run("render", "--template", t, rec.toString(), "--to", "pdf", "-o",
        dir.resolve("p4.pdf").toString(), "--print", "pages", "--pages", "1", "--user", user);
    assertThat(pages.code()).as(pages.err()).isZero();
    assertThat(org.emrkit.render.PrintLog.of(org.emrkit.json.RecordJson.create()
        .read(Files.readString(rec), nursing).orElseThrow()).entries())
        .extracting(e -> e.mode().label()).containsExactly("all", "from", "pages");
    assertThat(run("validate", "--template", t, rec.toString()).out()).doesNotContain(
        "integrity/");

    assertThat(run("render", "--template", t, rec.toString(), "--to", "pdf", "-o",
        dir.resolve("p5.pdf").toString(), "--print", "all").err()).contains("--user");
    assertThat(run("render", "--template", t, rec.toString(), "--to", "pdf", "-o",
        dir.resolve("p5.pdf").toString(), "--print", "all", "--user", user, "--offset", "x")
        .code()).isEqualTo(2);
    assertThat(run("render", "--template", t, rec.toString(), "--to", "html", "--print", "all",
        "--user", user).err()).contains("--to pdf");
    assertThat(run("render", "--template", t, rec.toString(), "--to", "pdf", "-o",
        dir.resolve("p5.pdf").toString(), "--print", "pages", "--pages", "3-1", "--user", user)
        .err()).contains("--pages");
    // the largest page number is a page the record does not have, not a loop that never ends
    // (an int counting up to Integer.MAX_VALUE overflowed, and the list of pages filled the heap)
    for (String last : List.of("2147483647", "2147483646-2147483647")) {
      Run huge = run("render", "--template", t, rec.toString(), "--to", "pdf", "-o",
          dir.resolve("p5.pdf").toString(), "--print", "pages", "--pages", last, "--user", user);
      assertThat(huge.code()).as(huge.err()).isEqualTo(1);
      assertThat(huge.err()).contains("214748364").doesNotContain("Exception");
    }
    assertThat(dir.resolve("p5.pdf")).doesNotExist();
  }
}
