package org.emrkit.dsl.internal;

import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughSubscriptExtension;
import com.vladsch.flexmark.ext.superscript.SuperscriptExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;

/**
 * The Flexmark parser for EMR Markdown: CommonMark, GFM pipe tables (no header row required, no
 * {@code ||} spans: merges are written {@code <} and {@code ^}), YAML front matter,
 * superscript, subscript, and our extensions for fields, containers and table attribute lines.
 * Thread-safe (Flexmark parsers are).
 */
public final class DslParser {

  private static final Parser PARSER;

  static {
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(),
        YamlFrontMatterExtension.create(), SuperscriptExtension.create(),
        StrikethroughSubscriptExtension.create(), new EmrExtension()));
    options.set(TablesExtension.MIN_HEADER_ROWS, 0);
    options.set(TablesExtension.COLUMN_SPANS, false);
    options.set(TablesExtension.APPEND_MISSING_COLUMNS, false);
    options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, false);
    options.set(TablesExtension.WITH_CAPTION, false);
    options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, false);
    PARSER = Parser.builder(options).build();
  }

  private DslParser() {}

  /** Parses EMR Markdown into Flexmark's AST. */
  public static Document parse(String source) {
    return PARSER.parse(source);
  }

  /** Registers our block and inline parsers with Flexmark. */
  static final class EmrExtension implements Parser.ParserExtension {
    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder builder) {
      builder.customBlockParserFactory(new ContainerBlockParser.Factory());
      builder.customBlockParserFactory(new TableAttributesParser.Factory());
      builder.customInlineParserExtensionFactory(new FieldInlineParser.Factory());
    }
  }
}
