/** EMRKit module org.emrkit.render.pdf: not built yet; see the open issue for it. */
module org.emrkit.render.pdf {
  requires transitive org.emrkit.core;
}
