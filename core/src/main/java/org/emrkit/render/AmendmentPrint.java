package org.emrkit.render;

/**
 * Whether and how a print shows the amendments of a record (changes to content a signature made
 * before them covers, or that someone else wrote before them, each with who, when and why).
 */
public enum AmendmentPrint {
  /** Not shown: the record as it stands (a normal print). */
  NONE,
  /**
   * A 修改记录 page after the record: each amendment's field, old → new value as displayed, who,
   * role, when and the reason.
   */
  APPENDIX,
  /**
   * 痕迹打印 for quality review and legal copies: in each amended field the text struck out in
   * red, the text put in underlined, with who changed it and when; amendments no field on the
   * page can show (an entry removed, a field now hidden) follow on a 修改记录 page.
   */
  INLINE
}
