/** EMRKit CDA: records exported as WS/T 500-2016 shared documents (HL7 CDA R2). */
module org.emrkit.interop.cda {
  requires transitive org.emrkit.core;
  requires java.xml;

  exports org.emrkit.interop.cda;

  provides org.emrkit.render.RenderFormat with org.emrkit.interop.cda.CdaFormat;
}
