/** EMRKit DOCX: records written as Word documents and Word forms (POI XWPF). */
module org.emrkit.render.docx {
  requires transitive org.emrkit.core;
  requires org.emrkit.dsl;
  requires org.apache.poi.ooxml;
  requires org.apache.poi.poi;
  requires org.apache.poi.ooxml.schemas;
  requires org.apache.xmlbeans;
  requires java.xml;

  exports org.emrkit.render.docx;

  provides org.emrkit.render.RenderFormat with org.emrkit.render.docx.DocxFormat;
}
