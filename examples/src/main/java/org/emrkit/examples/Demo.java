package org.emrkit.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrkit.dsl.CompileResult;
import org.emrkit.dsl.TemplateCompiler;
import org.emrkit.edit.Anchor;
import org.emrkit.edit.AnchorLog;
import org.emrkit.edit.EditResult;
import org.emrkit.edit.EditSession;
import org.emrkit.edit.FileAnchorLog;
import org.emrkit.edit.RecordAudit;
import org.emrkit.json.ReadResult;
import org.emrkit.json.RecordJson;
import org.emrkit.json.TemplateJson;
import org.emrkit.json.TemplateResolver;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.Role;
import org.emrkit.record.Value;
import org.emrkit.render.AmendmentPrint;
import org.emrkit.render.RecordRenderer;
import org.emrkit.render.RecordWalk;
import org.emrkit.render.RenderFormat;
import org.emrkit.render.RenderFormats;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import org.emrkit.render.html.HtmlRenderer;
import org.emrkit.template.Template;
import org.emrkit.validation.ReportJson;
import org.emrkit.validation.ValidationReport;
import org.emrkit.validation.Validator;
import org.emrkit.validation.rules.FieldRules;
import org.emrkit.validation.rules.IntegrityPolicy;
import org.emrkit.validation.rules.IntegrityRules;
import org.emrkit.validation.rules.WritingStandardRules;

/**
 * The main job on the bundled examples: compile every template, validate every record (clean
 * ones and ones with typical defects) and one taken through an edit session, render each to HTML
 * (view and edit form), PDF and DOCX, and print what was written with each record's grade.
 */
final class Demo {

  private final PrintStream out;
  private final java.time.Clock clock;

  Demo(PrintStream out, java.time.Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  int run(Path dir) {
    long start = System.nanoTime();
    List<Template> templates = templates();
    writeTemplates(dir, templates);
    List<String> files = new ArrayList<>(recordFiles());
    AnchorLog anchors = anchors(dir);
    String sessionRecord = RecordJson.create().write(editSession(templates, anchors));
    files.add(EDIT_SESSION_FILE);
    String printedRecord = PrintDemo.run(dir, templates, anchors);
    files.add(PrintDemo.FILE);
    Outputs outputs = new Outputs(clock, anchors);
    List<String[]> rows = new ArrayList<>();
    int n = 0;
    for (String file : files) {
      n++;
      out.print("\r处理病历 processing records " + n + "/" + files.size() + " " + file + "        ");
      out.flush();
      Path src = dir.resolve("records").resolve(file);
      Cli.write(src, file.equals(EDIT_SESSION_FILE) ? sessionRecord
          : file.equals(PrintDemo.FILE) ? printedRecord : resource("/records/" + file));
      Record record = Inputs.record(src, templates, out);
      if (!file.equals(EDIT_SESSION_FILE) && !file.equals(PrintDemo.FILE)) {
        anchor(anchors, record); // as the archive would on arrival
      }
      rows.add(outputs.write(dir, file, record, templates));
    }
    out.print("\r" + " ".repeat(80) + "\r");
    InteropDemo.run(dir, Inputs.record(dir.resolve("records").resolve(EDIT_SESSION_FILE),
        templates, out), templates, out, clock);
    summary(rows, dir, start);
    return 0;
  }

  private void writeTemplates(Path dir, List<Template> templates) {
    List<String> names = templateFiles();
    for (int i = 0; i < templates.size(); i++) {
      Template t = templates.get(i);
      Cli.write(dir.resolve("templates").resolve(t.id() + ".json"), TemplateJson.create().write(t));
      Cli.write(dir.resolve("templates").resolve(names.get(i)),
          resource("/templates/" + names.get(i)));
    }
    out.println("模板 templates: " + templates.size() + " compiled → " + dir.resolve("templates"));
  }

  /** What the demo writes for each record: report, HTML view and form, PDF, DOCX. */
  private static final class Outputs {
    final Validator validator;
    final HtmlRenderer view;
    final HtmlRenderer edit;
    final RecordRenderer docx;
    final RecordRenderer pdf;
    final RecordRenderer tracedPdf;
    final HtmlRenderer tracedView;

    Outputs(java.time.Clock clock, AnchorLog anchors) {
      validator = Validator.builder().pack(FieldRules.pack()).pack(WritingStandardRules.pack())
        .pack(org.emrkit.validation.rules.FrontPageRules.pack())
          .pack(IntegrityRules.pack(IntegrityPolicy.strict(DemoKeys.verifier(), anchors)))
          .terminology(CodeLists.sample()).clock(clock).build();
      RenderOptions print = RenderOptions.builder().printedBy("EMRKit demo").endMark(true)
          .clock(clock).build();
      // the HTML view as the PDF and DOCX print: stamp and end mark too
      view = HtmlRenderer.builder().options(print).fullPage(true).build();
      edit = HtmlRenderer.builder().options(RenderOptions.builder().mode(RenderMode.FORM)
          .clock(clock).build()).fullPage(true).build();
      docx = format("docx").renderer(print);
      pdf = format("pdf").renderer(print);
      // 痕迹打印 for quality review and legal copies: amendments struck and put in, with who,
      // when and why, and a 修改记录 page for what no field shows
      RenderOptions traced = print.toBuilder().amendments(AmendmentPrint.INLINE).build();
      tracedPdf = format("pdf").renderer(traced);
      tracedView = HtmlRenderer.builder().options(traced).fullPage(true).build();
    }

    /** Writes the record's outputs; returns its row of the summary table. */
    String[] write(Path dir, String file, Record record, List<Template> templates) {
      String name = file.replace(".json", "");
      Template t = Inputs.templateOf(record, templates);
      ValidationReport report = validator.validate(t, record);
      Cli.write(dir.resolve("reports").resolve(name + ".txt"), report.toText());
      Cli.write(dir.resolve("reports").resolve(name + ".json"), ReportJson.write(report));
      Cli.write(dir.resolve("html").resolve(name + ".html"), view.render(t, record));
      Cli.write(dir.resolve("html").resolve(name + ".edit.html"), edit.render(t, record));
      file(dir.resolve("pdf").resolve(name + ".pdf"), pdf, t, record);
      file(dir.resolve("docx").resolve(name + ".docx"), docx, t, record);
      if (!RecordWalk.forRendering(t, record, RenderOptions.defaults()).amendments().isEmpty()) {
        file(dir.resolve("pdf").resolve(name + ".trace.pdf"), tracedPdf, t, record);
        Cli.write(dir.resolve("html").resolve(name + ".trace.html"), tracedView.render(t, record));
      }
      return new String[] {file, t.title(), report.score().toPlainString(),
          report.grade().label(), String.valueOf(report.findings().size())};
    }

    private static RenderFormat format(String name) {
      return RenderFormats.find(name).orElseThrow(() -> new IllegalStateException(
          "the " + name + " renderer is not on the class path"));
    }

    private static void file(Path f, RecordRenderer r, Template t,
        Record record) {
      try {
        Files.createDirectories(f.getParent());
      } catch (IOException e) {
        throw new UsageException("cannot write " + f + ": " + e.getMessage());
      }
      r.renderTo(t, record, f);
    }
  }

  private void summary(List<String[]> rows, Path dir, long start) {
    out.println();
    int[] widths = {42, 14, 6, 6, 8};
    out.println(Columns.row(widths, "病历 record", "类型 type", "评分", "等级", "问题数"));
    for (String[] r : rows) {
      out.println(Columns.row(widths, r));
    }
    out.println();
    out.println("写入 written to " + dir.toAbsolutePath().normalize() + ":");
    out.println("  templates/  compiled template JSON (and the .emr.md sources)");
    out.println("  records/    the record JSON (" + EDIT_SESSION_FILE + ": written, countersigned,");
    out.println("              amended with a reason, archived through an edit session)");
    out.println("  reports/    validation reports (.txt, .json)");
    out.println("  html/       print views (.html), edit forms (.edit.html), 痕迹打印 (.trace.html)");
    out.println("  pdf/        PDF files (.trace.pdf: 痕迹打印 of an amended record;");
    out.println("              nursing-record.print-1.pdf, .print-2-continued.pdf: a sheet printed,");
    out.println("              then 续打 of the night's rows onto it, both logged in " + PrintDemo.FILE
        + ";");
    out.println("              .as-printed.pdf: the sheets as they stand)");
    out.println("  docx/       Word documents");
    out.println("  interop/    the edit session's 入院记录 as a WS/T 500 CDA document and a FHIR");
    out.println("              QuestionnaireResponse; its template as a FHIR Questionnaire");
    out.printf("用时 done in %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  static final String EDIT_SESSION_FILE = "admission-record.edit-session.json";

  /** The demo's anchor log, {@code DIR/anchors.jsonl}, begun afresh by each run. */
  private static AnchorLog anchors(Path dir) {
    Path file = dir.resolve("anchors.jsonl");
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UsageException("cannot write " + file + ": " + e.getMessage());
    }
    return new FileAnchorLog(file);
  }

  private void anchor(AnchorLog anchors, Record r) {
    RecordAudit.head(r).ifPresent(h -> anchors.append(new Anchor(r.id(), RecordAudit.length(r),
        h, java.time.OffsetDateTime.now(clock), null)));
  }

  /**
   * The bundled 入院记录 taken through an edit session: written by the resident and signed,
   * countersigned by the attending, amended by the attending with a reason after signing (which
   * supersedes both signatures) and signed again, then archived by the records office.
   */
  static Record editSession(List<Template> templates, AnchorLog anchors) {
    Template t = templates.stream().filter(x -> x.id().equals("admission-record")).findFirst()
        .orElseThrow();
    Record bundled = RecordJson.create().read(resource("/records/admission-record.json"), t)
        .orElseThrow();
    Record draft = new Record("R-1-edit-session", bundled.template(), null,
        org.emrkit.record.RecordStatus.DRAFT, bundled.context(),
        bundled.values().without("residentSignature").without("attendingSignature"),
        bundled.completedAt(), List.of(), List.of(), "{}");
    java.time.Instant written = bundled.completedAt().toInstant();
    java.time.ZoneId cst = java.time.ZoneOffset.ofHours(8);
    java.util.function.Function<java.time.Duration, java.time.Clock> at =
        d -> java.time.Clock.fixed(written.plus(d), cst);
    Actor resident = Editor.STAFF.get(Role.RESIDENT);
    Actor attending = Editor.STAFF.get(Role.ATTENDING);
    java.util.function.BiFunction<Record, Actor, EditSession.Builder> session =
        (r, a) -> EditSession.builder(t, r, a).signingService(DemoKeys.signing())
            .anchors(anchors);
    EditSession write = session.apply(draft, resident).clock(at.apply(
        java.time.Duration.ofMinutes(-20))).open();
    expect(write.set("/specialExam", new Value.Str("心律齐，心率78次/分，各瓣膜听诊区未闻及杂音。")));
    write.commit();
    EditSession sign = session.apply(write.record(), resident)
        .clock(at.apply(java.time.Duration.ofMinutes(5))).open();
    expect(sign.sign(""));
    EditSession review = session.apply(sign.commit(), attending)
        .clock(at.apply(java.time.Duration.ofHours(12))).open();
    expect(review.sign(""));
    EditSession amend = session.apply(review.commit(), attending)
        .clock(at.apply(java.time.Duration.ofHours(13))).open();
    expect(amend.set("/auxiliaryExam", new Value.Str("心电图：窦性心律，V4-V6导联ST段压低0.1mV。"
        + "肌钙蛋白I 0.02ng/ml。"), "补充辅助检查结果"));
    expect(amend.sign(""));
    EditSession archive = session.apply(amend.commit(), Editor.STAFF.get(Role.QC))
        .clock(at.apply(java.time.Duration.ofDays(3))).open();
    expect(archive.archive());
    return archive.commit();
  }

  private static void expect(EditResult r) {
    if (!r.isApplied()) {
      throw new IllegalStateException("the demo edit session was refused: " + r.refusal());
    }
  }

  /** The bundled example templates, compiled (in {@code templates/index.txt} order). */
  static List<Template> templates() {
    List<Template> templates = new ArrayList<>();
    TemplateCompiler compiler = TemplateCompiler.builder().build();
    for (String name : templateFiles()) {
      CompileResult r = compiler.compile(resource("/templates/" + name), name);
      if (r.hasErrors()) {
        throw new UsageException("bundled template " + name + " does not compile:\n"
            + r.report());
      }
      templates.add(r.orElseThrow());
    }
    return templates;
  }

  /** The bundled example records, read against the bundled templates, by file name. */
  static Map<String, Record> records(List<Template> templates) {
    Map<String, Record> out = new LinkedHashMap<>();
    TemplateResolver resolver = TemplateResolver.of(templates.toArray(Template[]::new));
    for (String file : recordFiles()) {
      ReadResult<Record> r = RecordJson.create().read(resource("/records/" + file), resolver);
      out.put(file.replace(".json", ""), r.get().orElseThrow(() -> new UsageException(
          "bundled record " + file + " does not read: " + r.errors())));
    }
    return out;
  }

  private static List<String> templateFiles() {
    return List.of(resource("/templates/index.txt").strip().split("\n"));
  }

  private static List<String> recordFiles() {
    List<String> files = new ArrayList<>();
    for (String line : resource("/records/index.json").split("\n")) {
      int f = line.indexOf("\"file\": \"");
      if (f >= 0) {
        files.add(line.substring(f + 9, line.indexOf('"', f + 9)));
      }
    }
    return files;
  }

  static String resource(String name) {
    try (InputStream in = Demo.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new UsageException("bundled resource missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read bundled " + name + ": " + e.getMessage());
    }
  }
}
