package org.emrkit.render.pdf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.Chunk;
import com.lowagie.text.pdf.BaseFont;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.emrkit.edit.EditSession;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.Role;
import org.emrkit.record.Value;
import org.emrkit.render.AmendmentPrint;
import org.emrkit.render.PrintMode;
import org.emrkit.render.PrintRequest;
import org.emrkit.render.RenderOptions;
import org.emrkit.render.pdf.PdfRenderer;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.testing.TestClock;
import org.junit.jupiter.api.Test;

/**
 * Each document's fonts are subsets of its own with their glyphs renumbered: no embedded font
 * carries the face's whole numbering (30,798 glyph slots in Noto Sans SC), every glyph drawn
 * has the widths of the whole font (the layout is the same), and a character the font check did
 * not foresee is still drawn, from the whole font.
 */
class FontSubsetTest {

  private static final Clock CLOCK = Clock.fixed(OffsetDateTime.parse("2026-11-28T12:00:00+08:00")
      .toInstant(), ZoneOffset.ofHours(8));
  private static final String[][] EXAMPLES = {
      {"admission-record", "clean--admission-record.json"},
      {"first-progress-note", "clean--first-progress-note.json"},
      {"progress-note", "clean--progress-note.json"},
      {"operation-record", "clean--operation-record.json"},
      {"discharge-record", "clean--discharge-record.json"},
      {"nursing-record", "clean--nursing-record.json"},
      {"front-page", "clean--front-page.json"}};

  /** Glyph slots of every font program a PDF embeds, by the font's name. */
  static Map<String, Integer> embeddedGlyphs(byte[] pdf) throws Exception {
    Map<String, Integer> out = new LinkedHashMap<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (COSObject o : doc.getDocument().getObjectsByType(COSName.FONT_DESC)) {
        COSDictionary d = (COSDictionary) o.getObject();
        COSStream file = d.getCOSStream(COSName.FONT_FILE2);
        assertThat(file).as("a TrueType program for " + d.getNameAsString(COSName.FONT_NAME))
            .isNotNull();
        byte[] bytes;
        try (var in = file.createInputStream()) {
          bytes = in.readAllBytes();
        }
        TrueTypeFont ttf = new TTFParser(true).parse(new RandomAccessReadBuffer(bytes));
        out.put(d.getNameAsString(COSName.FONT_NAME), ttf.getNumberOfGlyphs());
      }
    }
    return out;
  }

  /** A font file on the class path (the bundled faces, DejaVu's, OpenPDF's fallback). */
  private static byte[] resource(String path) throws java.io.IOException {
    try (var in = Fonts.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return in.readAllBytes();
    }
  }

  private static void assertRenumbered(String what, byte[] pdf) throws Exception {
    Map<String, Integer> glyphs = embeddedGlyphs(pdf);
    assertThat(glyphs).as(what).isNotEmpty();
    // the text of one record: a few hundred characters; a whole numbering is 6,000 and more
    glyphs.forEach((name, n) -> assertThat(n).as(what + ": " + name).isLessThan(1_500));
  }

  private static byte[] render(PdfRenderer r, Template t, Record rec) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    r.render(t, rec, out);
    return out.toByteArray();
  }

  @Test
  void everyExampleEmbedsRenumberedSubsetsOnly() throws Exception {
    PdfRenderer r = PdfRenderer.builder().options(RenderOptions.builder().clock(CLOCK)
        .watermark("仅供参考").printedBy("档案室").endMark(true).build()).build();
    for (String[] e : EXAMPLES) {
      Template t = Corpus.template(e[0]);
      assertRenumbered(e[0], render(r, t, Corpus.record(e[1], t)));
    }
  }

  @Test
  void boldRunsOfRichTextAreFoundForTheBoldSubset() throws Exception {
    Template t = Corpus.template("progress-note");
    Record rec = Corpus.record("clean--progress-note.json", t);
    org.emrkit.record.Values note = rec.values().rows("progressNotes").get(0)
        .with("content", new Value.Str("今日**胸闷骤然加重**，予硝酸甘油舌下含服后缓解。"));
    rec = rec.withValues(org.emrkit.record.Values.of(Map.of("progressNotes",
        new Value.Rows(List.of(note)))));
    PdfRenderer r = PdfRenderer.builder().options(RenderOptions.builder().clock(CLOCK).build())
        .build();
    byte[] pdf = render(r, t, rec);
    assertRenumbered("bold in a note", pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s", ""))
          .contains("胸闷骤然加重");
    }
  }

  @Test
  void printsAmendmentsAndSheetsAsPrintedEmbedRenumberedSubsetsOnly() throws Exception {
    Template t = Corpus.template("admission-record");
    Record clean = Corpus.record("clean--admission-record.json", t);
    EditSession s = EditSession.builder(t, clean, new Actor("u-2001", "钱锟", Role.ATTENDING))
        .clock(new TestClock("2026-11-21T09:00:00+08:00")).open();
    assertThat(s.set("/chiefComplaint", new Value.Str("反复胸痛伴气促5天"), "补充症状")
        .isApplied()).isTrue();
    Record amended = s.commit();
    PdfRenderer inline = PdfRenderer.builder().options(RenderOptions.builder().clock(CLOCK)
        .amendments(AmendmentPrint.INLINE).build()).build();
    byte[] traced = render(inline, t, amended);
    assertRenumbered("痕迹打印", traced);
    try (PDDocument doc = Loader.loadPDF(traced)) {
      assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s", ""))
          .contains("伴气促", "钱锟");
    }

    Template nursing = Corpus.template("nursing-record");
    TestClock clock = new TestClock("2026-11-30T08:00:00+08:00");
    PdfRenderer pdf = PdfRenderer.builder().options(RenderOptions.builder().clock(clock)
        .build()).build();
    Actor nurse = new Actor("u-3001", "赵芳", Role.NURSE);
    Record rec = Corpus.record("clean--nursing-record.json", nursing);
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    var outcome = pdf.print(nursing, rec, PrintRequest.of(PrintMode.ALL, nurse), first);
    assertRenumbered("打印", first.toByteArray());
    EditSession log = EditSession.builder(nursing, rec, nurse).clock(Clock.fixed(
        outcome.entry().at().toInstant(), outcome.entry().at().getOffset())).open();
    assertThat(log.recordPrint(outcome.entry()).isApplied()).isTrue();
    Record logged = log.commit();
    clock.advance(Duration.ofHours(1));
    ByteArrayOutputStream paper = new ByteArrayOutputStream();
    pdf.renderAsPrinted(nursing, logged, paper);
    assertRenumbered("as printed", paper.toByteArray());
  }

  @Test
  void aCharacterTheCheckDidNotFindIsDrawnFromTheWholeFont() {
    Fonts.Face regular = Fonts.notoRegular();
    Styles faces = new Styles(List.of(regular), List.of(Fonts.notoBold()));
    Glyphs glyphs = new Glyphs();
    glyphs.add("入院记录", false);
    Styles doc = faces.forDocument(glyphs);
    List<BaseFont> fonts = new ArrayList<>();
    for (Object o : doc.plain("入院病历", Styles.BODY).getChunks()) {
      fonts.add(((Chunk) o).getFont().getBaseFont());
    }
    // 入院 from the document's subset, 病历 (not foreseen) from the whole face
    assertThat(fonts).hasSize(2);
    assertThat(fonts.get(0)).isNotSameAs(regular.whole());
    assertThat(fonts.get(1)).isSameAs(regular.whole());
    assertThat(fonts.get(0).charExists('入')).isTrue();
    assertThat(fonts.get(0).charExists('病')).isFalse();
  }

  @Test
  void aSubsetHasTheCharactersAskedForWithTheWholeFontsWidths() {
    long seed = Long.getLong("seed", System.nanoTime());
    System.out.println("FontSubsetTest seed " + seed);
    Random random = new Random(seed);
    for (Fonts.Face face : List.of(Fonts.notoRegular(), Fonts.notoBold(), Fonts.symbols())) {
      BaseFont whole = face.whole();
      for (int round = 0; round < 5; round++) {
        BitSet asked = new BitSet();
        for (int i = 0; i < 300; i++) {
          // ASCII, CJK punctuation and ideographs, and anywhere in the plane
          int cp = switch (random.nextInt(4)) {
            case 0 -> 0x20 + random.nextInt(0x5F);
            case 1 -> 0x3000 + random.nextInt(0x40);
            case 2 -> 0x4E00 + random.nextInt(0x5200);
            default -> random.nextInt(0xFFFF);
          };
          if (!Character.isSurrogate((char) cp)) {
            asked.set(cp);
          }
        }
        BaseFont subset = face.subset(asked);
        for (int cp = 0; cp <= 0xFFFF; cp = cp < 0x3100 || asked.get(cp) ? cp + 1
            : Math.max(cp + 1, asked.nextSetBit(cp + 1) < 0 ? 0x10000 : asked.nextSetBit(cp + 1))) {
          boolean wanted = asked.get(cp) || cp == ' ' || cp == 0xA0 || cp == 0x3000;
          boolean has = face.has(cp) && wanted;
          assertThat(subset.charExists(cp)).as("seed %d, %s U+%04X", seed, face.name(), cp)
              .isEqualTo(has);
          if (has) {
            assertThat(subset.getWidth(cp)).as("seed %d, %s U+%04X", seed, face.name(), cp)
                .isEqualTo(whole.getWidth(cp));
          }
        }
      }
    }
  }

  @Test
  void everyCharacterIsDrawnInAFontThatHasItWhateverTheCheckFound() {
    long seed = Long.getLong("seed", System.nanoTime());
    System.out.println("FontSubsetTest drawn seed " + seed);
    Random random = new Random(seed);
    // spaces of several widths, CJK, Latin, symbols only DejaVu Sans has
    String pool = "入院记录主诉胸痛气促患者 \u3000\u2002\u2003\u00a0\t"
        + "abcXYZ0123456789，。：；☑☐℃²→";
    List<Fonts.Face> faces = List.of(Fonts.notoRegular(), Fonts.notoBold(), Fonts.symbols());
    for (int round = 0; round < 200; round++) {
      Glyphs seen = new Glyphs();
      seen.add(text(random, pool), random.nextBoolean());
      Styles doc = new Styles(List.of(Fonts.notoRegular()), List.of(Fonts.notoBold()))
          .forDocument(seen);
      String drawn = text(random, pool);
      boolean bold = random.nextBoolean();
      for (Object o : doc.phrase(drawn, bold, false, 0, Styles.BODY, java.awt.Color.BLACK)
          .getChunks()) {
        Chunk c = (Chunk) o;
        BaseFont f = c.getFont().getBaseFont();
        c.getContent().codePoints().forEach(cp -> {
          if (faces.stream().anyMatch(face -> face.has(cp))) {
            assertThat(f.charExists(cp)).as("seed %d: U+%04X of \"%s\" (noted: %s)", seed, cp,
                drawn, bold).isTrue();
          }
        });
      }
    }
  }

  private static String text(Random random, String pool) {
    StringBuilder out = new StringBuilder();
    for (int i = random.nextInt(12); i >= 0; i--) {
      out.append(pool.charAt(random.nextInt(pool.length())));
    }
    return out.toString();
  }

  @Test
  void subsetsMadeByManyThreadsAtOnceAreTheSubsetsMadeByOne() throws Exception {
    long seed = Long.getLong("seed", System.nanoTime());
    System.out.println("FontSubsetTest threads seed " + seed);
    Random random = new Random(seed);
    // Noto Sans SC, and DejaVu Sans, whose hinting tables the subsetter copies under FontBox's lock
    for (Fonts.Face face : List.of(Fonts.notoRegular(), Fonts.symbols())) {
      List<BitSet> asks = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        BitSet asked = new BitSet();
        for (int k = 0; k < 200; k++) {
          asked.set(random.nextBoolean() ? 0x4E00 + random.nextInt(0x5200)
              : 0x20 + random.nextInt(0x2600));
        }
        asks.add(asked);
      }
      List<byte[]> alone = asks.stream().map(face::subsetFile).toList();
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(8);
      try {
        List<java.util.concurrent.Future<byte[]>> together = new ArrayList<>();
        for (BitSet asked : asks) {
          together.add(pool.submit(() -> face.subsetFile(asked)));
        }
        for (int i = 0; i < asks.size(); i++) {
          assertThat(together.get(i).get()).as("seed %d, %s subset %d", seed, face.name(), i)
              .isEqualTo(alone.get(i));
        }
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void aFaceLetGoIsParsedAgainIntoTheSameSubsets() {
    Fonts.Face face = Fonts.notoBold();
    BitSet asked = new BitSet();
    "入院记录主诉现病史体格检查".chars().forEach(asked::set);
    byte[] before = face.subsetFile(asked);
    face.forgetParsed();
    assertThat(face.subsetFile(asked)).isEqualTo(before);
  }

  @Test
  void theCmapFontBoxIsGivenListsOneSubtableAndMapsEveryCharacterAsTheWholeCmapDid()
      throws Exception {
    // and Liberation Sans (OpenPDF's), whose cmap has Macintosh and Windows subtables
    for (String path : List.of("fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf",
        "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf",
        "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf",
        "font-fallback/LiberationSans-Regular.ttf")) {
      byte[] file = resource(path);
      TrueTypeFont whole = new TTFParser(true).parse(new RandomAccessReadBuffer(file.clone()));
      TrueTypeFont read = new TTFParser(true).parse(new RandomAccessReadBuffer(
          Fonts.unread(file.clone(), false)));
      assertThat(whole.getCmap().getCmaps().length).as(path).isGreaterThan(1);
      assertThat(read.getCmap().getCmaps()).as(path).hasSize(1);
      var before = whole.getUnicodeCmapLookup();
      var after = read.getUnicodeCmapLookup();
      int mapped = 0;
      for (int cp = 0; cp <= 0x10FFFF; cp++) {
        int gid = before.getGlyphId(cp);
        assertThat(after.getGlyphId(cp)).as("%s U+%04X", path, cp).isEqualTo(gid);
        mapped += gid != 0 ? 1 : 0;
      }
      assertThat(mapped).as(path).isGreaterThan(2_000);
    }
    // a cmap of one subtable, or one cut short, is left as it is
    byte[] cut = {0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 'c', 'm', 'a', 'p', 0, 0, 0, 0, 0, 0, 0,
        28, 0, 0, 0, 8, 0, 0, 0, 5};
    assertThat(Fonts.unread(cut.clone(), false)).isEqualTo(cut);
  }

  @Test
  void aHostFontsSubsetKeepsItsFixedPitchAndItalicAngle()
      throws Exception {
    byte[] mono = resource("net/sf/jasperreports/fonts/dejavu/DejaVuSansMono-Oblique.ttf");
    Template t = Corpus.template("admission-record");
    Record rec = Corpus.record("clean--admission-record.json", t);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRenderer.builder().options(RenderOptions.builder().clock(CLOCK).build())
        .font("DejaVuSansMono-Oblique", mono).build().render(t, rec, out);
    byte[] pdf = out.toByteArray();
    Map<String, float[]> described = new LinkedHashMap<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (COSObject o : doc.getDocument().getObjectsByType(COSName.FONT_DESC)) {
        COSDictionary d = (COSDictionary) o.getObject();
        String name = d.getNameAsString(COSName.FONT_NAME);
        // OpenPDF describes the font from the subset it was given (its own subset, embedded,
        // keeps no 'post' whatever it was given)
        described.put(name.substring(name.indexOf('+') + 1), new float[] {
            d.getFloat(COSName.ITALIC_ANGLE), d.getInt(COSName.FLAGS)});
      }
    }
    float[] host = described.get("DejaVuSansMono-Oblique");
    assertThat(host).as(described.keySet().toString()).isNotNull();
    assertThat(host[0]).as("italic angle").isEqualTo(-11f);
    assertThat((int) host[1] & 1).as("FixedPitch flag").isEqualTo(1);
    float[] noto = described.get("NotoSansSC-Regular");
    assertThat(noto[0]).isZero();
    assertThat((int) noto[1] & 1).isZero();
  }

  @Test
  void aHostFontThatIsNoFontIsRefusedWhenItIsRegistered() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PdfRenderer.builder()
        .font("坏字体", "not a TrueType file".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("坏字体");
  }

  @Test
  void theSubsetsOs2TableSaysItsVersionAndTheChecksumsHold() throws Exception {
    BitSet asked = new BitSet();
    "入院记录主诉现病史".chars().forEach(asked::set);
    BaseFont subset = Fonts.notoRegular().subset(asked);
    // OpenPDF read the cap height from the table after a short OS/2 table marked version 3
    assertThat(subset.getFontDescriptor(BaseFont.CAPHEIGHT, 1000)).isEqualTo(700f);

    org.apache.fontbox.ttf.TTFSubsetter s = new org.apache.fontbox.ttf.TTFSubsetter(
        new TTFParser().parse(new RandomAccessReadBuffer(Fonts.class.getClassLoader()
            .getResourceAsStream("fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf"))),
        List.of("head", "hhea", "maxp", "OS/2", "name", "cmap", "hmtx", "loca", "glyf", "post"));
    asked.stream().forEach(s::add);
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    s.writeToStream(raw);
    byte[] font = raw.toByteArray();
    ByteBuffer before = ByteBuffer.wrap(font.clone());
    ByteBuffer b = ByteBuffer.wrap(Fonts.os2Version0(font));
    int tables = b.getShort(4);
    boolean seen = false;
    for (int i = 0; i < tables; i++) {
      int entry = 12 + 16 * i;
      int offset = b.getInt(entry + 8);
      int length = b.getInt(entry + 12);
      if (b.getInt(entry) == 0x4F532F32) {
        seen = true;
        assertThat(before.getShort(offset)).as("FontBox's version").isGreaterThan((short) 1);
        assertThat(length).isEqualTo(78);
        assertThat(b.getShort(offset)).isZero();
      }
      if (b.getInt(entry) != 0x68656164) { // head's checksum is taken with its adjustment at 0
        assertThat(Fonts.checksum(b, offset, length)).as("table %d", i)
            .isEqualTo(b.getInt(entry + 4));
      }
    }
    assertThat(seen).isTrue();
    assertThat(Fonts.checksum(b, 0, font.length) & 0xFFFFFFFFL).isEqualTo(0xB1B0AFBAL);
  }
}
