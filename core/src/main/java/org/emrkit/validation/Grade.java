package org.emrkit.validation;

/** The grade of a record under the writing standard: 甲 (good), 乙 (acceptable), 丙 (failed). */
public enum Grade {
  /** 甲级病历. */
  JIA("甲"),
  /** 乙级病历. */
  YI("乙"),
  /** 丙级病历. */
  BING("丙");

  private final String label;

  Grade(String label) {
    this.label = label;
  }

  /** The Chinese label: 甲, 乙 or 丙. */
  public String label() {
    return label;
  }
}
