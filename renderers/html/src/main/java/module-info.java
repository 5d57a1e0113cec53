/** EMRKit HTML renderer: the printed view and the embeddable edit form. */
module org.emrkit.render.html {
  requires transitive org.emrkit.core;

  exports org.emrkit.render.html;

  provides org.emrkit.render.RenderFormat with org.emrkit.render.html.HtmlFormat;
}
