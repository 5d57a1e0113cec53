package org.emrkit.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.render.RenderOptions;
import org.emrkit.render.pdf.internal.ChineseLineBreaks;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.Orientation;
import org.emrkit.template.PageSetup;
import org.emrkit.template.Paper;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.testing.Seeds;
import org.junit.jupiter.api.Test;

/**
 * Chinese line breaking (禁则) across many text widths: no line starts with ，。、；：？！）」》 or
 * ends with （「《, in template text, in values, and where a value meets the template's
 * punctuation.
 */
class ChineseLineBreakTest {
  private static final String HAN = "患者胸闷三天加重伴气促夜间阵发性呼吸困难心电图示窦性心律";
  private static final String CLOSERS = "，。、；：？！）」》";
  private static final String OPENERS = "（「《";

  /** Text dense with punctuation, ending in a Han character: runs of Han characters, closers, openers, some digits. */
  static String text(SplittableRandom r, int length) {
    // a paragraph's first character is a Han character: nothing can move a mark it starts with
    StringBuilder b = new StringBuilder().append(HAN.charAt(r.nextInt(HAN.length())));
    while (b.length() < length) {
      int k = r.nextInt(10);
      if (k < 6) {
        b.append(HAN.charAt(r.nextInt(HAN.length())));
      } else if (k < 8) {
        b.append(CLOSERS.charAt(r.nextInt(CLOSERS.length())));
      } else if (k < 9) {
        b.append(OPENERS.charAt(r.nextInt(OPENERS.length())));
      } else {
        b.append(r.nextInt(100));
      }
    }
    return b.append(HAN.charAt(r.nextInt(HAN.length()))).toString();
  }

  @Test
  void noLineStartsWithAClosingMarkOrEndsWithAnOpeningOneAtAnyWidth() {
    Seeds.check("chinese line breaks", 12, random -> {
      String literal = text(random, 120);
      String value = text(random, 160);
      String after = CLOSERS.charAt(random.nextInt(CLOSERS.length())) + text(random, 40);
      List<String> lines = new ArrayList<>();
      // text widths from 150 mm down to 73 mm, in 7 mm steps
      for (int right = 20; right <= 97; right += 7) {
        Template t = Template.builder("breaks", "1.0.0", "折行")
            .page(new PageSetup(Paper.A4, Orientation.PORTRAIT, 20, right, 20, 25 + 15))
            .line(literal)
            .line(Field.builder("note", FieldType.TEXT), after)
            .build();
        Record base = Corpus.record("clean--progress-note.json",
            Corpus.template("progress-note"));
        Record rec = Record.draft("r-breaks", t, base.context())
            .withValues(Values.of(Map.of("note", new Value.Str(value))));
        byte[] pdf = PdfRendererTest.render(
            PdfRenderer.builder().options(RenderOptions.builder().clock(PdfRendererTest.CLOCK).build()).build(), t, rec);
        String all = String.join("\n", PdfRendererTest.pages(pdf));
        String joined = all.replace("\n", "").replace(" ", "");
        assertThat(joined).as("right margin %d", right)
            .contains(literal.replace(" ", ""), (value + after).replace(" ", ""));
        for (String line : all.split("\n")) {
          String s = line.strip();
          if (s.isEmpty()) {
            continue;
          }
          lines.add(s);
          assertThat(CLOSERS.indexOf(s.charAt(0))).as("line starts with a closing mark, right "
              + "margin %d mm: %s", right, s).isNegative();
          assertThat(OPENERS.indexOf(s.charAt(s.length() - 1))).as("line ends with an opening "
              + "mark, right margin %d mm: %s", right, s).isNegative();
        }
      }
      // the text really wrapped: many lines across the widths
      assertThat(lines.size()).isGreaterThan(15 * 4);
    });
  }

  @Test
  void theRuleSetsCoverTheStandardsMarks() {
    for (char c : CLOSERS.toCharArray()) {
      assertThat(ChineseLineBreaks.NO_LINE_START).contains(String.valueOf(c));
    }
    for (char c : OPENERS.toCharArray()) {
      assertThat(ChineseLineBreaks.NO_LINE_END).contains(String.valueOf(c));
    }
  }
}
