/** EMRKit Word form import: .docx forms read as templates, with diagnostics for their author. */
module org.emrkit.importer.docx {
  requires transitive org.emrkit.core;
  requires transitive org.emrkit.dsl;
  requires org.apache.poi.ooxml;
  requires org.apache.poi.poi;
  requires org.apache.poi.ooxml.schemas;
  requires org.apache.xmlbeans;
  requires java.xml;

  exports org.emrkit.docx;
}
