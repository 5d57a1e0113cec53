package org.emrkit.codelists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.emrkit.terminology.CodeEntry;
import org.emrkit.terminology.CodeTable;
import org.emrkit.terminology.Match;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading code lists from xlsx and CSV, with the host's layout, bad rows and bounds. */
class CodeListsTest {

  @TempDir
  Path dir;

  private static final CodeListSpec ICD = CodeListSpec.of("icd10-clinical|2.0",
      "ICD-10 国家临床版 2.0").columns("诊断编码", "诊断名称", "同义词");

  /** Writes rows (the first row is the header) to an .xlsx file, an empty title row above. */
  static Path xlsx(Path file, String sheet, List<String[]> rows) throws IOException {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(
        file)) {
      Sheet s = wb.createSheet(sheet);
      s.createRow(0).createCell(0).setCellValue("疾病分类与代码国家临床版2.0(示例)");
      for (int i = 0; i < rows.size(); i++) {
        Row r = s.createRow(i + 2); // row 2 (Excel's row 3) on; Excel's row 2 left blank
        for (int c = 0; c < rows.get(i).length; c++) {
          if (rows.get(i)[c] != null) {
            r.createCell(c).setCellValue(rows.get(i)[c]);
          }
        }
      }
      wb.write(out);
      wb.dispose();
    }
    return file;
  }

  @Test
  void anXlsxListIsReadByHeaderNamesOnTheNamedSheet() throws IOException {
    Path f = xlsx(dir.resolve("icd.xlsx"), "诊断", List.of(
        new String[] {"序号", "诊断编码", "诊断名称", "同义词"},
        new String[] {"1", "I20", "心绞痛", null},
        new String[] {"2", "I20.000", "不稳定型心绞痛", "不稳定性心绞痛|初发劳力型心绞痛"},
        new String[] {"3", "K35.800", "急性阑尾炎", ""}));
    CodeTable t = CodeLists.read(f, ICD.layout(3, "诊断")).table();
    assertThat(t.entries()).extracting(CodeEntry::code).containsExactly("I20", "I20.000",
        "K35.800");
    assertThat(t.find("I20.000")).hasValueSatisfying(e -> {
      assertThat(e.synonyms()).containsExactly("不稳定性心绞痛", "初发劳力型心绞痛");
      assertThat(e.category()).isFalse();
    });
    assertThat(t.find("I20").orElseThrow().category()).isTrue();
    assertThat(t.requiresFullCodes()).isTrue();
    assertThat(t.search("xjt", 5)).extracting(m -> m.entry().code())
        .containsExactly("I20", "I20.000");
    assertThatThrownBy(() -> CodeLists.read(f, ICD.layout(3, "手术")))
        .hasMessageContaining("no sheet named \"手术\"").hasMessageContaining("[诊断]");
  }

  @Test
  void aCsvListIsReadWithQuotesABomAndGb18030() throws IOException {
    String csv = "\uFEFF编码,名称,同义词\nI20.000,不稳定型心绞痛,\"不稳定性心绞痛|\"\n"
        + "\"I25.103\",\"冠状动脉粥样硬化性心脏病\",\"冠心病|冠状动脉性心脏病\"\n";
    Path utf8 = Files.writeString(dir.resolve("a.csv"), csv);
    CodeListSpec spec = ICD.columns("A", "名称", "3");
    assertThat(CodeLists.read(utf8, spec).table().find("I25.103").orElseThrow().synonyms())
        .containsExactly("冠心病", "冠状动脉性心脏病");
    Path gbk = Files.write(dir.resolve("b.csv"), csv.substring(1).getBytes(Charset.forName(
        "GB18030")));
    CodeListSpec gb = new CodeListSpec(spec.system(), spec.title(), "A", "B", List.of("C"), "|",
        1, null, Charset.forName("GB18030"), true, false);
    assertThat(CodeLists.read(gbk, gb).table().find("I20.000").orElseThrow().name())
        .isEqualTo("不稳定型心绞痛");
  }

  @Test
  void badRowsAreReportedWithTheirRowNumbersAndFailTheLoad() throws IOException {
    Path f = Files.writeString(dir.resolve("bad.csv"), "编码,名称\nI20.000,不稳定型心绞痛\n"
        + ",心绞痛\nI21.000,\nI20.000,重复\nI 22,空格\n\nK35.800,急性阑尾炎\n");
    CodeListSpec spec = ICD.columns("A", "B");
    assertThatThrownBy(() -> CodeLists.read(f, spec)).isInstanceOf(CodeListException.class)
        .satisfies(e -> assertThat(((CodeListException) e).problems())
            .extracting(RowProblem::row).containsExactly(3, 4, 5, 6))
        .hasMessageContaining("bad.csv: 4 bad row(s)")
        .hasMessageContaining("第 3 行：编码为空 / row 3: no code")
        .hasMessageContaining("第 4 行：编码 I21.000 没有名称")
        .hasMessageContaining("第 5 行：编码 I20.000 与第 2 行重复")
        .hasMessageContaining("第 6 行：编码 I 22 无效");
    CodeLists.Loaded skipped = CodeLists.read(f, spec.skippingBadRows());
    assertThat(skipped.table().size()).isEqualTo(2);
    assertThat(skipped.skipped()).extracting(RowProblem::row).containsExactly(3, 4, 5, 6);
  }

  @Test
  void xlsxRowNumbersAreTheOnesExcelShows() throws IOException {
    Path f = xlsx(dir.resolve("bad.xlsx"), "Sheet1", List.of(new String[] {"编码", "名称"},
        new String[] {"I20.000", "不稳定型心绞痛"}, new String[] {"I21.000", null}));
    assertThatThrownBy(() -> CodeLists.read(f, ICD.columns("A", "B").layout(3, null)))
        .hasMessageContaining("第 5 行：编码 I21.000 没有名称");
  }

  @Test
  void aMissingColumnOrAWrongFileIsNamed() throws IOException {
    Path f = Files.writeString(dir.resolve("c.csv"), "code,name\nA,b\n");
    assertThatThrownBy(() -> CodeLists.read(f, ICD)).hasMessageContaining(
        "no column headed \"诊断编码\"").hasMessageContaining("[\"code\", \"name\"]");
    Path notXlsx = Files.writeString(dir.resolve("d.xlsx"), "not a zip");
    assertThatThrownBy(() -> CodeLists.read(notXlsx, ICD)).hasMessageContaining(
        "not a readable .xlsx file");
    Path doc = Files.writeString(dir.resolve("e.doc"), "x");
    assertThatThrownBy(() -> CodeLists.read(doc, ICD)).hasMessageContaining("expected an .xlsx");
    Path empty = Files.writeString(dir.resolve("f.csv"), "诊断编码,诊断名称\n");
    assertThatThrownBy(() -> CodeLists.read(empty, ICD)).hasMessageContaining("no codes");
  }

  @Test
  void aStreamLargerThanTheBoundFailsRatherThanBeingCut() {
    InputStream endless = new InputStream() {
      private final byte[] row = "X,重复的一行\n".getBytes(StandardCharsets.UTF_8);
      private long n;

      @Override
      public int read() {
        return row[(int) (n++ % row.length)] & 0xFF;
      }
    };
    CodeListSpec spec = ICD.columns("A", "B").layout(0, null).skippingBadRows();
    assertThatThrownBy(() -> CodeLists.read(endless, "endless.csv", spec, Pinyin.readings()))
        .isInstanceOf(CodeListException.class).hasMessageContaining("larger than 64 MB");
  }

  /** A synthetic list shaped like the national one: 40,000 codes, names of 3 to 12 characters. */
  static List<String[]> synthetic(long seed, int n) {
    Random rnd = new Random(seed);
    String han = "心肺肝肾脑胃肠骨血管炎症癌瘤结石梗死出血感染综合征急慢性重度轻型不稳定型行长期伴有并发症"
        + "左右上下前后壁支气管动静脉硬化狭窄闭塞功能衰竭障碍损伤骨折脱位畸形囊肿息肉溃疡穿孔";
    java.util.List<String[]> rows = new java.util.ArrayList<>();
    rows.add(new String[] {"编码", "名称"});
    java.util.Set<String> codes = new java.util.HashSet<>();
    while (rows.size() <= n) {
      String code = (char) ('A' + rnd.nextInt(26)) + String.format("%02d.%03d", rnd.nextInt(100),
          rnd.nextInt(1000));
      if (!codes.add(code)) {
        continue;
      }
      StringBuilder name = new StringBuilder();
      for (int k = 3 + rnd.nextInt(10); k > 0; k--) {
        name.append(han.charAt(rnd.nextInt(han.length())));
      }
      rows.add(new String[] {code, name.toString()});
    }
    return rows;
  }

  @Test
  void aFortyThousandRowListLoadsFromXlsxAndCsvAlike() throws IOException {
    long seed = System.nanoTime();
    System.out.println("CodeListsTest seed " + seed);
    List<String[]> rows = synthetic(seed, 40_000);
    Path x = dir.resolve("big.xlsx");
    try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(x)) {
      Sheet s = wb.createSheet("Sheet1");
      for (int i = 0; i < rows.size(); i++) {
        Row r = s.createRow(i);
        r.createCell(0).setCellValue(rows.get(i)[0]);
        r.createCell(1).setCellValue(rows.get(i)[1]);
      }
      wb.write(out);
      wb.dispose();
    }
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    for (String[] r : rows) {
      csv.writeBytes((r[0] + "," + r[1] + "\n").getBytes(StandardCharsets.UTF_8));
    }
    CodeListSpec spec = CodeListSpec.of("synthetic|1", "synthetic");
    CodeTable fromXlsx = CodeLists.read(x, spec).table();
    CodeTable fromCsv = CodeLists.read(new ByteArrayInputStream(csv.toByteArray()), "big.csv",
        spec, Pinyin.readings()).table();
    assertThat(fromXlsx.size()).as("seed %d", seed).isEqualTo(40_000);
    assertThat(fromXlsx.entries()).isEqualTo(fromCsv.entries());
    String[] probe = rows.get(1 + new Random(seed).nextInt(40_000));
    List<Match> byCode = fromXlsx.search(probe[0], 5);
    assertThat(byCode.get(0).entry().name()).as("seed %d", seed).isEqualTo(probe[1]);
    assertThat(byCode.get(0).kind()).isEqualTo(Match.Kind.CODE);
  }

  /** A copy of an .xlsx file with one part's content replaced (or added). */
  static Path rewrite(Path xlsx, Path out, String part, byte[] content) throws IOException {
    try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(xlsx.toFile());
        java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(
            Files.newOutputStream(out))) {
      boolean done = false;
      for (var it = in.entries(); it.hasMoreElements(); ) {
        var e = it.nextElement();
        z.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        if (e.getName().equals(part)) {
          z.write(content);
          done = true;
        } else {
          z.write(in.getInputStream(e).readAllBytes());
        }
        z.closeEntry();
      }
      if (!done) {
        z.putNextEntry(new java.util.zip.ZipEntry(part));
        z.write(content);
        z.closeEntry();
      }
    }
    return out;
  }

  static byte[] sheet(String rows) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas."
        + "openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + rows
        + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void hostileSpreadsheetsFailWithTheFileNamedAndNothingLost() throws IOException {
    Path base = xlsx(dir.resolve("base.xlsx"), "Sheet1", List.of(new String[] {"编码", "名称"},
        new String[] {"I20.000", "不稳定型心绞痛"}));
    CodeListSpec spec = ICD.columns("A", "B").layout(0, null).skippingBadRows();
    // a row number past Excel's last row (it would be counted up to, one empty row at a time)
    Path far = rewrite(base, dir.resolve("far.xlsx"), "xl/worksheets/sheet1.xml", sheet(
        "<row r=\"2000000000\"><c r=\"A2000000000\" t=\"inlineStr\"><is><t>A</t></is></c></row>"));
    assertThatThrownBy(() -> CodeLists.read(far, spec)).isInstanceOf(CodeListException.class)
        .hasMessageContaining("far.xlsx: row 2000000000 is past Excel's last row 1048576");
    // cells without their reference, and out of order: each lands in its column
    Path odd = rewrite(base, dir.resolve("odd.xlsx"), "xl/worksheets/sheet1.xml", sheet(
        "<row r=\"1\"><c r=\"B1\" t=\"inlineStr\"><is><t>心绞痛</t></is></c><c r=\"A1\" "
        + "t=\"inlineStr\"><is><t>I20.900</t></is></c></row><row r=\"2\"><c t=\"inlineStr\"><is>"
        + "<t>K35.800</t></is></c><c t=\"inlineStr\"><is><t>急性阑尾炎</t></is></c></row>"
        + "<row r=\"3\"><c r=\"A3\" t=\"e\"><v>#N/A</v></c><c r=\"B3\" t=\"inlineStr\"><is>"
        + "<t>x</t></is></c></row><row r=\"4\"><c r=\"A4\"><v>123456789012</v></c>"
        + "<c r=\"B4\" t=\"inlineStr\"><is><t>长编码</t></is></c></row>"));
    CodeLists.Loaded l = CodeLists.read(odd, spec);
    assertThat(l.table().entries()).extracting(e -> e.code() + " " + e.name())
        .containsExactly("123456789012 长编码", "I20.900 心绞痛", "K35.800 急性阑尾炎");
    assertThat(l.skipped()).extracting(RowProblem::toString).containsExactly(
        "第 3 行：单元格是 Excel 错误值 #N/A / row 3: a cell holds the Excel error #N/A");
    // a shared-string table that would fill memory
    Path sst = rewrite(base, dir.resolve("sst.xlsx"), "xl/sharedStrings.xml",
        new byte[65 * 1024 * 1024]);
    assertThatThrownBy(() -> CodeLists.read(sst, spec)).hasMessageContaining(
        "sst.xlsx: unpacks to more than a 64 MB shared-string table");
    // a shared string that is not there
    Path missing = rewrite(base, dir.resolve("missing.xlsx"), "xl/worksheets/sheet1.xml",
        sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>99</v></c></row>"));
    assertThatThrownBy(() -> CodeLists.read(missing, spec)).isInstanceOf(CodeListException.class)
        .hasMessageContaining("missing.xlsx: not a readable .xlsx file");
  }

  @Test
  void hostileTextIsRefusedWithTheRowNotLoadedAsGarbage() throws IOException {
    Path gbk = Files.write(dir.resolve("gbk.csv"), "编码,名称\nI20.000,不稳定型心绞痛\n".getBytes(
        Charset.forName("GB18030")));
    assertThatThrownBy(() -> CodeLists.read(gbk, ICD.columns("A", "B")))
        .hasMessageContaining("gbk.csv: after row 0: not UTF-8 text")
        .hasMessageContaining("set \"encoding\": \"GB18030\"");
    Path invisible = Files.writeString(dir.resolve("inv.csv"), "编码,名称\nA01,甲\n"
        + "A01\u200B,乙\nA02,丙\u0000丁\nA\u00A003,戊\n");
    CodeLists.Loaded l = CodeLists.read(invisible, ICD.columns("A", "B").skippingBadRows());
    assertThat(l.table().size()).isEqualTo(1);
    assertThat(l.skipped()).extracting(RowProblem::row).containsExactly(3, 4, 5);
    assertThat(l.skipped().get(0).toString()).contains("A01U+200B");
    // a header that reads like a column reference is the header
    Path icd = Files.writeString(dir.resolve("icd.csv"), "名称,ICD\n心绞痛,I20.900\n");
    assertThat(CodeLists.read(icd, ICD.columns("ICD", "名称")).table().find("I20.900"))
        .isPresent();
    // every bad row is counted, though at most 100 are listed
    StringBuilder many = new StringBuilder("编码,名称\nA,甲\n");
    for (int i = 0; i < 150; i++) {
      many.append(",无编码\n");
    }
    CodeLists.Loaded m = CodeLists.read(Files.writeString(dir.resolve("many.csv"), many),
        ICD.columns("A", "B").skippingBadRows());
    assertThat(m.skippedCount()).isEqualTo(150);
    assertThat(m.skipped()).hasSize(CodeListException.MAX_REPORTED);
  }
}
