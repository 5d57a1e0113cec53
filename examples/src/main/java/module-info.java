/** EMRKit examples and the command-line tool. */
module org.emrkit.examples {
  requires org.emrkit.core;
  requires org.emrkit.dsl;
  requires org.emrkit.render.html;
  requires org.emrkit.render.pdf;
  requires org.emrkit.render.docx;
  requires org.emrkit.signing;
  requires org.emrkit.editor;
  requires org.emrkit.codelists;
  requires org.emrkit.interop.cda;
  requires org.emrkit.interop.fhir;
  requires jdk.httpserver;
  requires com.fasterxml.jackson.databind;
}
