package org.emrkit.interop.cda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.emrkit.json.RecordJson;
import org.emrkit.json.TemplateJson;
import org.emrkit.json.TemplateResolver;
import org.emrkit.record.Record;
import org.emrkit.render.RenderException;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.testing.RandomRecords;
import org.emrkit.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The WS/T 500 export: every corpus record and random records give documents valid against the
 * HL7 CDA R2 schema; the header and body carry what the record holds, where the standard puts
 * it; the findings corpus gives the findings it names.
 */
class CdaExportTest {

  static final Clock CLOCK = Clock.fixed(OffsetDateTime.parse("2026-11-28T12:00:00+08:00")
      .toInstant(), ZoneOffset.ofHours(8));
  static final CdaExporter EXPORTER = CdaExporter.create().withClock(CLOCK);
  static final TemplateResolver TEMPLATES = templates();

  static TemplateResolver templates() {
    List<Template> ts = new ArrayList<>();
    for (String f : Corpus.files("templates")) {
      ts.add(TemplateJson.create().read(Corpus.text("/validation/templates/" + f)).orElseThrow());
    }
    return TemplateResolver.of(ts.toArray(Template[]::new));
  }

  static Record read(String json) {
    return RecordJson.create().read(json, TEMPLATES).orElseThrow();
  }

  static Template templateOf(Record r) {
    return TEMPLATES.resolve(r.template().id(), r.template().version()).orElseThrow();
  }

  @Test
  void controlCharactersAreWrittenAsXmlMayHoldThemAndNoncharactersRefused() {
    // a record saved with a pasted vertical tab or a U+0001 (the reader takes them): the export
    // wrote documents no XML parser reads
    Record r = read(Corpus.text("/validation/records/clean--admission-record.json"));
    Template t = templateOf(r);
    Record controls = r.withValues(r.values().with("chiefComplaint",
        new org.emrkit.record.Value.Str("胸闷\u000B3天\u0001\t")));
    String xml = new String(EXPORTER.export(t, controls).document(),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(CdaSchema.errors(EXPORTER.export(t, controls).document())).isEmpty();
    assertThat(xml).contains("胸闷\n3天\t").doesNotContain("\u0001").doesNotContain("\u000B");
    // in a section's narrative, a vertical tab breaks the line as a line feed does
    Record narrative = r.withValues(r.values().with("hpi",
        new org.emrkit.record.Value.Str("患者3天前\u000B出现胸闷")));
    assertThat(new String(EXPORTER.export(t, narrative).document(),
        java.nio.charset.StandardCharsets.UTF_8)).contains("患者3天前<br/>出现胸闷");
    // U+FFFE and half a surrogate pair only a record built through the API holds: refused, at
    // the value's pointer (in a diagnosis's entry too)
    var row = r.values().rows("diagnoses").get(0);
    for (String bad : List.of("胸闷\uFFFE", "胸闷\uD800")) {
      Record withIt = r.withValues(r.values().with("chiefComplaint",
          new org.emrkit.record.Value.Str(bad)));
      Record inRow = r.withValues(r.values().with("diagnoses", new org.emrkit.record.Value.Rows(
          List.of(row, row.with("diagnosis", new org.emrkit.record.Value.Coded(
              new org.emrkit.record.Coding("I20.000", bad, "ICD-10", null)))))));
      for (var c : java.util.Map.of(withIt, "/values/chiefComplaint", inRow,
          "/values/diagnoses/1/diagnosis/display").entrySet()) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EXPORTER.export(t, c.getKey()))
            .isInstanceOf(org.emrkit.render.RenderException.class)
            .satisfies(e -> assertThat(((org.emrkit.render.RenderException) e).code() + " "
                + ((org.emrkit.render.RenderException) e).pointer())
                .isEqualTo("render/character " + c.getValue()))
            .hasMessageContaining("cannot export CDA: character U+");
      }
    }
  }

  @Test
  void everyCorpusRecordExportsASchemaValidDocument() throws Exception {
    int exported = 0;
    Files.createDirectories(Path.of("target/cda"));
    for (String f : Corpus.files("records")) {
      if (f.endsWith(".chart.json") || f.endsWith(".template.json")) {
        continue;
      }
      Record r = read(Corpus.text("/validation/records/" + f));
      Template t = templateOf(r);
      if (t.documentType() == null || !CdaExporter.documentTypes().contains(t.documentType())) {
        continue;
      }
      CdaExport e = EXPORTER.export(t, r);
      Files.write(Path.of("target/cda", f.replace(".json", ".xml")), e.document());
      assertThat(CdaSchema.errors(e.document())).as(f).isEmpty();
      exported++;
    }
    assertThat(exported).isGreaterThan(40);
  }

  @Test
  void randomRecordsExportSchemaValidDocumentsWithAnEntryPerBoundValue() {
    List<Template> ts = new ArrayList<>();
    for (String f : Corpus.files("templates")) {
      Template t = TemplateJson.create().read(Corpus.text("/validation/templates/" + f))
          .orElseThrow();
      if (t.documentType() != null && CdaExporter.documentTypes().contains(t.documentType())) {
        ts.add(t);
      }
    }
    Seeds.check("random records export valid CDA", 40, random -> {
      Template t = ts.get(random.nextInt(ts.size()));
      Record r = RandomRecords.record(random, t);
      CdaExport e = EXPORTER.export(t, r);
      assertThat(CdaSchema.errors(e.document())).as(t.id()).isEmpty();
      Document d = parse(e.document());
      NodeList codes = (NodeList) xpath().evaluate("//*[local-name()='observation']"
          + "/*[local-name()='code']/@code", d, XPathConstants.NODESET);
      for (int i = 0; i < codes.getLength(); i++) {
        assertThat(codes.item(i).getNodeValue()).startsWith("DE");
      }
    });
  }

  @Test
  void theAdmissionRecordsHeaderAndBodyAreWhereTheStandardPutsThem() throws Exception {
    Record r = read(Corpus.text("/validation/records/clean--admission-record.json"));
    Document d = parse(EXPORTER.export(templateOf(r), r).document());
    assertThat(text(d, "/ClinicalDocument/templateId/@root")).isEqualTo("2.16.156.10011.2.1.1.54");
    assertThat(text(d, "/ClinicalDocument/code/@code")).isEqualTo("C0034");
    assertThat(text(d, "/ClinicalDocument/realmCode/@code")).isEqualTo("CN");
    // each version its own id, replacing the one before it; the set id is the record's
    int version = r.revisions().size() + 1;
    assertThat(text(d, "/ClinicalDocument/id/@extension")).isEqualTo(r.id() + "-v" + version);
    assertThat(text(d, "/ClinicalDocument/setId/@extension")).isEqualTo(r.id());
    assertThat(text(d, "//relatedDocument[@typeCode='RPLC']/parentDocument/id/@extension"))
        .isEqualTo(r.id() + "-v" + (version - 1));
    assertThat(text(d, "/ClinicalDocument/languageCode/@code")).isEqualTo("zh-CN");
    assertThat(text(d, "/ClinicalDocument/effectiveTime/@value")).isEqualTo("20261128120000+0800");
    assertThat(text(d, "//patientRole/id[@root='2.16.156.10011.1.12']/@extension"))
        .isEqualTo(r.context().patient().mrn());
    assertThat(text(d, "//patient/name")).isEqualTo("张三");
    assertThat(text(d, "//patient/administrativeGenderCode/@code")).isEqualTo("1");
    assertThat(text(d, "//patient/maritalStatusCode/@code")).isEqualTo("20");
    assertThat(text(d, "//legalAuthenticator//assignedPerson/name")).isEqualTo("李明");
    assertThat(text(d, "//encompassingEncounter/effectiveTime/@value"))
        .isEqualTo("20261120093000+0800");
    assertThat(text(d, "//wholeOrganization[id/@root='2.16.156.10011.1.26']/name"))
        .isEqualTo("心血管内科");
    // sections in the standard's order, with their LOINC codes
    assertThat(texts(d, "//section/code/@code")).containsSubsequence("10154-3", "10164-2",
        "11348-0", "8716-3", "29545-1", "11450-4");
    // entries in the order the standard lists the elements
    assertThat(texts(d, "//section[code/@code='8716-3']//observation/code/@code"))
        .containsExactly("DE04.10.186.00", "DE04.10.118.00", "DE04.10.082.00", "DE04.10.174.00",
            "DE04.10.176.00", "DE04.10.167.00", "DE04.10.188.00");
    // typed entries: PQ with the element's unit, CD with the ICD-10 OID, ST text
    assertThat(text(d, "//observation[code/@code='DE04.10.186.00']/value/@value")).isEqualTo("36.8");
    assertThat(text(d, "//observation[code/@code='DE04.10.186.00']/value/@unit")).isEqualTo("℃");
    assertThat(text(d, "//section[code/@code='8716-3']//observation[code/@code='DE04.10.174.00']"
        + "/value/@value")).isEqualTo("150");
    assertThat(text(d, "//observation[code/@code='DE05.01.024.00']/value/@codeSystem"))
        .isEqualTo("2.16.156.10011.2.3.3.11");
    assertThat(text(d, "//observation[code/@code='DE05.01.024.00']/value/@code"))
        .isEqualTo("I20.000");
    assertThat(text(d, "//section[code/@code='10154-3']/entry/observation/value"))
        .isEqualTo("反复胸闷3天");
    // a field with no data element is in the narrative only
    assertThat(text(d, "//section[code/@code='29545-1']/text")).contains("SpO2", "97%");
    assertThat(texts(d, "//observation/code/@code")).doesNotContain("DE02.01.039.00");
  }

  @Test
  void theHighestRankedValidSignerIsTheLegalAuthenticatorAndTheOthersAuthenticate() throws Exception {
    Record r = read(Corpus.text("/validation/records/clean--discharge-record.json"));
    Document d = parse(EXPORTER.export(templateOf(r), r).document());
    List<String> signers = new ArrayList<>();
    for (var s : r.signatures()) {
      if (!s.superseded()) {
        signers.add(s.signer().name());
      }
    }
    assertThat(texts(d, "//author//assignedPerson/name")).isNotEmpty();
    List<String> all = new ArrayList<>(texts(d, "//legalAuthenticator//assignedPerson/name"));
    all.addAll(texts(d, "//authenticator//assignedPerson/name"));
    assertThat(all).containsExactlyInAnyOrderElementsOf(signers.stream().distinct().toList());
    var top = r.signatures().stream().filter(s -> !s.superseded())
        .max(java.util.Comparator.comparingInt(s -> s.signer().role().rank())).orElseThrow();
    assertThat(text(d, "//legalAuthenticator//assignedPerson/name"))
        .isEqualTo(top.signer().name());
  }

  @Test
  void eachRowOfTheNursingSheetIsAClusterAtItsTime() throws Exception {
    Record r = read(Corpus.text("/validation/records/clean--nursing-record.json"));
    Document d = parse(EXPORTER.export(templateOf(r), r).document());
    List<String> times = texts(d, "//organizer/effectiveTime/@value");
    List<org.emrkit.record.Values> rows = r.values().rows("nursingRows");
    assertThat(times).hasSize(rows.size());
    assertThat(times.get(0)).isEqualTo(Typed.ts(rows.get(0).dateTime("at").orElseThrow())
        .value());
  }

  @Test
  void theFindingsCorpusGivesTheFindingsItNames() throws Exception {
    String expected = new String(getClass().getResourceAsStream("/export-findings/expected.tsv")
        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    int cases = 0;
    for (String line : expected.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] p = line.split("\t", -1);
      Record r = read(new String(getClass().getResourceAsStream("/export-findings/" + p[0])
          .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      CdaExport e = EXPORTER.export(templateOf(r), r);
      List<String> got = e.findings().stream().map(f -> f.code() + " "
          + f.location().describe() + (f.location().describe().equals("/template")
          && f.code().equals("cda/missing-element") ? " " + element(f.message().en()) : ""))
          .toList();
      List<String> want = p[1].isBlank() ? List.of() : List.of(p[1].split("; "));
      assertThat(got).as(p[0]).containsExactlyElementsOf(want);
      e.findings().forEach(f -> assertThat(f.message().zh()).isNotBlank());
      assertThat(CdaSchema.errors(e.document())).as(p[0]).isEmpty();
      cases++;
    }
    assertThat(cases).isGreaterThanOrEqualTo(14);
  }

  @Test
  void aMissingElementIsLeftOutNotInvented() throws Exception {
    Record r = read(new String(getClass().getResourceAsStream(
        "/export-findings/admission-without-chief-complaint.json").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8));
    Document d = parse(EXPORTER.export(templateOf(r), r).document());
    assertThat(texts(d, "//observation/code/@code")).doesNotContain("DE04.01.119.00");
  }

  @Test
  void aDocumentTypeTheStandardHasNoDocumentForIsRefused() {
    Record r = read(Corpus.text("/validation/records/clean--admission-record.json"));
    Template t = templateOf(r);
    Template other = new Template(t.id(), t.version(), t.title(), t.heading(), "ward-round-memo",
        t.department(), t.locale(), t.page(), t.metadata(), t.valueSets(), t.pageHeader(),
        t.pageFooter(), t.blocks());
    assertThatThrownBy(() -> EXPORTER.export(other, r)).isInstanceOf(RenderException.class)
        .hasFieldOrPropertyWithValue("code", "cda/unknown-document-type");
  }

  /** The data element a missing-element message names: {@code (DE05.01.024.00)}. */
  static String element(String message) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((DE[0-9.]+)\\)")
        .matcher(message);
    return m.find() ? m.group(1) : "?";
  }

  static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  static XPath xpath() {
    return XPathFactory.newInstance().newXPath();
  }

  static String text(Document d, String path) throws Exception {
    return xpath().evaluate(path, d);
  }

  static List<String> texts(Document d, String path) throws Exception {
    NodeList n = (NodeList) xpath().evaluate(path, d, XPathConstants.NODESET);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.getLength(); i++) {
      out.add(n.item(i).getTextContent());
    }
    return out;
  }
}
