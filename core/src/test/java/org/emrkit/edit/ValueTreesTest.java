package org.emrkit.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.emrkit.json.RecordJson;
import org.emrkit.json.TemplateJson;
import org.emrkit.json.TemplateResolver;
import org.emrkit.record.Record;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.junit.jupiter.api.Test;

class ValueTreesTest {

  @Test
  void valuesStrippedFromTheModelAreWhatStrippingTheirJsonTreeGives() {
    // the audit compares a record's values made straight from the model; the trace's side is
    // made from JSON: both must agree on every record of the corpus (signatures left out,
    // empty groups left out, numbers as exact decimals)
    List<Template> templates = new ArrayList<>();
    for (String f : Corpus.files("templates")) {
      templates.add(TemplateJson.create().read(Corpus.text("/validation/templates/" + f))
          .orElseThrow());
    }
    TemplateResolver resolver = TemplateResolver.of(templates.toArray(Template[]::new));
    int compared = 0;
    for (String f : Corpus.files("records")) {
      if (f.endsWith(".chart.json") || f.endsWith(".template.json")) {
        continue;
      }
      var read = RecordJson.create().read(Corpus.text("/validation/records/" + f), resolver);
      if (read.value() == null) {
        continue;
      }
      Record r = read.value();
      Template t = resolver.resolve(r.template().id(), r.template().version()).orElseThrow();
      assertThat(ValueTrees.strip(r.values(), t.scope())).as(f)
          .isEqualTo(ValueTrees.strip(RecordJson.tree(r.values()), t.scope()));
      compared++;
    }
    Template nursing = Corpus.template("nursing-record");
    Record sheet = Corpus.nursingSheet(nursing, 40);
    assertThat(ValueTrees.strip(sheet.values(), nursing.scope()))
        .isEqualTo(ValueTrees.strip(RecordJson.tree(sheet.values()), nursing.scope()));
    assertThat(compared).isGreaterThan(50);
  }
}
