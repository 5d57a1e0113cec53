package org.emrkit.render.docx;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.VerticalAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.emrkit.template.Orientation;
import org.emrkit.template.PageSetup;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The typography of a Word document EMRKit writes: its fonts (Latin and East Asian on every
 * run), styles (Title, Heading 1–3), runs with bold, italic, super- and subscript, and the page
 * setup. Package-private.
 */
final class WordRuns {

  static final int BODY_HALF_POINTS = 21;

  private final String latin;
  private final String eastAsia;

  WordRuns(String latin, String eastAsia) {
    this.latin = latin;
    this.eastAsia = eastAsia;
  }

  /**
   * The banner's items packed into lines that fit {@code room} twips, so that Word never breaks a
   * line inside an item ("住院" / "号：ZY0012345"): widths by {@link
   * org.emrkit.render.ColumnWidths#ems}, which overestimates every font in use; {@code em} is the
   * text's size in twips.
   */
  static List<String> bannerLines(List<org.emrkit.render.BannerItem> items, double room,
      double em) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    double used = 0;
    for (org.emrkit.render.BannerItem i : items) {
      String item = i.label() + "：" + i.value();
      double w = org.emrkit.render.ColumnWidths.ems(item) * em;
      if (line.length() > 0 && used + 2 * em + w > room) {
        lines.add(line.toString());
        line.setLength(0);
        used = 0;
      }
      if (line.length() > 0) {
        line.append("　　");
        used += 2 * em;
      }
      line.append(item);
      used += w;
    }
    lines.add(line.toString());
    return lines;
  }

  static int twips(double mm) {
    return (int) Math.round(mm / 25.4 * 1440);
  }

  XWPFRun run(XWPFParagraph p, String text, boolean bold, boolean italic, int script,
      int halfPoints) {
    return runIn(p.createRun(), text, bold, italic, script, halfPoints);
  }

  XWPFRun runIn(XWPFRun r, String text, boolean bold, boolean italic, int script,
      int halfPoints) {
    fonts(r, halfPoints);
    if (bold) {
      r.setBold(true);
    }
    if (italic) {
      r.setItalic(true);
    }
    if (script != 0) {
      r.setSubscript(script > 0 ? VerticalAlign.SUPERSCRIPT : VerticalAlign.SUBSCRIPT);
    }
    // a line break in the text is a break in the run: Word shows a line feed inside w:t as a
    // space (a multi-line text printed on one line); control characters are left out
    String[] lines = org.emrkit.record.ValueText.lines(org.emrkit.record.ValueText.printable(text));
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        r.addBreak();
      }
      if (!lines[i].isEmpty()) {
        r.setText(lines[i]);
      }
    }
    return r;
  }

  void fonts(XWPFRun r, int halfPoints) {
    CTRPr pr = r.getCTR().isSetRPr() ? r.getCTR().getRPr() : r.getCTR().addNewRPr();
    CTFonts f = pr.sizeOfRFontsArray() > 0 ? pr.getRFontsArray(0) : pr.addNewRFonts();
    f.setAscii(latin);
    f.setHAnsi(latin);
    f.setEastAsia(eastAsia);
    r.setFontSize(halfPoints / 2.0);
  }

  /** The default fonts and the Title and Heading 1–3 styles. */
  void styles(XWPFDocument doc) {
    XWPFStyles styles = doc.createStyles();
    CTFonts fonts = CTFonts.Factory.newInstance();
    fonts.setAscii(latin);
    fonts.setHAnsi(latin);
    fonts.setEastAsia(eastAsia);
    styles.setDefaultFonts(fonts);
    styles.setEastAsia("zh-CN");
    style(styles, "Title", "Title", -1, 32);
    for (int i = 1; i <= 3; i++) {
      style(styles, "Heading" + i, "heading " + i, i - 1, i == 1 ? 24 : 22);
    }
  }

  private static void style(XWPFStyles styles, String id, String name, int outline,
      int halfPoints) {
    CTStyle s = CTStyle.Factory.newInstance();
    s.setStyleId(id);
    s.setType(STStyleType.PARAGRAPH);
    s.addNewName().setVal(name);
    s.addNewNext().setVal("Normal");
    s.addNewQFormat();
    CTPPrGeneral ppr = s.addNewPPr();
    ppr.addNewKeepNext();
    if (outline >= 0) {
      ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
      ppr.addNewSpacing().setBefore(BigInteger.valueOf(120));
    }
    CTRPr rpr = s.addNewRPr();
    rpr.addNewB();
    rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
    styles.addStyle(new XWPFStyle(s, styles));
  }

  /** Paper size, orientation, margins and header/footer distances. */
  static void page(CTBody body, PageSetup page) {
    CTSectPr sp = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
    CTPageSz size = sp.isSetPgSz() ? sp.getPgSz() : sp.addNewPgSz();
    size.setW(BigInteger.valueOf(twips(page.widthMm())));
    size.setH(BigInteger.valueOf(twips(page.heightMm())));
    if (page.orientation() == Orientation.LANDSCAPE) {
      size.setOrient(STPageOrientation.LANDSCAPE);
    }
    CTPageMar m = sp.isSetPgMar() ? sp.getPgMar() : sp.addNewPgMar();
    m.setTop(BigInteger.valueOf(twips(page.marginTopMm())));
    m.setBottom(BigInteger.valueOf(twips(page.marginBottomMm())));
    m.setLeft(BigInteger.valueOf(twips(page.marginLeftMm())));
    m.setRight(BigInteger.valueOf(twips(page.marginRightMm())));
    m.setHeader(BigInteger.valueOf(twips(Math.min(10, page.marginTopMm() / 2))));
    m.setFooter(BigInteger.valueOf(twips(Math.min(10, page.marginBottomMm() / 2))));
  }

  /** The options of a choice field: code and display. */
  static List<String[]> options(org.emrkit.template.Template template,
      org.emrkit.template.Field f) {
    List<String[]> out = new java.util.ArrayList<>();
    if (f.valueSet() != null) {
      template.valueSet(f.valueSet().id()).ifPresent(vs -> vs.concepts().forEach(c ->
          out.add(new String[] {c.code(), c.display()})));
    } else {
      f.options().forEach(o -> out.add(new String[] {o, o}));
    }
    return out;
  }
}
