package org.emrkit.render;

/** Where content goes on a page: the running header, the body, the running footer. */
public enum Area {
  /** The running page header ({@code ::: page-header}), on every page. */
  HEADER,
  /** The record's content. */
  BODY,
  /** The running page footer ({@code ::: page-footer}), on every page. */
  FOOTER
}
