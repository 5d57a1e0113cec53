package org.emrkit.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.emrkit.testing.RandomTemplates;
import org.emrkit.testing.Samples;
import org.emrkit.testing.Seeds;
import org.junit.jupiter.api.Test;

/**
 * A control character in a template's source, typed or as a character reference, is an error at
 * its line and column, before anything else is read: over random templates with one put at a
 * random place (seeded; the seed is printed), and the text without it compiling clean.
 */
class ControlCharacterTest {

  private static final TemplateCompiler COMPILER = TemplateCompiler.builder().build();
  private static final List<String> CONTROLS = List.of("\u0000", "\u0007", "\u000B", "\f",
      "\u001B", "\u007F", "\u0085", "\u009F", "\uFFFE", "\uFFFF", "\uD800", "\uDC00",
      "&#7;", "&#x1B;", "&#X0b;", "&#127;", "&#x85;", "&#65535;", "&#10;", "&#x0D;", "&#0;",
      // eight digits, as flexmark reads them; a named line feed; what the record reader refuses
      "&#00000010;", "&#x0000000A;", "&NewLine;", "&#xD800;", "&#x202E;", "\u202E", "\u2066",
      "&#xFDD0;", "\uFDD0", "&#x1FFFE;", "\uD83F\uDFFE", "&#x110000;", "&#1114112;");
  private static final List<String> ALLOWED = List.of("𠮷", "&#9;", "&#32;", "\u00A0",
      "\u3000", "&#x1F600;", "&#x200B;", "&#000000010;");

  @Test
  void oneAtARandomPlaceIsAnErrorThere() {
    Seeds.check("a control character in a template", 60, ControlCharacterTest::check);
  }

  private static void check(SplittableRandom r) {
    String text = TemplateDecompiler.decompile(r.nextInt(4) == 0 ? Samples.admission()
        : RandomTemplates.template(r));
    assertThat(COMPILER.compile(text, "t.emr.md").errors()).as("the text as it is").isEmpty();
    int at = r.nextInt(text.length() + 1);
    if (at > 0 && Character.isHighSurrogate(text.charAt(at - 1))) {
      at--; // not between the halves of a pair
    }
    String control = CONTROLS.get(r.nextInt(CONTROLS.size()));
    String bad = text.substring(0, at) + control + text.substring(at);
    int line = 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
    int column = at - (text.lastIndexOf('\n', at - 1) + 1) + 1;
    CompileResult result = COMPILER.compile(bad, "t.emr.md");
    assertThat(result.get()).isEmpty();
    assertThat(result.report()).as("%s at %d:%d", control, line, column)
        .matches("(?s)t\\.emr\\.md:" + line + ":" + column
            + ": error dsl/(control-)?character: .*");
    assertThat(result.diagnostics()).hasSize(1);
    String allowed = ALLOWED.get(r.nextInt(ALLOWED.size()));
    assertThat(COMPILER.compile(text.substring(0, at) + allowed + text.substring(at), "t.emr.md")
        .diagnostics()).as("%s at %d:%d", allowed, line, column)
        .noneMatch(d -> d.code().startsWith("dsl/control-character")
            || d.code().equals("dsl/character"));
  }

  @Test
  void theMessageNamesTheCharacterAndTheFix() {
    CompileResult typed = COMPILER.compile("---\nid: t\nversion: 1.0.0\ntitle: T\u0007\n---\n",
        "t.emr.md");
    assertThat(typed.report()).isEqualTo("t.emr.md:4:9: error dsl/control-character: "
        + "这里有控制字符 U+0007：看不见，却会进入模板的文字，Word 和 CDA 导出无法容纳；请删除它"
        + "(control character U+0007: invisible, it would pass into the template's text,"
        + " which Word and CDA exports cannot hold; delete it)");
    CompileResult reference = COMPILER.compile("---\nid: t\nversion: 1.0.0\ntitle: T\n---\n\n"
        + "正文&#x1B;。\n", "t.emr.md");
    assertThat(reference.report()).startsWith("t.emr.md:7:3: error dsl/control-character: "
        + "字符引用 &#x1B; 表示控制字符 U+001B");
    // a line feed by reference crashed the compiler (a text run cannot hold one)
    CompileResult feed = COMPILER.compile("---\nid: t\nversion: 1.0.0\ntitle: T\n---\n\n"
        + "第一行&#10;第二行\n", "t.emr.md");
    assertThat(feed.report()).startsWith("t.emr.md:7:4: error dsl/control-character: "
        + "字符引用 &#10; 表示换行符，文字中不能有；要换行请写 <br>");
    // and what the record reader refuses, which every record carrying the template would hold
    CompileResult bidi = COMPILER.compile("---\nid: t\nversion: 1.0.0\ntitle: T\n---\n\n"
        + "正文&#x202E;。\n", "t.emr.md");
    assertThat(bidi.report()).startsWith("t.emr.md:7:3: error dsl/character: "
        + "字符引用 &#x202E; 表示双向文本控制符 U+202E");
  }
}
