package org.emrkit.testing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.emrkit.template.Block;
import org.emrkit.template.Cell;
import org.emrkit.template.Conditional;
import org.emrkit.template.Expression;
import org.emrkit.template.Field;
import org.emrkit.template.FieldBuilder;
import org.emrkit.template.FieldType;
import org.emrkit.template.Inline;
import org.emrkit.template.LineBreak;
import org.emrkit.template.Orientation;
import org.emrkit.template.PageNumber;
import org.emrkit.template.PageSetup;
import org.emrkit.template.Paper;
import org.emrkit.template.Paragraph;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Section;
import org.emrkit.template.Table;
import org.emrkit.template.Template;
import org.emrkit.template.Text;
import org.emrkit.template.TextStyle;
import org.emrkit.template.ValueSet;

/**
 * Random valid templates for property tests: every block kind, every field type with the
 * attributes that apply to it, merged and nested tables, repeat groups, conditionals, value sets,
 * page header and footer. Names are numbered so they are unique in every scope.
 */
public final class RandomTemplates {

  private final SplittableRandom r;
  private int names;
  private int ids;
  private final List<String> valueSetIds = new ArrayList<>();

  private RandomTemplates(SplittableRandom r) {
    this.r = r;
  }

  /** A random template. */
  public static Template template(SplittableRandom r) {
    return new RandomTemplates(r).build();
  }

  private Template build() {
    List<ValueSet> sets = new ArrayList<>();
    int nSets = r.nextInt(3);
    for (int i = 0; i < nSets; i++) {
      String id = "vs" + i;
      valueSetIds.add(id);
      List<String> codes = new ArrayList<>();
      int n = 1 + r.nextInt(4);
      for (int c = 0; c < n; c++) {
        codes.add(String.valueOf(c + 1));
        codes.add(RandomText.word(r, 3));
      }
      sets.add(ValueSet.of(id, r.nextBoolean() ? null : "GB/T2261.1",
          codes.toArray(String[]::new)));
    }
    PageSetup page = r.nextInt(3) == 0 ? PageSetup.DEFAULT
        : new PageSetup(Paper.values()[r.nextInt(Paper.values().length)],
            Orientation.values()[r.nextInt(2)], 10 + r.nextInt(20), 10 + r.nextInt(20),
            10 + r.nextInt(20), 10 + r.nextInt(20));
    List<Block> header = r.nextBoolean() ? List.of()
        : List.of(Paragraph.of(Text.of("第"), PageNumber.page(), Text.of("页 共"),
            PageNumber.pages(), Text.of("页")));
    List<Block> footer = r.nextBoolean() ? List.of() : List.of(paragraph(0));
    return new Template("t" + r.nextInt(1000), r.nextInt(3) + "." + r.nextInt(10) + "."
        + r.nextInt(10), RandomText.word(r, 4), r.nextBoolean() ? null : RandomText.word(r, 3),
        r.nextBoolean() ? null : "admission-record", r.nextBoolean() ? null : "心血管内科",
        r.nextBoolean() ? null : "zh-CN", page,
        r.nextInt(4) == 0 ? java.util.Map.of("author", RandomText.word(r, 2)) : java.util.Map.of(),
        sets, header, footer, topBlocks());
  }

  private List<Block> topBlocks() {
    List<Block> out = new ArrayList<>();
    // the names the random expressions read, so that every template is one an author may write
    List<Inline> named = new ArrayList<>();
    for (String[] f : new String[][] {{"sex", "text"}, {"age", "integer"}, {"allergy", "text"},
        {"temp", "decimal"}, {"pulse", "integer"}, {"chiefComplaint", "text"}, {"a", "integer"},
        {"b", "integer"}, {"c", "integer"}, {"weight", "decimal"}, {"height", "decimal"},
        {"opStart", "datetime"}}) {
      named.add(Field.builder(f[0], FieldType.fromLabel(f[1])).build());
      named.add(Text.of(" "));
    }
    out.add(Paragraph.of(named.toArray(Inline[]::new)));
    out.addAll(content(0, 3));
    int sections = r.nextInt(4);
    for (int i = 0; i < sections; i++) {
      out.add(r.nextInt(5) == 0 ? runIn(1) : section(1));
      if (r.nextInt(5) == 0) {
        out.addAll(content(0, 1)); // content after a section: the DSL closes it with {/}
      }
    }
    return out;
  }

  private Section section(int level) {
    List<Block> children = new ArrayList<>(content(level, 3));
    if (level < 3) {
      int subs = r.nextInt(3);
      for (int i = 0; i < subs; i++) {
        children.add(r.nextInt(4) == 0 ? runIn(level + 1) : section(level + 1));
        if (r.nextInt(4) == 0) {
          children.addAll(content(level, 1));
        }
      }
    }
    return new Section("s" + (++ids), RandomText.word(r, 3), r.nextInt(4) == 0,
        r.nextInt(4) == 0 ? "DE04.01.119.00" : null, r.nextInt(6) == 0 ? "LOINC:10154-3" : null,
        r.nextInt(6) == 0 ? expression() : null, children, false, r.nextInt(8) == 0);
  }

  /** A run-in heading: a bold label in front of its one paragraph. */
  private Section runIn(int level) {
    String title = RandomText.word(r, 3).replaceAll("[：:\\s]+$", "").strip();
    return new Section("s" + (++ids), title.isEmpty() ? "词" : title, r.nextBoolean(),
        r.nextInt(4) == 0 ? "DE04.01.119.00" : null, null,
        r.nextInt(6) == 0 ? expression() : null, List.of(paragraph(level)), true);
  }

  /** Non-section blocks; {@code depth} bounds nesting. */
  private List<Block> content(int depth, int max) {
    List<Block> out = new ArrayList<>();
    int n = r.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      int kind = depth > 3 ? 0 : r.nextInt(6);
      switch (kind) {
        case 0, 1, 2 -> out.add(paragraph(depth));
        case 3 -> out.add(table(depth));
        case 4 -> {
          List<Block> children = content(depth + 1, 2);
          if (children.isEmpty()) {
            children = List.of(paragraph(depth));
          }
          out.add(new RepeatGroup("g" + (++names), r.nextBoolean() ? null : RandomText.word(r, 2),
              r.nextInt(2), r.nextBoolean() ? null : 2 + r.nextInt(5), children));
        }
        default -> {
          List<Block> children = content(depth + 1, 2);
          if (children.isEmpty()) {
            children = List.of(paragraph(depth));
          }
          out.add(new Conditional(expression(), children));
        }
      }
    }
    return out;
  }

  private Table table(int depth) {
    Table t = RandomTables.table(r);
    if (t.repeating()) {
      t = t.withId("rows" + (++names));
    } else {
      t = t.withId(depth > 0 || r.nextBoolean() ? "tbl" + (++ids) : null);
    }
    for (Cell c : t.cells()) {
      List<Block> content = new ArrayList<>();
      int n = r.nextInt(3);
      for (int i = 0; i < n; i++) {
        if (depth < 3 && r.nextInt(8) == 0) {
          content.add(table(depth + 1)); // depth > 0 always gets an id
        } else {
          content.add(paragraph(depth));
        }
      }
      t = t.withCellContent(c.row(), c.column(), content);
    }
    return t;
  }

  private Paragraph paragraph(int depth) {
    List<Inline> inlines = new ArrayList<>();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      int kind = r.nextInt(10);
      if (kind < 5) {
        Set<TextStyle> styles = EnumSet.noneOf(TextStyle.class);
        if (r.nextInt(4) == 0) {
          styles.add(TextStyle.BOLD);
        }
        if (r.nextInt(5) == 0) {
          styles.add(TextStyle.ITALIC);
        }
        int script = r.nextInt(8);
        if (script == 0) {
          styles.add(TextStyle.SUPERSCRIPT);
        } else if (script == 1) {
          styles.add(TextStyle.SUBSCRIPT);
        }
        inlines.add(new Text(RandomText.line(r, 4), styles));
      } else if (kind < 9) {
        inlines.add(field());
      } else if (i > 0 && i < n - 1) {
        inlines.add(LineBreak.INSTANCE);
      }
    }
    if (inlines.stream().allMatch(x -> x instanceof LineBreak)) {
      inlines.clear();
      inlines.add(Text.of(RandomText.word(r, 2)));
    }
    return new Paragraph(inlines);
  }

  /** A random field with a random selection of the attributes that apply to its type. */
  public Field field() {
    FieldType type = FieldType.values()[r.nextInt(FieldType.values().length)];
    FieldBuilder b = Field.builder("f" + (++names), type);
    if (r.nextInt(3) == 0) {
      b.label(RandomText.word(r, 3));
    }
    if (r.nextInt(6) == 0) {
      b.placeholder(RandomText.word(r, 3));
    }
    b.required(r.nextInt(3) == 0).readonly(r.nextInt(8) == 0);
    if (r.nextInt(5) == 0) {
      b.dataElement("DE0" + (1 + r.nextInt(6)) + ".10." + (100 + r.nextInt(900)) + ".00");
    }
    if (r.nextInt(8) == 0) {
      b.when(expression().source());
    }
    if (r.nextInt(8) == 0) {
      b.help(RandomText.word(r, 4));
    }
    switch (type) {
      case TEXT, RICHTEXT -> {
        if (r.nextBoolean()) {
          b.minLength(r.nextInt(3));
        }
        if (r.nextBoolean()) {
          b.maxLength(5 + r.nextInt(200));
        }
        if (type == FieldType.TEXT && r.nextInt(4) == 0) {
          b.pattern("[0-9A-Za-z]{1,10}");
        }
        if (r.nextInt(5) == 0) {
          b.defaultValue(RandomText.word(r, 2));
        }
      }
      case INTEGER, DECIMAL -> {
        if (r.nextBoolean()) {
          b.min(r.nextInt(50));
        }
        if (r.nextBoolean()) {
          b.max(100 + r.nextInt(100));
        }
        if (r.nextBoolean()) {
          b.unit(r.nextBoolean() ? "mmHg" : "次/分");
        }
        if (type == FieldType.DECIMAL && r.nextBoolean()) {
          b.precision(r.nextInt(3));
        }
      }
      case DATE, DATETIME, TIME -> {
        if (r.nextInt(3) == 0) {
          b.min(type == FieldType.DATE ? "2020-01-01" : type == FieldType.TIME ? "06:00"
              : "opStart");
        }
        if (r.nextInt(3) == 0) {
          b.max("now()");
        }
      }
      case BOOLEAN -> {
        if (r.nextBoolean()) {
          b.defaultValue(r.nextBoolean() ? "true" : "false");
        }
      }
      case CHOICE, MULTICHOICE -> {
        if (!valueSetIds.isEmpty() && r.nextBoolean()) {
          b.valueSet(valueSetIds.get(r.nextInt(valueSetIds.size())));
        } else if (r.nextInt(5) == 0) {
          b.valueSet("host:icd10-clinical-2.0");
        } else {
          Set<String> options = new LinkedHashSet<>();
          int n = 1 + r.nextInt(4);
          for (int i = 0; i < n; i++) {
            options.add(RandomText.plain(r));
          }
          b.options(new ArrayList<>(options));
        }
      }
      case CODED -> {
        boolean set = !valueSetIds.isEmpty() && r.nextBoolean();
        if (set) {
          b.valueSet(valueSetIds.get(0));
        }
        if (!set || r.nextBoolean()) {
          b.system(r.nextBoolean() ? "ICD-10" : "ICD-9-CM-3");
        }
      }
      case SIGNATURE -> {
        if (r.nextBoolean()) {
          b.role(r.nextBoolean() ? "resident" : "attending");
        }
      }
      case CALC -> {
        b.expr("weight / pow(height / 100, 2)");
        if (r.nextBoolean()) {
          b.precision(1);
        }
        if (r.nextBoolean()) {
          b.unit("kg/m²");
        }
      }
      case MACRO -> b.source(r.nextBoolean() ? "patient.name" : "encounter.bed");
      default -> throw new IllegalStateException(type.toString());
    }
    return b.build();
  }

  private Expression expression() {
    String[] forms = {"sex == '2'", "age >= 18", "not empty(allergy)", "temp > 37.5 and pulse < 100",
        "len(chiefComplaint) <= 20", "(a + b) * 2 != c"};
    return new Expression(forms[r.nextInt(forms.length)]);
  }
}
