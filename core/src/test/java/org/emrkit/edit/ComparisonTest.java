package org.emrkit.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.junit.jupiter.api.Test;

class ComparisonTest {

  private static final Template T = Corpus.template("admission-record");

  @Test
  void aNumberRewrittenWithOtherDigitsIsAChange() {
    // canonical text keeps a decimal's digits (docs/integrity.md): 172.0 rewritten as 172, or
    // 36.8 as 36.800, changes the record, as its hash would say; Jackson's equality of decimal
    // nodes ignores the scale, and the audit found nothing (a hostile review found this)
    Record r = Corpus.record("clean--admission-record.json", T);
    assertThat(RecordAudit.audit(T, r).intact()).isTrue();
    Record forged = r.withValues(r.values()
        .with("height", new Value.Num(new BigDecimal("172")))
        .with("temp", new Value.Num(new BigDecimal("36.800"))));
    assertThat(RecordAudit.audit(T, forged).findings())
        .extracting(AuditFinding::kind, AuditFinding::pointer)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("values", "/values/height"),
            org.assertj.core.groups.Tuple.tuple("values", "/values/temp"));
    Record reread = RecordJson.create().read(RecordJson.create().write(forged), T).orElseThrow();
    assertThat(RecordAudit.audit(T, reread).findings()).hasSize(2);
    // the same digits are the same value: the honest record read back is intact
    Record honest = RecordJson.create().read(RecordJson.create().write(r), T).orElseThrow();
    assertThat(RecordAudit.audit(T, honest).intact()).isTrue();
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) {
    return org.emrkit.json.CanonicalJson.parse(text);
  }

  @Test
  void sameComparesNumbersByTheirDigits() {
    var n = org.emrkit.json.CanonicalJson.NODES;
    assertThat(ValueTrees.same(n.numberNode(new BigDecimal("172.0")),
        n.numberNode(new BigDecimal("172")))).isFalse();
    assertThat(ValueTrees.same(n.numberNode(new BigDecimal("172")), n.numberNode(172))).isTrue();
    assertThat(ValueTrees.same(json("{\"a\":[1.50,{\"b\":\"x\"}]}"),
        json("{\"a\":[1.50,{\"b\":\"x\"}]}"))).isTrue();
    assertThat(ValueTrees.same(json("{\"a\":[1.50]}"),
        json("{\"a\":[1.5]}"))).isFalse();
    assertThat(ValueTrees.same(json("{\"a\":1}"),
        json("{\"b\":1}"))).isFalse();
  }
}
