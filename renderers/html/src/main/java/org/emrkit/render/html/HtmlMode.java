package org.emrkit.render.html;

/** What the HTML shows. */
public enum HtmlMode {
  /** The record as it prints: values in place, hidden content left out. */
  VIEW,
  /** The same layout with form controls in place of values, for clinicians to fill. */
  EDIT
}
