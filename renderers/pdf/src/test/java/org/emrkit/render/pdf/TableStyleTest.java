package org.emrkit.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.emrkit.record.Context;
import org.emrkit.record.Record;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Table;
import org.emrkit.template.TableStyle;
import org.emrkit.template.Template;
import org.junit.jupiter.api.Test;

/** A table's style prints: its font size, its columns' alignment, bold header cells. */
class TableStyleTest {

  /** Each text run the page shows: its text, left edge and font size. */
  record Shown(String text, float x, float size, String font) {}

  static List<Shown> shown(byte[] pdf) throws IOException {
    List<Shown> out = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper s = new PDFTextStripper() {
        @Override
        protected void writeString(String text, List<TextPosition> positions) {
          TextPosition first = positions.get(0);
          out.add(new Shown(text.strip(), first.getXDirAdj(), first.getFontSizeInPt(),
              first.getFont().getName()));
        }
      };
      s.getText(doc);
    }
    return out;
  }

  static Shown find(List<Shown> all, String text) {
    return all.stream().filter(s -> s.text().equals(text)).findFirst().orElseThrow(
        () -> new AssertionError(text + " not on the page: " + all));
  }

  @Test
  void aStyledTablePrintsInItsSizeAlignedWithABoldHeader() throws IOException {
    Table styled = Table.builder(3, 2).headerRows(1).cell(0, 0, "日期").cell(0, 1, "脉搏")
        .cell(1, 0, "11-20").cell(1, 1, "78").cell(2, 0, "11-21").cell(2, 1, "102").build()
        .withStyle(new TableStyle(true, true, 9.0, List.of(TableStyle.Align.LEFT,
            TableStyle.Align.RIGHT)));
    Table plain = Table.builder(1, 2).cell(0, 0, "白细胞").cell(0, 1, "5.6").build();
    Template t = Template.builder("s", "1.0.0", "样式").table(styled).table(plain).build();
    List<Shown> all = shown(PdfRendererTest.render(PdfRenderer.builder().options(
        RenderOptions.builder().clock(PdfRendererTest.CLOCK).build()).build(), t,
        Record.draft("R-1", t, Context.EMPTY)));
    // PDFBox reads sizes to the point: 9 in the styled table, 10.5 (read as 10 or 11) elsewhere
    assertThat(find(all, "78").size()).isEqualTo(9f);
    assertThat(find(all, "白细胞").size()).isGreaterThanOrEqualTo(10f);
    // right-aligned: the shorter number starts further right; left-aligned dates start together
    assertThat(find(all, "78").x()).isGreaterThan(find(all, "102").x() + 2);
    assertThat(find(all, "11-20").x()).isEqualTo(find(all, "11-21").x());
    assertThat(find(all, "日期").font()).containsIgnoringCase("bold");
    assertThat(find(all, "11-20").font()).doesNotContainIgnoringCase("bold");
  }
}
