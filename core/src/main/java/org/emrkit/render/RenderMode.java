package org.emrkit.render;

/** What a rendering is for. */
public enum RenderMode {
  /** The record as it reads: printed, archived, viewed. */
  VIEW,
  /** An editable form of the record, where the format has one (HTML, Word content controls). */
  FORM
}
