package org.emrkit.render.docx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.emrkit.record.Record;
import org.emrkit.template.Template;

/**
 * Writes a record as a Word document (.docx, Office Open XML, through Apache POI XWPF) with the
 * same content and layout rules as the PDF: title, patient banner, sections as headings (Heading
 * 1–3 styles, so Word's navigation pane lists them), values in place (ValueText, units,
 * checkboxes ☑/☐, rich text with bold, italic, super- and subscript), tables with
 * {@code w:gridSpan} and {@code w:vMerge} (restart, then continue in placeholder cells), nested
 * tables, header rows marked {@code w:tblHeader} (repeated on every page), column widths on
 * {@code w:tblGrid}, repeating rows per record entry, hidden {@code when}/{@code if} content left
 * out, page size, orientation and margins, running header and footer with {@code PAGE} and
 * {@code NUMPAGES} fields, and an East Asian font on every run ({@code w:eastAsia}).
 *
 * <p>With {@link Builder#contentControls(boolean)} the document is an editable form: every field
 * is a Word content control ({@code w:sdt}) whose tag is the field as EMR Markdown writes it
 * ({@code chiefComplaint: text required maxLength=20}), of the kind that fits its type (plain
 * text, rich text, drop-down list, date picker, checkbox); sections, repeat groups and
 * conditional content are block-level content controls tagged with their EMR Markdown header,
 * tables carry their attributes in {@code w:tblCaption}, and the template's front matter and
 * value sets travel in a custom document property. {@link org.emrkit.docx.DocxImporter} reads such
 * a document back to an equal template, and any Word form to a template.
 *
 * <p>Immutable and thread-safe; build one with {@link #builder()}.
 */
public final class DocxRenderer {

  static {
    // A tab in an attribute (a content-control tag holding a label with a tab) would come back as
    // a space: XML parsers normalise white space in attribute values. Written as &#9; it stays a
    // tab. POI saves every part with these shared options, so this applies JVM-wide; a character
    // reference for a tab means the same to every XML reader.
    try {
      org.apache.xmlbeans.XmlOptionCharEscapeMap tabs =
          new org.apache.xmlbeans.XmlOptionCharEscapeMap();
      tabs.addMapping('\t', org.apache.xmlbeans.XmlOptionCharEscapeMap.DECIMAL);
      org.apache.poi.ooxml.POIXMLTypeLoader.DEFAULT_XML_OPTIONS.setSaveSubstituteCharacters(tabs);
    } catch (org.apache.xmlbeans.XmlException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Clock clock;
  private final boolean contentControls;
  private final boolean banner;
  private final String eastAsiaFont;
  private final String latinFont;
  private final boolean endMark;
  private final String printedBy;

  private DocxRenderer(Builder b) {
    this.clock = b.clock;
    this.contentControls = b.contentControls;
    this.banner = b.banner;
    this.eastAsiaFont = b.eastAsiaFont;
    this.latinFont = b.latinFont;
    this.endMark = b.endMark;
    this.printedBy = b.printedBy;
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Writes the record as .docx to {@code out} (not closed). */
  public void render(Template template, Record record, OutputStream out) throws IOException {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(record, "record");
    if (!record.template().matches(template)) {
      throw new IllegalArgumentException("record " + record.id() + " names template "
          + record.template() + ", not " + template.reference());
    }
    try (XWPFDocument doc = new XWPFDocument()) {
      new DocxWriter(doc, template, record, clock, contentControls, banner, eastAsiaFont,
          latinFont, endMark, printedBy).write();
      doc.write(out);
    }
  }

  /** The record as .docx bytes. */
  public byte[] render(Template template, Record record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      render(template, record, out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return out.toByteArray();
  }

  /** Configures a renderer. Not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemDefaultZone();
    private boolean contentControls;
    private boolean banner = true;
    private String eastAsiaFont = "宋体";
    private String latinFont = "Times New Roman";
    private boolean endMark;
    private String printedBy;

    private Builder() {}

    /** Whether to end the content with （以下空白）, as the PDF can. */
    public Builder endMark(boolean on) {
      this.endMark = on;
      return this;
    }

    /** A print stamp (打印人, 打印时间) as the last footer line, as the PDF can; or null. */
    public Builder printedBy(String name) {
      this.printedBy = name;
      return this;
    }

    /** The clock for calc fields and age in the banner. */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /** Whether fields are Word content controls, so the document is a re-importable form. */
    public Builder contentControls(boolean on) {
      this.contentControls = on;
      return this;
    }

    /** Whether to print the patient banner under the title (default true). */
    public Builder banner(boolean on) {
      this.banner = on;
      return this;
    }

    /**
     * The font for Chinese text (the {@code w:eastAsia} font of every run; default 宋体, which
     * Word and WPS on Chinese systems have; LibreOffice substitutes a CJK font it has).
     */
    public Builder eastAsiaFont(String name) {
      this.eastAsiaFont = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The font for Latin text and digits (default Times New Roman). */
    public Builder latinFont(String name) {
      this.latinFont = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The renderer. */
    public DocxRenderer build() {
      return new DocxRenderer(this);
    }
  }
}
