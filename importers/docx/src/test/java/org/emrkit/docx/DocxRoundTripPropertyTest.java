package org.emrkit.docx;

import static org.assertj.core.api.Assertions.assertThat;

import org.emrkit.dsl.TemplateDecompiler;
import org.emrkit.dsl.TemplateDump;
import org.emrkit.record.Context;
import org.emrkit.record.Record;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import org.emrkit.render.docx.DocxRenderer;
import org.emrkit.template.Template;
import org.emrkit.testing.RandomTemplates;
import org.emrkit.testing.Seeds;
import org.junit.jupiter.api.Test;

/** Random templates (sections, tables with spans, nested tables, groups, conditions, fields). */
class DocxRoundTripPropertyTest {

  @Test
  void aWordFormOfAnyTemplateImportsToTheSameTemplate() {
    DocxRenderer renderer = DocxRenderer.builder().options(RenderOptions.builder().mode(RenderMode.FORM).build()).build();
    DocxImporter importer = DocxImporter.builder().build();
    Seeds.check("docx form round trip", 40, r -> {
      Template t = RandomTemplates.template(r);
      byte[] docx = renderer.render(t, Record.draft("R-1", t, Context.EMPTY));
      ImportResult back = importer.read(docx, t.id() + ".docx");
      assertThat(back.diagnostics()).as(TemplateDecompiler.decompile(t)).isEmpty();
      assertThat(TemplateDump.dump(back.orElseThrow())).isEqualTo(TemplateDump.dump(t));
      assertThat(back.orElseThrow()).isEqualTo(t);
    });
  }
}
