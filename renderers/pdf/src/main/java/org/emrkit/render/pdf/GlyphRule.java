package org.emrkit.render.pdf;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;
import org.emrkit.render.RecordWalk;
import org.emrkit.render.RenderOptions;
import org.emrkit.render.pdf.internal.FontCheck;
import org.emrkit.render.pdf.internal.Styles;
import org.emrkit.validation.RecordContext;
import org.emrkit.validation.RecordRule;
import org.emrkit.validation.Reporter;
import org.emrkit.validation.RuleInfo;

/**
 * {@code render/glyph}: characters no font of a PDF renderer has, found when the record is
 * validated rather than when it is printed. What the reader accepts (an emoji, a rare
 * character) must also print; with this rule in the validator, a record that would not is a
 * finding at its field, with the character and its code point.
 */
final class GlyphRule implements RecordRule {

  static final RuleInfo INFO = new RuleInfo("render/glyph", new Message("字符无法打印",
      "a character cannot be printed"), "EMRKit (PDF fonts)", Severity.ERROR, BigDecimal.ONE,
      false, Map.of(), new Message("“主诉”含无法打印的字符 𠀀（U+20000）",
      "主诉 has a character no font prints: 𠀀 (U+20000)"));

  private final Styles styles;
  private final RenderOptions options;

  GlyphRule(Styles styles, RenderOptions options) {
    this.styles = styles;
    this.options = options;
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext context, Reporter reporter) {
    RecordWalk walk = RecordWalk.forRendering(context.template(), context.record(), options);
    FontCheck check = new FontCheck(styles);
    walk.header(check);
    walk.body(check);
    walk.footer(check);
    for (Map.Entry<String, List<String>> e : check.missing().entrySet()) {
      String chars = String.join("", e.getValue());
      String codes = org.emrkit.render.pdf.internal.Fonts.codePoints(e.getValue());
      String at = e.getKey().startsWith("/") ? e.getKey() : "";
      reporter.report(at, new Message("含无法打印的字符 " + chars + "（" + codes + "，位于 "
          + e.getKey() + "）：没有字体包含它", "has characters no font prints: " + chars + " ("
          + codes + ", at " + e.getKey() + ")"));
    }
  }
}
