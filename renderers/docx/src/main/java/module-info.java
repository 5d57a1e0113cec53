/** EMRKit module org.emrkit.render.docx: not built yet; see the open issue for it. */
module org.emrkit.render.docx {
  requires transitive org.emrkit.core;
}
