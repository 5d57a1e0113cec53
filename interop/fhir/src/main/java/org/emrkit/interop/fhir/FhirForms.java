package org.emrkit.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.time.Clock;
import java.util.Objects;
import org.emrkit.problem.Message;
import org.emrkit.record.Context;
import org.emrkit.record.Record;
import org.emrkit.record.RecordStatus;
import org.emrkit.record.Values;
import org.emrkit.render.RecordWalk;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Template;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;

/**
 * Templates and records as FHIR R4 resources, both walk targets: a template as a
 * {@link Questionnaire} (an item per section, field, repeat group and repeating table; link ids
 * from the field paths, see {@link Links}), a record as a {@link QuestionnaireResponse}, and a
 * response read back into record values ({@link #values}), equal to the record's. JSON through
 * HAPI FHIR's parser; {@link #parse} reads in strict mode. Thread-safe; the FHIR context is
 * built once (it is expensive) and shared.
 */
public final class FhirForms {

  /** The canonical URL base of the questionnaires: {@code urn:emrkit:template:ID}. */
  public static final String TEMPLATES = "urn:emrkit:template:";
  static final String RECORDS = "urn:emrkit:record";
  static final String PATIENTS = "urn:emrkit:mrn";

  private static final class Holder {
    static final FhirContext CONTEXT = FhirContext.forR4();
  }

  private final Clock clock;

  private FhirForms(Clock clock) {
    this.clock = clock;
  }

  /** Forms with the system clock (for calculated fields that read the time). */
  public static FhirForms create() {
    return new FhirForms(Clock.systemDefaultZone());
  }

  /** These forms with another clock. */
  public FhirForms withClock(Clock c) {
    return new FhirForms(Objects.requireNonNull(c, "clock"));
  }

  /** The template as a Questionnaire. */
  public Questionnaire questionnaire(Template template) {
    QuestionnaireTarget target = new QuestionnaireTarget(template);
    walk(template, Record.draft("questionnaire", template, Context.EMPTY), target);
    Questionnaire q = new Questionnaire();
    q.setUrl(TEMPLATES + template.id()).setVersion(template.version())
        .setName(name(template.id())).setTitle(template.title())
        .setStatus(PublicationStatus.ACTIVE).setLanguage(template.locale());
    q.addSubjectType("Patient");
    if (template.documentType() != null) {
      q.addCode().setSystem("urn:emrkit:document-type").setCode(template.documentType());
    }
    q.setItem(target.items());
    return q;
  }

  /** A computable name (que-0: {@code [A-Z][A-Za-z0-9_]*}): {@code admission-record} → {@code AdmissionRecord}. */
  static String name(String id) {
    StringBuilder sb = new StringBuilder();
    for (String part : id.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.length() == 0 || !Character.isLetter(sb.charAt(0)) ? "T" + sb : sb.toString();
  }

  /**
   * The record as a QuestionnaireResponse to its template's questionnaire.
   *
   * @throws org.emrkit.render.RenderException at the value's pointer: {@code render/value-type}
   *     for a value of another kind than its field, {@code render/value-range} for a time FHIR
   *     cannot write, {@code render/character} for a character the record reader refuses (half
   *     a surrogate pair went out as a "?" once encoded): only a record built through the API
   *     holds one
   */
  public QuestionnaireResponse response(Template template, Record record) {
    org.emrkit.render.RenderException.refuseUnreadable(record.values(), "FHIR");
    ResponseTarget target = new ResponseTarget(template);
    walk(template, record, target);
    QuestionnaireResponse r = new QuestionnaireResponse();
    r.setIdentifier(new Identifier().setSystem(RECORDS).setValue(record.id()));
    r.setQuestionnaire(TEMPLATES + template.id() + "|" + template.version());
    r.setStatus(record.status() == RecordStatus.DRAFT ? QuestionnaireResponseStatus.INPROGRESS
        : QuestionnaireResponseStatus.COMPLETED);
    var patient = record.context().patient();
    if (patient.mrn() != null || patient.name() != null) {
      Reference subject = new Reference().setDisplay(patient.name());
      if (patient.mrn() != null) {
        subject.setIdentifier(new Identifier().setSystem(PATIENTS).setValue(patient.mrn()));
      }
      r.setSubject(subject);
    }
    if (record.completedAt() != null) {
      r.setAuthoredElement(new org.hl7.fhir.r4.model.DateTimeType(
          Answers.iso(record.completedAt())));
    }
    if (record.context().author() != null) {
      r.setAuthor(new Reference().setDisplay(record.context().author().name())
          .setIdentifier(new Identifier().setSystem(Answers.USERS)
              .setValue(record.context().author().id())));
    }
    r.setItem(target.items());
    return r;
  }

  /** Walks the record in form mode (all content, hidden too), page header and footer included. */
  private void walk(Template template, Record record, org.emrkit.render.WalkTarget target) {
    RecordWalk walk = RecordWalk.forRendering(template, record,
        RenderOptions.builder().clock(clock).mode(RenderMode.FORM).build());
    walk.header(target);
    walk.body(target);
    walk.footer(target);
  }

  /**
   * The record values a response's answers give, for {@code template}.
   *
   * @throws ResponseException for a response to another questionnaire, an item the template
   *     lacks, or answers that do not fit their fields, at a JSON pointer into the response
   */
  public Values values(Template template, QuestionnaireResponse response) {
    String expected = TEMPLATES + template.id() + "|" + template.version();
    if (!expected.equals(response.getQuestionnaire())) {
      throw new ResponseException("fhir/other-questionnaire", "/questionnaire", Message.of(
          "回答对应问卷 " + response.getQuestionnaire() + "，不是 " + expected,
          "the response answers " + response.getQuestionnaire() + ", not " + expected), null);
    }
    return new ResponseReader(template.scope()).read(response.getItem());
  }

  /** A resource as pretty-printed JSON. */
  public String json(IBaseResource resource) {
    return Holder.CONTEXT.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
  }

  /**
   * Parses JSON in strict mode: an unknown element, a value of the wrong form or a missing
   * required part is an error, not a warning.
   *
   * @throws ResponseException {@code fhir/parse} naming what is wrong, {@code fhir/too-large}
   *     for a text longer than a record's JSON may be (16 MiB)
   */
  public <T extends IBaseResource> T parse(Class<T> type, String json) {
    int max = org.emrkit.json.JsonLimits.DEFAULT.maxDocumentChars();
    if (json.length() > max) {
      throw new ResponseException("fhir/too-large", "", Message.of("FHIR JSON 超过 " + max
          + " 个字符", "FHIR JSON is longer than " + max + " characters"), null);
    }
    IParser p = Holder.CONTEXT.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    try {
      return p.parseResource(type, json);
    } catch (DataFormatException e) {
      throw new ResponseException("fhir/parse", "", Message.of("FHIR JSON 无法读取："
          + e.getMessage(), "FHIR JSON could not be read: " + e.getMessage()), e);
    }
  }
}
