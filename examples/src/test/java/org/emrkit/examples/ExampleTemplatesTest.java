package org.emrkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.emrkit.dsl.CompileResult;
import org.emrkit.dsl.TemplateCompiler;
import org.emrkit.dsl.TemplateDecompiler;
import org.emrkit.json.TemplateJson;
import org.emrkit.template.Block;
import org.emrkit.template.Cell;
import org.emrkit.template.Conditional;
import org.emrkit.template.Field;
import org.emrkit.template.Paragraph;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Section;
import org.emrkit.template.Table;
import org.emrkit.template.Template;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled department templates compile cleanly and look like the forms they are. */
class ExampleTemplatesTest {

  static final Path DIR = Path.of("src/main/resources/templates");
  static final Map<String, Template> TEMPLATES = new TreeMap<>();

  @BeforeAll
  static void compileAll() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".emr.md")).sorted().toList()) {
        CompileResult r = TemplateCompiler.builder().build().compile(f);
        assertThat(r.diagnostics()).as("%s compiles without any diagnostic", f).isEmpty();
        TEMPLATES.put(r.orElseThrow().documentType(), r.orElseThrow());
      }
    }
  }

  @Test
  void theSixDepartmentFormsAndTheFrontPageAreThere() {
    assertThat(TEMPLATES).containsOnlyKeys("admission-record", "first-progress-note",
        "progress-note", "operation-record", "discharge-record", "nursing-record", "front-page");
  }

  @Test
  void dataElementIdsComeFromTheReferenceTable() throws IOException {
    Set<String> known = new HashSet<>();
    try (InputStream in = Template.class.getResourceAsStream(
        "/org/emrkit/terminology/data-elements.csv")) {
      new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
          .forEach(l -> known.add(l.split(",")[0]));
    }
    int used = 0;
    for (Template t : TEMPLATES.values()) {
      for (String de : dataElements(t.blocks())) {
        assertThat(known).as("%s uses %s", t.id(), de).contains(de);
        used++;
      }
    }
    assertThat(used).isGreaterThan(40);
  }

  @Test
  void progressNotesAreARepeatGroup() {
    Template t = TEMPLATES.get("progress-note");
    assertThat(t.scope().groups()).containsKey("progressNotes");
    assertThat(t.scope().groups().get("progressNotes").fields()).containsKeys("at", "content",
        "signedBy");
  }

  @Test
  void theOperationRecordHasMergesAndANestedTable() {
    Table op = tables(TEMPLATES.get("operation-record").blocks()).get(0);
    assertThat(op.cells()).anyMatch(c -> c.colSpan() == 3).anyMatch(c -> c.rowSpan() == 2);
    assertThat(op.cells()).flatExtracting(Cell::content).anyMatch(b -> b instanceof Table t
        && "fluid-balance".equals(t.id()));
  }

  @Test
  void theNursingRecordHasTwoMergedHeaderRowsAndARepeatingRow() {
    Template t = TEMPLATES.get("nursing-record");
    Table rows = tables(t.blocks()).get(0);
    assertThat(rows.headerRows()).isEqualTo(2);
    assertThat(rows.repeating()).isTrue();
    assertThat(rows.cellAt(0, 0).rowSpan()).isEqualTo(2);
    assertThat(rows.cellAt(0, 1).colSpan()).isEqualTo(4);
    assertThat(t.page().orientation().label()).isEqualTo("landscape");
    assertThat(t.scope().groups().get("nursingRows").fields()).containsKeys("at", "t", "p", "r",
        "bp", "nurse");
  }

  @Test
  void everyTemplateRoundTripsThroughTheDecompilerAndJson() {
    for (Template t : TEMPLATES.values()) {
      String text = TemplateDecompiler.decompile(t);
      assertThat(TemplateCompiler.builder().build().compile(text, t.id()).orElseThrow())
          .as(t.id()).isEqualTo(t);
      TemplateJson json = TemplateJson.create();
      assertThat(json.read(json.write(t)).orElseThrow()).isEqualTo(t);
    }
  }

  static List<String> dataElements(List<Block> blocks) {
    List<String> out = new ArrayList<>();
    for (Block b : blocks) {
      if (b instanceof Section s) {
        if (s.dataElement() != null) {
          out.add(s.dataElement());
        }
        out.addAll(dataElements(s.children()));
      } else if (b instanceof Paragraph p) {
        p.fields().stream().map(Field::dataElement).filter(d -> d != null).forEach(out::add);
      } else if (b instanceof Table t) {
        t.cells().forEach(c -> out.addAll(dataElements(c.content())));
      } else if (b instanceof RepeatGroup g) {
        out.addAll(dataElements(g.children()));
      } else if (b instanceof Conditional c) {
        out.addAll(dataElements(c.children()));
      }
    }
    return out;
  }

  static List<Table> tables(List<Block> blocks) {
    List<Table> out = new ArrayList<>();
    for (Block b : blocks) {
      if (b instanceof Table t) {
        out.add(t);
      } else if (b instanceof Section s) {
        out.addAll(tables(s.children()));
      }
    }
    return out;
  }
}
