package org.emrkit.bench;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.XmpSerializer;
import org.emrkit.record.Record;
import org.emrkit.render.BannerItem;
import org.emrkit.render.CellView;
import org.emrkit.render.ParagraphView;
import org.emrkit.render.RecordWalk;
import org.emrkit.render.RenderOptions;
import org.emrkit.render.RowView;
import org.emrkit.render.Run;
import org.emrkit.render.SectionView;
import org.emrkit.render.TableView;
import org.emrkit.render.WalkTarget;
import org.emrkit.render.pdf.PdfRenderer;
import org.emrkit.template.Template;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * EMRKit's PDF against a floor, side by side in one run: the same content (the record's title,
 * section headings, paragraphs as their displayed text, every table with its rows, cells and
 * spans, nested tables nested) written with plain OpenPDF (the same Noto Sans SC files,
 * subset-embedded, OpenPDF's default settings, a running header and a 第 N 页 / 共 M 页 footer),
 * with and without a minimal PDFBox PDF/A pass (XMP identification and an sRGB output intent,
 * in memory). The floor's content is collected once in setup, so it measures writing only;
 * EMRKit's time includes its walk, font check and layout, which writes PDF/A-2b as it goes. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar FloorBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class FloorBenchmark {
  private static final Clock CLOCK = Clock.fixed(
      OffsetDateTime.parse("2026-11-28T12:00:00+08:00").toInstant(), ZoneOffset.ofHours(8));
  private static final String NOTO = "/fonts/ttf/NotoSansSC/NotoSansSC-";

  @Param({"admission", "hundred-pages"})
  public String record;

  private Template template;
  private Record rec;
  private PdfRenderer emrkit;
  private RenderOptions options;
  private List<Object> content;
  private String head;
  private BaseFont regular;
  private BaseFont bold;
  private byte[] srgb;
  // one serializer: making one looks the XML transformer factory up on the class path
  private final XmpSerializer xmpSerializer = new XmpSerializer();

  /** The record, EMRKit's renderer, and the floor's content and fonts; prints page counts. */
  @Setup
  public void setup() throws IOException {
    BenchCorpus.PdfCase pdfCase = BenchCorpus.PdfCase.of(record);
    template = pdfCase.template();
    rec = pdfCase.record();
    options = RenderOptions.builder().clock(CLOCK).build();
    emrkit = PdfRenderer.builder().options(options).build();
    RecordWalk walk = RecordWalk.forRendering(template, rec, options);
    Collector c = new Collector();
    walk.body(c);
    content = c.root;
    head = walk.documentTitle();
    regular = font("Regular");
    bold = font("Bold");
    srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    try (PDDocument a = Loader.loadPDF(emrkit()); PDDocument b = Loader.loadPDF(floorPdfA())) {
      System.out.printf("%n%s: EMRKit %d pages, floor %d pages%n", record,
          a.getNumberOfPages(), b.getNumberOfPages());
    }
  }

  private static BaseFont font(String face) throws IOException {
    try (InputStream in = FloorBenchmark.class.getResourceAsStream(NOTO + face + ".ttf")) {
      return BaseFont.createFont("NotoSansSC-" + face + ".ttf", BaseFont.IDENTITY_H,
          BaseFont.EMBEDDED, false, in.readAllBytes(), null);
    }
  }

  /** EMRKit: walk, font check, OpenPDF layout writing PDF/A-2b. */
  @Benchmark
  public byte[] emrkit() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    emrkit.render(template, rec, out);
    return out.toByteArray();
  }

  /** The floor: the same content with plain OpenPDF. */
  @Benchmark
  public byte[] floor() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeFloor(out);
    return out.toByteArray();
  }

  /** The floor, then a minimal PDF/A pass with PDFBox in memory. */
  @Benchmark
  public byte[] floorPdfA() throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    writeFloor(raw);
    return pdfA(raw);
  }

  /**
   * The floor with its fonts deflated at the fastest level, as EMRKit's are, then the minimal
   * PDF/A pass: what is left of EMRKit's lead when the floor makes the same choice.
   */
  @Benchmark
  public byte[] floorPdfAFastFonts() throws IOException {
    regular.setCompressionLevel(PdfStream.BEST_SPEED);
    bold.setCompressionLevel(PdfStream.BEST_SPEED);
    try {
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      writeFloor(raw);
      return pdfA(raw);
    } finally {
      regular.setCompressionLevel(PdfStream.DEFAULT_COMPRESSION);
      bold.setCompressionLevel(PdfStream.DEFAULT_COMPRESSION);
    }
  }

  private byte[] pdfA(ByteArrayOutputStream raw) throws IOException {
    try (PDDocument doc = Loader.loadPDF(raw.toByteArray())) {
      XMPMetadata xmp = XMPMetadata.createXMPMetadata();
      PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
      id.setPart(2);
      id.setConformance("B");
      ByteArrayOutputStream x = new ByteArrayOutputStream();
      xmpSerializer.serialize(xmp, x, true);
      PDMetadata metadata = new PDMetadata(doc);
      metadata.importXMPMetadata(x.toByteArray());
      doc.getDocumentCatalog().setMetadata(metadata);
      PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(srgb));
      intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
      doc.getDocumentCatalog().addOutputIntent(intent);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (javax.xml.transform.TransformerException | org.apache.xmpbox.type.BadFieldValueException e) {
      throw new IOException(e);
    }
  }

  private void writeFloor(OutputStream out) {
    Document document = new Document(PageSize.A4, 71, 57, 70, 70);
    PdfWriter writer = PdfWriter.getInstance(document, out);
    writer.setPdfVersion(PdfWriter.VERSION_1_7);
    writer.setFullCompression();
    writer.setPageEvent(new HeadAndFoot());
    document.open();
    for (Object block : content) {
      document.add(element(block));
    }
    document.close();
  }

  private Element element(Object block) {
    if (block instanceof Para p) {
      Paragraph para = new Paragraph(p.text, new Font(p.heading ? bold : regular,
          p.heading ? 11.5f : 10.5f));
      para.setLeading(16f);
      return para;
    }
    Tab t = (Tab) block;
    PdfPTable table = new PdfPTable(t.columns);
    table.setWidthPercentage(100);
    table.setHeaderRows(t.headerRows);
    table.setSplitLate(false);
    for (List<Cel> row : t.rows) {
      for (Cel c : row) {
        PdfPCell cell = new PdfPCell();
        cell.setColspan(c.colSpan);
        cell.setRowspan(c.rowSpan);
        for (Object inner : c.content) {
          cell.addElement(element(inner));
        }
        table.addCell(cell);
      }
    }
    return table;
  }

  /** The running header (the title) and the footer 第 N 页 / 共 M 页, the total at close. */
  private final class HeadAndFoot extends PdfPageEventHelper {
    private final List<PdfTemplate> totals = new ArrayList<>();

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      PdfContentByte cb = writer.getDirectContent();
      ColumnText.showTextAligned(cb, Element.ALIGN_CENTER, new Phrase(head,
          new Font(bold, 10.5f)), document.getPageSize().getWidth() / 2, 800, 0);
      cb.moveTo(71, 792);
      cb.lineTo(538, 792);
      cb.stroke();
      String page = "第 " + writer.getPageNumber() + " 页 / 共 ";
      Font small = new Font(regular, 8.5f);
      float w = regular.getWidthPoint(page, 8.5f);
      ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(page, small), 260, 40, 0);
      PdfTemplate total = cb.createTemplate(30, 12);
      totals.add(total);
      cb.addTemplate(total, 260 + w, 40);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
      String end = (writer.getPageNumber() - 1) + " 页";
      for (PdfTemplate t : totals) {
        ColumnText.showTextAligned(t, Element.ALIGN_LEFT, new Phrase(end,
            new Font(regular, 8.5f)), 0, 0, 0);
      }
    }
  }

  private record Para(String text, boolean heading) {}

  private record Tab(int columns, int headerRows, List<List<Cel>> rows) {}

  private record Cel(int rowSpan, int colSpan, List<Object> content) {}

  /** The body as plain blocks: the text of paragraphs, tables with their cells and spans. */
  private static final class Collector implements WalkTarget {
    final List<Object> root = new ArrayList<>();
    private final Deque<List<Object>> blocks = new ArrayDeque<>(List.of(root));
    private final Deque<Tab> tables = new ArrayDeque<>();

    @Override
    public void title(String title) {
      blocks.peek().add(new Para(title, true));
    }

    @Override
    public void banner(List<BannerItem> items) {
      StringBuilder line = new StringBuilder();
      items.forEach(i -> line.append(i.label()).append('：').append(i.value()).append("  "));
      blocks.peek().add(new Para(line.toString().strip(), false));
    }

    @Override
    public void startSection(SectionView s) {
      blocks.peek().add(new Para(s.section().title(), true));
    }

    @Override
    public void paragraph(ParagraphView p) {
      StringBuilder text = new StringBuilder();
      for (Run r : p.runs()) {
        if (r instanceof Run.TextRun t) {
          text.append(t.text().text());
        } else if (r instanceof Run.FieldRun f) {
          text.append(f.field().text());
          if (f.field().field().unit() != null) {
            text.append(' ').append(f.field().field().unit());
          }
        } else if (r instanceof Run.Break) {
          text.append('\n');
        }
      }
      blocks.peek().add(new Para(text.toString(), false));
    }

    @Override
    public void startTable(TableView t) {
      Tab tab = new Tab(t.table().columns(), t.table().headerRows(), new ArrayList<>());
      blocks.peek().add(tab);
      tables.push(tab);
    }

    @Override
    public void endTable(TableView t) {
      tables.pop();
    }

    @Override
    public void startRow(RowView r) {
      tables.peek().rows.add(new ArrayList<>());
    }

    @Override
    public void startCell(CellView c) {
      Cel cel = new Cel(c.cell().rowSpan(), c.cell().colSpan(), new ArrayList<>());
      List<List<Cel>> rows = tables.peek().rows;
      rows.get(rows.size() - 1).add(cel);
      blocks.push(cel.content);
    }

    @Override
    public void endCell(CellView c) {
      blocks.pop();
    }
  }
}
