/** EMR Markdown: compile template text to the model and back. */
module org.emrkit.dsl {
  requires transitive org.emrkit.core;
  requires flexmark;
  requires flexmark.util.ast;
  requires flexmark.util.sequence;
  requires flexmark.util.data;
  requires flexmark.ext.tables;
  requires flexmark.ext.yaml.front.matter;
  requires flexmark.ext.superscript;
  requires flexmark.ext.gfm.strikethrough;

  exports org.emrkit.dsl;
  requires flexmark.util.visitor;
  requires flexmark.util.misc;
}
