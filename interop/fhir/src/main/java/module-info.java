/**
 * EMRKit FHIR: templates as FHIR R4 Questionnaires, records as QuestionnaireResponses and back
 * (HAPI FHIR's R4 structures and JSON parser).
 */
// HAPI FHIR 8.12.1 and the HL7 core jars name no modules; their jars' file names do
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module org.emrkit.interop.fhir {
  requires transitive org.emrkit.core;
  requires transitive org.hl7.fhir.r4;
  requires transitive hapi.fhir.base;
  requires hapi.fhir.structures.r4;

  exports org.emrkit.interop.fhir;
}
