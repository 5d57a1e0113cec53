package org.emrkit.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.emrkit.json.RecordJson;
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
    int compared = 0;
    for (Corpus.Written w : Corpus.records()) {
      assertThat(ValueTrees.strip(w.record().values(), w.template().scope())).as(w.file())
          .isEqualTo(ValueTrees.strip(RecordJson.tree(w.record().values()),
              w.template().scope()));
      compared++;
    }
    Template nursing = Corpus.template("nursing-record");
    Record sheet = Corpus.nursingSheet(nursing, 40);
    assertThat(ValueTrees.strip(sheet.values(), nursing.scope()))
        .isEqualTo(ValueTrees.strip(RecordJson.tree(sheet.values()), nursing.scope()));
    assertThat(compared).isGreaterThan(50);
  }

  /**
   * {@link ValueTrees#matches} (the audit's comparison without making the stripped values) says
   * what comparing the stripped values says, on every corpus record against its own stripped
   * values and against them changed at random: a text, a number's digits or scale (172 and
   * 172.0), a member taken out or added, a row taken out, a value's type.
   */
  @Test
  void matchingTheModelAgreesWithComparingTheStrippedTrees() {
    List<Record> records = new ArrayList<>();
    List<Template> of = new ArrayList<>();
    for (Corpus.Written w : Corpus.records()) {
      records.add(w.record());
      of.add(w.template());
    }
    Template nursing = Corpus.template("nursing-record");
    records.add(Corpus.nursingSheet(nursing, 12));
    of.add(nursing);
    int[] differing = {0};
    org.emrkit.testing.Seeds.check("matches = same(strip)", 300, r -> {
      int k = r.nextInt(records.size());
      Record rec = records.get(k);
      var scope = of.get(k).scope();
      com.fasterxml.jackson.databind.node.ObjectNode tree = ValueTrees.strip(rec.values(), scope);
      if (r.nextInt(4) > 0) {
        mutate(tree, r);
      }
      boolean want = ValueTrees.same(ValueTrees.strip(rec.values(), scope), tree);
      if (!want) {
        differing[0]++;
      }
      assertThat(ValueTrees.matches(rec.values(), tree, scope)).as("%s %s", rec.id(), tree)
          .isEqualTo(want);
    });
    assertThat(differing[0]).as("changes that make a difference were tried").isGreaterThan(30);
  }

  /** Changes one node somewhere in the tree (or nothing, when it lands on an empty object). */
  private static void mutate(com.fasterxml.jackson.databind.JsonNode tree,
      java.util.SplittableRandom r) {
    com.fasterxml.jackson.databind.JsonNode at = tree;
    com.fasterxml.jackson.databind.node.JsonNodeFactory nodes =
        org.emrkit.json.CanonicalJson.NODES;
    while (true) {
      if (at.isObject() && at.size() > 0) {
        var o = (com.fasterxml.jackson.databind.node.ObjectNode) at;
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        String name = names.get(r.nextInt(names.size()));
        com.fasterxml.jackson.databind.JsonNode v = o.get(name);
        if ((v.isContainerNode() && v.size() > 0) && r.nextInt(3) > 0) {
          at = v;
          continue;
        }
        switch (r.nextInt(5)) {
          case 0 -> o.remove(name);
          case 1 -> o.put(name + "x", "加");
          case 2 -> o.put(name, v.isTextual() ? v.textValue() + "改" : "改");
          case 3 -> o.set(name, v.isNumber() ? nodes.numberNode(v.decimalValue().setScale(
              v.decimalValue().scale() + 1)) : nodes.numberNode(new java.math.BigDecimal("172.0")));
          default -> o.set(name, v.isNumber() ? nodes.numberNode(v.decimalValue().add(
              java.math.BigDecimal.ONE)) : nodes.booleanNode(true));
        }
        return;
      }
      if (at.isArray() && at.size() > 0) {
        var a = (com.fasterxml.jackson.databind.node.ArrayNode) at;
        int i = r.nextInt(a.size());
        if (a.get(i).isContainerNode() && a.get(i).size() > 0 && r.nextInt(4) > 0) {
          at = a.get(i);
          continue;
        }
        a.remove(i);
        return;
      }
      return;
    }
  }
}
