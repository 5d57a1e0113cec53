/** EMRKit module org.emrkit.dsl: not built yet; see the open issue for it. */
module org.emrkit.dsl {
  requires transitive org.emrkit.core;
}
