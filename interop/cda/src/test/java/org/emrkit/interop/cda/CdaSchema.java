package org.emrkit.interop.cda;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The HL7 CDA R2 schema ({@code CDA.xsd}: {@code POCD_MT000040} with the core data types, the
 * vocabulary and the narrative block), read from the MDHT artifact on the test class path, and
 * validation of a document against it with every error collected.
 */
final class CdaSchema {

  private static final Schema SCHEMA = load();

  private CdaSchema() {}

  private static Schema load() {
    URL xsd = CdaSchema.class.getResource("/samples/CDA.xsd");
    if (xsd == null) {
      throw new IllegalStateException("samples/CDA.xsd is not on the class path "
          + "(org.openehealth.ipf.oht.mdht:ipf-oht-mdht-uml-cda at test scope)");
    }
    try {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
      return f.newSchema(xsd);
    } catch (SAXException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The schema errors of a document: empty when it is valid. */
  static List<String> errors(byte[] document) {
    List<String> errors = new ArrayList<>();
    Validator v = SCHEMA.newValidator();
    v.setErrorHandler(new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {}

      @Override
      public void error(SAXParseException e) {
        errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
      }

      @Override
      public void fatalError(SAXParseException e) {
        error(e);
      }
    });
    try {
      v.validate(new StreamSource(new ByteArrayInputStream(document)));
    } catch (SAXException | java.io.IOException e) {
      errors.add(e.getMessage());
    }
    return errors;
  }
}
