/**
 * EMRKit code lists: the national lists as hospitals receive them (xlsx, CSV) loaded into
 * searchable {@link org.emrkit.terminology.CodeTable}s, 拼音 readings from pinyin4j, and a
 * directory of lists described by {@code terminology.json}.
 */
// pinyin4j 2.5.1 (2016) names no module; its jar's file name does
@SuppressWarnings("requires-automatic")
module org.emrkit.codelists {
  requires transitive org.emrkit.core;
  requires com.fasterxml.jackson.databind;
  requires org.apache.commons.csv;
  requires org.apache.poi.ooxml;
  requires org.apache.poi.poi;
  requires java.xml;
  requires pinyin4j;

  exports org.emrkit.codelists;
}
