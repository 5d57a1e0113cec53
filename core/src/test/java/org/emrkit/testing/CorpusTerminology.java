package org.emrkit.testing;

import org.emrkit.terminology.CodeTable;
import org.emrkit.terminology.InMemoryTerminology;
import org.emrkit.terminology.Readings;
import org.emrkit.terminology.TerminologyService;

/**
 * The code list the validation corpus's {@code *.terminology.json} cases are checked against: a
 * few codes of ICD-10 国家临床版 2.0, which templates' {@code system=ICD-10} means.
 */
public final class CorpusTerminology {
  private CorpusTerminology() {}

  /** The corpus list. */
  public static final CodeTable ICD10 = CodeTable.builder("icd10-clinical", "2.0")
      .title("ICD-10 国家临床版 2.0(语料 corpus)").fullCodes(true)
      .add("I20", "心绞痛").add("I20.000", "不稳定型心绞痛", "不稳定性心绞痛")
      .add("I20.900", "心绞痛").add("I25.103", "冠状动脉粥样硬化性心脏病", "冠心病")
      .add("K35.800", "急性阑尾炎").add("Z99.000", "依赖呼吸器").build(Readings.none());

  /** The service: the list, with ICD-10 naming it. */
  public static TerminologyService service() {
    return InMemoryTerminology.builder().system(ICD10)
        .alias("ICD-10", ICD10.ref()).build();
  }
}
