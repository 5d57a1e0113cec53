/** EMRKit module org.emrkit.render.html: not built yet; see the open issue for it. */
module org.emrkit.render.html {
  requires transitive org.emrkit.core;
}
