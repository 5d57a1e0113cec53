package org.emrkit.docx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.emrkit.problem.Severity;
import org.emrkit.template.Block;
import org.emrkit.template.Orientation;
import org.emrkit.template.PageSetup;
import org.emrkit.template.Paper;
import org.emrkit.template.Template;
import org.emrkit.template.ValueSet;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperty;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * Reads a Word form (.docx) as a {@link Template} plus diagnostics; never throws for bad input.
 *
 * <ul>
 *   <li>Headings (paragraph styles with an outline level, or named “heading N”) → sections;
 *       a Title-styled paragraph → the template heading; paragraphs → paragraphs, with bold,
 *       italic, super- and subscript runs, line breaks and PAGE / NUMPAGES fields.
 *   <li>Tables → tables: {@code w:gridSpan} and {@code w:vMerge} → spans, {@code w:tblHeader}
 *       rows → header rows, {@code w:tblGrid} → column widths, nested tables.
 *   <li>Content controls → fields named from the tag (or the title): plain text → text, rich
 *       text → richtext, drop-down list and combo box → choice (options from the list items; a
 *       value set when their values differ from their texts), date picker → date or datetime,
 *       checkbox → boolean. A tag that is a whole EMR Markdown field ({@code temp: decimal
 *       unit="℃"}) defines the field exactly; block controls tagged with an EMR Markdown heading,
 *       {@code repeat ...} or {@code if ...} are sections, repeat groups and conditional content
 *       (what {@code DocxRenderer} writes in form mode). Legacy form fields (FORMTEXT,
 *       FORMCHECKBOX, FORMDROPDOWN) are read too.
 *   <li>Literal {@code {{...}}} fields typed in the text are compiled as EMR Markdown fields.
 *   <li>Page header and footer → the template's running header and footer.
 * </ul>
 *
 * <p>What cannot be mapped (images, text boxes, equations, unsupported controls) is a diagnostic
 * naming the paragraph or table cell; nothing is dropped silently.
 *
 * <p><b>Hostile files.</b> Files over {@link Builder#maxBytes} are refused before unzipping.
 * {@link Builder#build()} sets POI's {@link ZipSecureFile} guards, JVM-wide (they are static in
 * POI, so they apply to every use of POI in the JVM; a host that needs other values sets its own
 * after building): an entry may not expand more than 100× ({@code minInflateRatio} 0.01; zip
 * bombs expand thousands of times), no entry over 64 MiB, no text part over 16 Mi characters, at
 * most 1,000 parts; and before POI opens the file, all parts together may not unzip to more than
 * {@link Builder#maxUnzippedBytes} (128 MiB) nor any XML part nest deeper than 256 elements
 * (POI's parser recurses). Macro-enabled documents (a {@code vbaProject} part, or the macro-enabled main content
 * type) are refused. XML with a DOCTYPE (external entities) is refused by POI's parser settings.
 * The walk is bounded in depth (24) and elements (200,000).
 */
public final class DocxImporter {

  /** The deepest XML nesting read (a Word document nests a few dozen deep). */
  static final int MAX_XML_DEPTH = 256;

  private final long maxBytes;
  private final long maxUnzippedBytes;

  private DocxImporter(Builder b) {
    this.maxBytes = b.maxBytes;
    this.maxUnzippedBytes = b.maxUnzippedBytes;
  }

  /**
   * Sets POI's JVM-wide zip guards to the importer's limits: an entry may not expand more than
   * 100×, no entry over 64 MiB, no text part over 16 Mi characters, at most 1,000 parts.
   * Idempotent; called by {@link Builder#build()}.
   */
  public static synchronized void applyPoiLimits() {
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
    ZipSecureFile.setMaxTextSize(16L * 1024 * 1024);
    ZipSecureFile.setMaxFileCount(1000);
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Options. */
  public static final class Builder {
    private long maxBytes = 32L * 1024 * 1024;
    private long maxUnzippedBytes = 128L * 1024 * 1024;

    private Builder() {}

    /** The most all parts together may unzip to (default 128 MiB). */
    public Builder maxUnzippedBytes(long bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxUnzippedBytes must be at least 1024");
      }
      this.maxUnzippedBytes = bytes;
      return this;
    }

    /** The largest file accepted (default 32 MiB). */
    public Builder maxBytes(long bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxBytes must be at least 1024");
      }
      this.maxBytes = bytes;
      return this;
    }

    /** The importer; sets POI's zip guards JVM-wide (see the class comment). */
    public DocxImporter build() {
      applyPoiLimits();
      return new DocxImporter(this);
    }
  }

  /** Reads a file. */
  public ImportResult read(Path file) {
    String name = file.getFileName().toString();
    try {
      if (Files.size(file) > maxBytes) {
        return failed(name, "docx/too-large", "文件过大(上限 " + maxBytes + " 字节)",
            "the file is larger than " + maxBytes + " bytes");
      }
      return read(Files.readAllBytes(file), name);
    } catch (IOException e) {
      return failed(name, "docx/unreadable", "无法读取文件：" + e.getMessage(),
          "cannot read the file: " + e.getMessage());
    }
  }

  /** Reads a document; {@code fileName} names it in diagnostics and gives the default id. */
  public ImportResult read(byte[] docx, String fileName) {
    Objects.requireNonNull(docx, "docx");
    Objects.requireNonNull(fileName, "fileName");
    if (docx.length > maxBytes) {
      return failed(fileName, "docx/too-large", "文件过大(上限 " + maxBytes + " 字节)",
          "the file is larger than " + maxBytes + " bytes");
    }
    ZipPrecheck.Problem bad = ZipPrecheck.check(docx, maxUnzippedBytes, MAX_XML_DEPTH);
    if (bad != null) {
      return failed(fileName, bad.code(), bad.zh(), bad.en());
    }
    List<ImportDiagnostic> diagnostics = new ArrayList<>();
    try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(docx))) {
      for (PackagePart part : pkg.getParts()) {
        String type = part.getContentType().toLowerCase(Locale.ROOT);
        if (type.contains("macroenabled") || type.contains("vbaproject")
            || part.getPartName().getName().toLowerCase(Locale.ROOT).contains("vbaproject")) {
          return failed(fileName, "docx/macros", "文档含宏(" + part.getPartName().getName()
              + ")，已拒绝", "the document contains macros (" + part.getPartName().getName()
              + "); refused");
        }
      }
      try (XWPFDocument doc = new XWPFDocument(pkg)) {
        return convert(doc, fileName, diagnostics);
      }
    } catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions
        .InvalidFormatException e) {
      String code = code(e);
      return switch (code) {
        case "docx/zip-bomb" -> failed(fileName, code, "文件解压后异常膨胀(疑似 zip 炸弹)，已拒绝",
            "the file expands far more than a Word document does (a zip bomb?); refused: "
                + reason(e));
        case "docx/too-many-parts" -> failed(fileName, code, "文档部件过多(上限 1000 个)，已拒绝",
            "the document has more than 1,000 parts; refused");
        case "docx/doctype" -> failed(fileName, code, "文档 XML 含 DOCTYPE(可能引用外部实体)，已拒绝",
            "the document's XML has a DOCTYPE (external entities?); refused");
        default -> failed(fileName, code, "无法作为 Word 文档读取：" + reason(e),
            "cannot be read as a Word document: " + reason(e));
      };
    }
  }

  private static String code(Throwable e) {
    String m = reason(e).toLowerCase(Locale.ROOT);
    if (m.contains("zip bomb") || m.contains("inflate")) {
      return "docx/zip-bomb";
    }
    if (m.matches(".*(too many|more internal file entries|max_file_count).*")) {
      return "docx/too-many-parts";
    }
    if (m.contains("doctype")) {
      return "docx/doctype";
    }
    return "docx/unreadable";
  }

  private static String reason(Throwable e) {
    Throwable t = e;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; t != null && i < 4; i++, t = t.getCause()) {
      if (t.getMessage() != null && sb.indexOf(t.getMessage()) < 0) {
        sb.append(sb.length() == 0 ? "" : ": ").append(t.getMessage());
      }
    }
    String s = sb.length() == 0 ? e.getClass().getSimpleName() : sb.toString();
    s = s.replaceAll("\\s+", " ");
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  private static ImportResult failed(String file, String code, String zh, String en) {
    return new ImportResult(null, List.of(new ImportDiagnostic(file, "file", Severity.ERROR,
        code, zh, en)));
  }

  private ImportResult convert(XWPFDocument doc, String fileName,
      List<ImportDiagnostic> diagnostics) throws IOException {
    String preamble = null;
    if (doc.getProperties().getCustomProperties().contains("emrkit-template")) {
      CTProperty p = doc.getProperties().getCustomProperties().getProperty("emrkit-template");
      preamble = p.getLpwstr();
    }
    boolean ours = preamble != null;
    if (!ours) {
      preamble = frontMatter(doc, fileName);
    }
    Dsl dsl = new Dsl(preamble);
    Template header;
    try {
      header = dsl.header();
    } catch (Dsl.Failure f) {
      diagnostics.add(new ImportDiagnostic(fileName, "document properties", Severity.WARNING,
          "docx/preamble", "文档属性中的模板信息无效，已忽略：" + f.zh,
          "the template information in the document properties is invalid and was ignored: "
              + f.en));
      dsl = new Dsl(frontMatter(doc, fileName));
      ours = false;
      try {
        header = dsl.header();
      } catch (Dsl.Failure again) {
        return new ImportResult(null, List.of(new ImportDiagnostic(fileName, "file",
            Severity.ERROR, "docx/preamble", again.zh, again.en)));
      }
    }
    return assemble(doc, fileName, diagnostics, dsl, header, ours);
  }

  /** Reads the body and page areas and makes the template with the header's front matter. */
  private ImportResult assemble(XWPFDocument doc, String fileName,
      List<ImportDiagnostic> diagnostics, Dsl dsl, Template header, boolean ours)
      throws IOException {
    FormReader reader = new FormReader(doc, dsl, fileName, diagnostics);
    List<Block> blocks = reader.body();
    XWPFHeaderFooterPolicy policy = doc.getHeaderFooterPolicy();
    XWPFHeader h = policy == null ? null : policy.getDefaultHeader();
    XWPFFooter f = policy == null ? null : policy.getDefaultFooter();
    List<Block> pageHeader = h == null ? List.of()
        : reader.area(WordXml.parse(h.getPackagePart()), "page header");
    List<Block> pageFooter = f == null ? List.of()
        : reader.area(WordXml.parse(f.getPackagePart()), "page footer");
    List<ValueSet> valueSets = new ArrayList<>(header.valueSets());
    if (!reader.valueSets().isEmpty()) {
      try {
        valueSets = dsl.header().valueSets();
      } catch (Dsl.Failure e) {
        throw new IllegalStateException("value sets the importer made do not compile", e);
      }
    }
    String heading = ours || header.heading() != null ? header.heading() : reader.title;
    if (diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
      return new ImportResult(null, diagnostics);
    }
    try {
      Template t = new Template(header.id(), header.version(), ours ? header.title()
          : heading != null ? heading : header.title(), heading, header.documentType(),
          header.department(), header.locale(), ours ? header.page() : page(doc),
          header.metadata(), valueSets, pageHeader, pageFooter, blocks);
      return new ImportResult(t, diagnostics);
    } catch (IllegalArgumentException e) {
      diagnostics.add(new ImportDiagnostic(fileName, "document", Severity.ERROR,
          "docx/template-invalid", "导入的模板无效：" + e.getMessage(),
          "the imported template is invalid: " + e.getMessage()));
      return new ImportResult(null, diagnostics);
    }
  }

  /** Front matter for a document EMRKit did not write: id from the file name. */
  private static String frontMatter(XWPFDocument doc, String fileName) {
    String base = fileName.replaceAll("(?i)\\.docx$", "").toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    String id = base.isEmpty() ? "imported-form" : base.length() > 60 ? base.substring(0, 60)
        : base;
    String title = doc.getProperties().getCoreProperties().getTitle();
    if (title == null || title.isBlank()) {
      title = fileName.replaceAll("(?i)\\.docx$", "");
    }
    return "---\nid: " + id + "\nversion: 1.0.0\ntitle: " + Controls.quote(title.strip())
        + "\n---\n";
  }

  /** Paper, orientation and margins from the body's section properties. */
  private static PageSetup page(XWPFDocument doc) {
    CTSectPr sp = doc.getDocument().getBody().getSectPr();
    if (sp == null || !sp.isSetPgSz()) {
      return PageSetup.DEFAULT;
    }
    double w = twips(sp.getPgSz().getW()) / 1440 * 25.4;
    double h = twips(sp.getPgSz().getH()) / 1440 * 25.4;
    Orientation o = w > h ? Orientation.LANDSCAPE : Orientation.PORTRAIT;
    Paper paper = Paper.A4;
    for (Paper p : Paper.values()) {
      if (Math.abs(p.widthMm() - Math.min(w, h)) < 2 && Math.abs(p.heightMm() - Math.max(w, h)) < 2) {
        paper = p;
      }
    }
    if (!sp.isSetPgMar()) {
      return PageSetup.of(paper, o);
    }
    var m = sp.getPgMar();
    return new PageSetup(paper, o, mm(m.getTop()), mm(m.getRight()), mm(m.getBottom()),
        mm(m.getLeft()));
  }

  private static double twips(Object v) {
    return v == null ? 0 : Double.parseDouble(v.toString());
  }

  private static double mm(Object twips) {
    double v = Math.abs(twips(twips)) / 1440 * 25.4;
    return Math.round(v * 10) / 10.0;
  }
}
