package org.emrkit.validation.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The document types the rule packs know (a template's {@code documentType}): those with a time
 * limit, the others the writing-standard rules look for, and the 住院病案首页 of the front-page
 * pack. A template may name another type; no rule
 * tied to a document type then applies to it.
 */
public final class DocumentTypes {

  private static final Map<String, String> KNOWN = known();

  private DocumentTypes() {}

  /** Type → what it is called on paper, in a stable order. */
  public static Map<String, String> all() {
    return KNOWN;
  }

  private static Map<String, String> known() {
    Map<String, String> m = new LinkedHashMap<>();
    TimeLimitRule.LIMITS.forEach(l -> m.put(l.type(), l.zh()));
    m.put("progress-note", "日常病程记录");
    m.put("attending-round", "上级医师查房记录");
    m.put("stage-summary", "阶段小结");
    m.put("nursing-record", "护理记录");
    m.put("front-page", "住院病案首页");
    return java.util.Collections.unmodifiableMap(m);
  }
}
