/**
 * EMRKit core: the template and record model, table editing, JSON with schemas, validation,
 * terminology and expressions.
 */
module org.emrkit.core {
  requires com.fasterxml.jackson.databind;
  requires com.networknt.schema;
  requires org.apache.commons.jexl3;
  requires org.apache.commons.logging; // a quiet logger handed to JEXL (ExpressionEngine)
  requires io.github.javadiffutils;

  exports org.emrkit.problem;
  exports org.emrkit.template;
  exports org.emrkit.record;
  exports org.emrkit.edit;
  exports org.emrkit.render;
  exports org.emrkit.validation;
  exports org.emrkit.json;
  exports org.emrkit.expr;
  exports org.emrkit.terminology;
  exports org.emrkit.validation.rules;

  uses org.emrkit.render.RenderFormat;
}
