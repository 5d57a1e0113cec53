package org.emrkit.interop.cda;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.emrkit.interop.cda.Body.Cluster;
import org.emrkit.interop.cda.Body.Entry;
import org.emrkit.interop.cda.Placement.Out;
import org.emrkit.interop.cda.Profiles.SectionProfile;
import org.emrkit.problem.Location;
import org.emrkit.problem.Message;
import org.emrkit.problem.Problem;
import org.emrkit.problem.Severity;
import org.emrkit.record.Record;
import org.emrkit.render.RecordWalk;
import org.emrkit.render.RenderException;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Template;
import org.emrkit.terminology.DataElements;

/**
 * Exports records as WS/T 500-2016 shared documents (HL7 CDA R2, {@code POCD_MT000040}): the
 * document of the template's document type, its header from the record's context and valid
 * signatures, its body from what the record shows ({@link RecordWalk}: the same text as every
 * other format) placed into the standard's sections, with an entry per field bound to a data
 * element. Elements the standard requires that the record cannot fill are left out and
 * reported as findings ({@code cda/missing-element}, {@code cda/missing-header},
 * {@code cda/unknown-code-system}). Immutable and thread-safe.
 */
public final class CdaExporter {

  private final Clock clock;
  private final CodeSystems systems;

  private CdaExporter(Clock clock, CodeSystems systems) {
    this.clock = clock;
    this.systems = systems;
  }

  /** An exporter with the system clock and the code systems EMRKit knows. */
  public static CdaExporter create() {
    return new CdaExporter(Clock.systemDefaultZone(), CodeSystems.shipped());
  }

  /** This exporter with the clock that stamps the document's time. */
  public CdaExporter withClock(Clock c) {
    return new CdaExporter(Objects.requireNonNull(c, "clock"), systems);
  }

  /** This exporter with these code systems (the shipped ones and the hospital's). */
  public CdaExporter withCodeSystems(CodeSystems s) {
    return new CdaExporter(clock, Objects.requireNonNull(s, "code systems"));
  }

  /** The document types that export, sorted. */
  public static Set<String> documentTypes() {
    return new TreeSet<>(Profiles.types());
  }

  /**
   * Exports a record filled from {@code template}.
   *
   * @throws RenderException {@code render/template-mismatch} for a record of another template,
   *     {@code cda/unknown-document-type} for a document type WS/T 500 has no document for,
   *     {@code render/character} at the value's pointer for a character the record reader
   *     refuses (a noncharacter, half a surrogate pair, a bidirectional control: only a record
   *     built through the API holds one)
   */
  public CdaExport export(Template template, Record record) {
    RenderException.refuseUnreadable(record.values(), "CDA");
    RecordWalk walk = RecordWalk.forRendering(template, record,
        RenderOptions.builder().clock(clock).build());
    Profiles.Document doc = Profiles.document(template.documentType())
        .orElseThrow(() -> new RenderException("cda/unknown-document-type", "/documentType",
            Message.of("文档类型 " + template.documentType() + " 没有对应的 WS/T 500 共享文档；可导出："
                + documentTypes(), "document type " + template.documentType()
                + " has no WS/T 500 shared document; these export: " + documentTypes()), null));
    Body body = new Body(walk.resolver());
    walk.body(body);
    Placement placement = new Placement(doc, body.top());
    List<Out> sections = placement.sections();
    List<Problem> findings = new ArrayList<>();
    header(record, body, findings);
    required(doc, placement, record, sections, body, findings);
    java.util.Map<String, String> unknown = new java.util.LinkedHashMap<>();
    Xml x = new Xml();
    x.root("ClinicalDocument");
    new Header(x).write(doc, record, OffsetDateTime.now(clock), body.signers(),
        placement.header());
    new CdaWriter(x, systems, unknown::putIfAbsent).body(sections, "基本信息");
    x.end();
    byte[] document = x.finish();
    for (var u : unknown.entrySet()) {
      String s = u.getKey();
      findings.add(Problem.of("cda/unknown-code-system", Severity.WARNING,
          Location.pointer(u.getValue()), Message.of(
              "代码系统 " + s + " 没有已知的 OID，其编码值以文本写出；请在 CodeSystems 中登记",
              "code system " + s + " has no known OID: its coded values are written as text;"
                  + " register it with CodeSystems")));
    }
    return new CdaExport(document, findings);
  }

  private static void header(Record r, Body body, List<Problem> findings) {
    var p = r.context().patient();
    missingHeader(p.mrn() == null, "/context/patient/mrn", "住院号", "inpatient number",
        findings);
    missingHeader(p.name() == null, "/context/patient/name", "患者姓名", "patient name",
        findings);
    missingHeader(r.context().encounter().admittedAt() == null,
        "/context/encounter/admittedAt", "入院日期时间", "admission time", findings);
    missingHeader(r.context().org().id() == null, "/context/org/id", "医疗机构编号",
        "organisation id", findings);
    missingHeader(body.signers().isEmpty(), "/signatures", "有效签名（文档作者与法定审核者）",
        "a valid signature (author and legal authenticator)", findings);
  }

  private static void missingHeader(boolean missing, String path, String zh, String en,
      List<Problem> findings) {
    if (missing) {
      findings.add(Problem.of("cda/missing-header", Severity.WARNING, Location.pointer(path),
          Message.of("WS/T 500 文档头要求" + zh + "，病历中没有", "the WS/T 500 header requires "
              + en + "; the record has none")));
    }
  }

  /**
   * Each element a section of the standard requires must have an entry there: from a field, or
   * from the record's context for the header times the standard repeats in the body; else a
   * finding at the field that was left empty, or at the template when no field is bound to it.
   */
  private static void required(Profiles.Document doc, Placement placement, Record r,
      List<Out> sections, Body body, List<Problem> findings) {
    for (SectionProfile s : doc.sections()) {
      Out out = sections.stream().filter(o -> o.profile() == s).findFirst().orElse(null);
      for (String element : s.elements()) {
        if (!s.required().contains(element) || (out != null && has(out, element))) {
          continue;
        }
        Entry fromContext = Profiles.source(element).flatMap(path -> r.context().lookup(path)
            .flatMap(v -> contextTime(element, path, v))).orElse(null);
        if (fromContext != null) {
          if (out == null) {
            out = new Out(s.code(), s.display(), s.title(), s, new ArrayList<>(),
                new ArrayList<>());
            sections.add(position(doc, sections, s), out);
          }
          out.items().add(fromContext);
          continue;
        }
        String path = body.empty().stream().filter(e -> e.element().equals(element)
            && placement.target(e.node(), element) == s).map(Body.Empty::pointer).findFirst()
            .orElse(null);
        findings.add(missing(doc, s, element, path, r));
      }
    }
  }

  /** A header time the context holds, as an entry (none when it is not a time with offset). */
  private static java.util.Optional<Entry> contextTime(String element, String path, String v) {
    try {
      OffsetDateTime t = OffsetDateTime.parse(v);
      String name = DataElements.names(element).map(DataElements.Names::zh).orElse(element);
      return java.util.Optional.of(new Entry(element, name, Body.contextPointer(path),
          org.emrkit.record.ValueText.dateTime(t), Typed.ts(t)));
    } catch (java.time.format.DateTimeParseException e) {
      return java.util.Optional.empty();
    }
  }

  /** Where a section of the standard goes among those written: in the standard's order. */
  private static int position(Profiles.Document doc, List<Out> sections, SectionProfile s) {
    int rank = doc.sections().indexOf(s);
    int at = 0;
    for (int i = 0; i < sections.size(); i++) {
      SectionProfile p = sections.get(i).profile();
      if (p != null && doc.sections().indexOf(p) > rank) {
        return i;
      }
      if (p != null || sections.get(i).title() == null) {
        at = i + 1;
      }
    }
    return at;
  }

  private static boolean has(Out out, String element) {
    for (Object item : out.items()) {
      for (Entry e : item instanceof Cluster c ? c.entries() : List.of((Entry) item)) {
        if (DataElements.root(e.element()).equals(element)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Problem missing(Profiles.Document doc, SectionProfile s, String element,
      String path, Record r) {
    String name = DataElements.names(element).map(DataElements.Names::zh).orElse(element);
    String en = DataElements.names(element).map(DataElements.Names::en).orElse(element);
    String where = "WS/T 500." + doc.part() + " " + doc.title() + "「" + s.title() + "」";
    String whereEn = "WS/T 500." + doc.part() + " section " + s.code();
    if (path != null) {
      return Problem.of("cda/missing-element", Severity.WARNING, Location.pointer(path),
          Message.of(where + "要求" + name + "（" + element + "），病历中此项为空",
              whereEn + " requires " + en + " (" + element + "); the record leaves it empty"));
    }
    return Problem.of("cda/missing-element", Severity.WARNING,
        Location.pointer("/template"), Message.of(where + "要求" + name + "（" + element
            + "），模板 " + r.template() + " 在此处没有绑定此数据元的字段（de=" + element + "）",
            whereEn + " requires " + en + " (" + element + "); template " + r.template()
                + " has no field bound to it there (de=" + element + ")"));
  }
}
