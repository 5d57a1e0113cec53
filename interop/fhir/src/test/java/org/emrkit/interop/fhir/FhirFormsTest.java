package org.emrkit.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emrkit.json.RecordJson;
import org.emrkit.json.TemplateJson;
import org.emrkit.json.TemplateResolver;
import org.emrkit.record.Record;
import org.emrkit.template.FieldScope;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.testing.RandomRecords;
import org.emrkit.testing.Seeds;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;

/**
 * Templates as Questionnaires and records as QuestionnaireResponses: every export parses back
 * in HAPI's strict mode; the questionnaire has an item per field, typed, with its constraints
 * and conditions; every corpus record and random records come back from their responses with
 * equal values.
 */
class FhirFormsTest {

  static final FhirForms FORMS = FhirForms.create();
  static final List<Template> TEMPLATES = new ArrayList<>();
  static final TemplateResolver RESOLVER;

  static {
    for (String f : Corpus.files("templates")) {
      TEMPLATES.add(TemplateJson.create().read(Corpus.text("/validation/templates/" + f))
          .orElseThrow());
    }
    RESOLVER = TemplateResolver.of(TEMPLATES.toArray(Template[]::new));
  }

  static Template template(String id) {
    return TEMPLATES.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void everyTemplatesQuestionnaireParsesStrictlyWithAnItemPerField() {
    for (Template t : TEMPLATES) {
      Questionnaire q = FORMS.parse(Questionnaire.class, FORMS.json(FORMS.questionnaire(t)));
      List<String> links = new ArrayList<>();
      collect(q.getItem(), links);
      assertThat(new HashSet<>(links)).as(t.id()).hasSameSizeAs(links);
      Set<String> fields = new HashSet<>();
      paths(t.scope(), "", fields);
      assertThat(links).as(t.id() + " " + links).containsAll(fields);
    }
  }

  @Test
  void theAdmissionQuestionnaireCarriesTypesConstraintsAndConditions() {
    Questionnaire q = FORMS.parse(Questionnaire.class,
        FORMS.json(FORMS.questionnaire(template("admission-record"))));
    assertThat(q.getUrl()).isEqualTo("urn:emrkit:template:admission-record");
    assertThat(q.getName()).isEqualTo("AdmissionRecord");
    QuestionnaireItemComponent cc = find(q.getItem(), "chiefComplaint");
    assertThat(cc.getType().toCode()).isEqualTo("string");
    assertThat(cc.getRequired()).isTrue();
    assertThat(cc.getMaxLength()).isEqualTo(40);
    assertThat(cc.getCodeFirstRep().getCode()).isEqualTo("DE04.01.119.00");
    assertThat(cc.getCodeFirstRep().getSystem()).isEqualTo("urn:oid:2.16.156.10011.2.2.1");
    QuestionnaireItemComponent temp = find(q.getItem(), "temp");
    assertThat(temp.getType().toCode()).isEqualTo("decimal");
    assertThat(temp.getExtensionByUrl(Items.CORE + "minValue").getValue().primitiveValue())
        .isEqualTo("34");
    assertThat(temp.getExtensionByUrl(Items.CORE + "questionnaire-unit").getValue())
        .isInstanceOfSatisfying(Coding.class, c -> assertThat(c.getDisplay()).isEqualTo("℃"));
    QuestionnaireItemComponent sex = find(q.getItem(), "sex");
    assertThat(sex.getType().toCode()).isEqualTo("choice");
    assertThat(sex.getAnswerOption()).extracting(o -> o.getValueCoding().getCode())
        .containsExactly("1", "2", "9", "0");
    QuestionnaireItemComponent menstrual = find(q.getItem(), "#menstrual-history");
    assertThat(menstrual.getEnableWhenFirstRep().getQuestion()).isEqualTo("sex");
    assertThat(menstrual.getEnableWhenFirstRep().getOperator().toCode()).isEqualTo("=");
    assertThat(menstrual.getEnableWhenFirstRep().getAnswerCoding().getCode()).isEqualTo("2");
    QuestionnaireItemComponent allergies = find(q.getItem(), "allergies");
    assertThat(allergies.getRepeats()).isTrue();
    assertThat(allergies.getEnableWhenFirstRep().getAnswerStringType().getValue())
        .isEqualTo("有");
    QuestionnaireItemComponent diagnoses = find(q.getItem(), "diagnoses");
    assertThat(diagnoses.getType().toCode()).isEqualTo("group");
    assertThat(diagnoses.getRepeats()).isTrue();
    assertThat(diagnoses.getExtensionByUrl(Items.CORE + "questionnaire-maxOccurs").getValue()
        .primitiveValue()).isEqualTo("10");
    assertThat(find(q.getItem(), "diagnoses/diagnosis").getType().toCode())
        .isEqualTo("open-choice");
    var bmi = find(q.getItem(), "bmi").getExtensionByUrl(
        Items.SDC + "sdc-questionnaire-calculatedExpression").getValue();
    assertThat(((org.hl7.fhir.r4.model.Expression) bmi).getLanguage()).isEqualTo("text/fhirpath");
    assertThat(((org.hl7.fhir.r4.model.Expression) bmi).getExpression())
        .contains("linkId='weight'", ".power(2)");
    assertThat(find(q.getItem(), "residentSignature").getType().toCode()).isEqualTo("reference");
  }

  @Test
  void aCalcOverACodedValuesCodeIsTheCodingsCodeInFhirPath() {
    org.emrkit.template.Template t = org.emrkit.template.Template.builder("p", "1.0.0", "首页")
        .line(org.emrkit.template.Field.builder("dx", org.emrkit.template.FieldType.CODED)
            .system("ICD-10").build(), org.emrkit.template.Field.builder("dxCode",
                org.emrkit.template.FieldType.CALC).expr("dx.code").build()).build();
    Questionnaire q = FORMS.questionnaire(t);
    var code = (org.hl7.fhir.r4.model.Expression) find(q.getItem(), "dxCode").getExtensionByUrl(
        Items.SDC + "sdc-questionnaire-calculatedExpression").getValue();
    assertThat(code.getLanguage()).isEqualTo("text/fhirpath");
    assertThat(code.getExpression()).isEqualTo(
        "(%resource.repeat(item).where(linkId='dx').answer.value.code.first())");
  }

  @Test
  void everyCorpusRecordComesBackFromItsResponseWithEqualValues() {
    int records = 0;
    for (String f : Corpus.files("records")) {
      if (f.endsWith(".chart.json") || f.endsWith(".template.json")) {
        continue;
      }
      Record r = RecordJson.create().read(Corpus.text("/validation/records/" + f), RESOLVER)
          .orElseThrow();
      Template t = RESOLVER.resolve(r.template().id(), r.template().version()).orElseThrow();
      roundTrip(t, r);
      records++;
    }
    assertThat(records).isGreaterThan(40);
  }

  @Test
  void aValueKeptUnderAConditionThatDoesNotHoldIsNoAnswerButComesBack() {
    Record r = RecordJson.create().read(Corpus.text(
        "/validation/records/field.inactive-value--menstrual-history-of-a-male.json"), RESOLVER)
        .orElseThrow();
    Template t = RESOLVER.resolve(r.template().id(), r.template().version()).orElseThrow();
    QuestionnaireResponse qr = FORMS.response(t, r);
    var item = find2(qr.getItem(), "menstrualHistory");
    assertThat(item.getAnswer()).isEmpty();
    assertThat(item.getExtensionsByUrl(Answers.INACTIVE)).hasSize(1);
    assertThat(FORMS.values(t, qr).get("menstrualHistory")).isEqualTo(
        r.values().get("menstrualHistory"));
  }

  @Test
  void aWholeNumberWrittenWithZerosIsAnIntegerItemsValueInteger() {
    // 18.00 in an integer field (the reader and the edit session take it) went out as
    // valueDecimal, which an integer item may not have
    Record r = RecordJson.create().read(Corpus.text(
        "/validation/records/clean--admission-record.json"), RESOLVER).orElseThrow();
    Template t = RESOLVER.resolve(r.template().id(), r.template().version()).orElseThrow();
    Record zeros = r.withValues(r.values().with("pulse", new org.emrkit.record.Value.Num(
        new java.math.BigDecimal("78.00"))));
    var answer = find2(FORMS.response(t, zeros).getItem(), "pulse").getAnswerFirstRep();
    assertThat(answer.hasValueIntegerType()).isTrue();
    assertThat(answer.getValueIntegerType().getValue()).isEqualTo(78);
    assertThat(FORMS.values(t, FORMS.parse(QuestionnaireResponse.class,
        FORMS.json(FORMS.response(t, zeros)))).get("pulse"))
        .contains(new org.emrkit.record.Value.Num(java.math.BigDecimal.valueOf(78)));
  }

  @Test
  void aValueOfAnotherKindThanItsFieldATimeFhirCannotWriteOrHalfACharacterIsRefusedWithItsPointer() {
    // records a host built through the API: a list in a text field threw "no answer for a
    // rows", a text in a number field went out as valueString, the year 10000 threw HAPI's
    // DataFormatException
    Record r = RecordJson.create().read(Corpus.text(
        "/validation/records/clean--admission-record.json"), RESOLVER).orElseThrow();
    Template t = RESOLVER.resolve(r.template().id(), r.template().version()).orElseThrow();
    var signer = r.values().signer("residentSignature").orElseThrow();
    Map<org.emrkit.record.Values, String> refused = Map.of(
        r.values().with("chiefComplaint", new org.emrkit.record.Value.Rows(List.of())),
        "render/value-type /values/chiefComplaint",
        r.values().with("temp", new org.emrkit.record.Value.Str("36.8")),
        "render/value-type /values/temp",
        r.values().with("residentSignature", new org.emrkit.record.Value.Signed(
            new org.emrkit.record.Signer(signer.actor(), java.time.OffsetDateTime.parse(
                "+10000-01-01T08:00:00+08:00")))), "render/value-range /values/residentSignature",
        // half a surrogate pair went out as "?" once the JSON was encoded
        r.values().with("hpi", new org.emrkit.record.Value.Str("胸闷\uD800")),
        "render/character /values/hpi");
    refused.forEach((values, said) -> {
      org.emrkit.render.RenderException e = org.assertj.core.api.Assertions
          .catchThrowableOfType(() -> FORMS.response(t, r.withValues(values)),
              org.emrkit.render.RenderException.class);
      assertThat(e).as(said).isNotNull();
      assertThat(e.code() + " " + e.pointer()).isEqualTo(said);
    });
  }

  @Test
  void randomRecordsComeBackFromTheirResponsesWithEqualValues() {
    Seeds.check("FHIR response round trip", 60, random -> {
      Template t = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
      roundTrip(t, RandomRecords.record(random, t));
    });
  }

  static void roundTrip(Template t, Record r) {
    String json = FORMS.json(FORMS.response(t, r));
    QuestionnaireResponse back = FORMS.parse(QuestionnaireResponse.class, json);
    assertThat(FORMS.values(t, back)).as(r.id() + "\n" + json).isEqualTo(withoutEmptyLists(
        r.values()));
  }

  /**
   * The values without lists of no entries: a response has no way to say a group was answered
   * zero times, and a record reads an empty list as it reads none (the edit session prunes them).
   */
  static org.emrkit.record.Values withoutEmptyLists(org.emrkit.record.Values v) {
    java.util.Map<String, org.emrkit.record.Value> out = new java.util.TreeMap<>();
    v.asMap().forEach((k, x) -> {
      if (x instanceof org.emrkit.record.Value.Rows rows) {
        if (!rows.rows().isEmpty()) {
          out.put(k, new org.emrkit.record.Value.Rows(rows.rows().stream()
              .map(FhirFormsTest::withoutEmptyLists).toList()));
        }
      } else {
        out.put(k, x);
      }
    });
    return org.emrkit.record.Values.of(out);
  }

  @Test
  void aResponseThatDoesNotFitItsTemplateIsRefusedAtItsPointer() {
    Template t = template("admission-record");
    Record r = RecordJson.create().read(Corpus.text(
        "/validation/records/clean--admission-record.json"), RESOLVER).orElseThrow();
    QuestionnaireResponse qr = FORMS.response(t, r);
    qr.getItem().get(0).setLinkId("noSuchField");
    assertThatThrownBy(() -> FORMS.values(t, qr)).isInstanceOf(ResponseException.class)
        .hasFieldOrPropertyWithValue("code", "fhir/unknown-item")
        .satisfies(e -> assertThat(((ResponseException) e).location().describe())
            .isEqualTo("/item/0/linkId"));
    QuestionnaireResponse wrong = FORMS.response(t, r);
    var pulse = find2(wrong.getItem(), "pulse");
    pulse.getAnswerFirstRep().setValue(new org.hl7.fhir.r4.model.StringType("78次"));
    assertThatThrownBy(() -> FORMS.values(t, wrong)).isInstanceOf(ResponseException.class)
        .hasFieldOrPropertyWithValue("code", "fhir/bad-answer");
    QuestionnaireResponse other = FORMS.response(t, r).setQuestionnaire("urn:x|1");
    assertThatThrownBy(() -> FORMS.values(t, other))
        .hasFieldOrPropertyWithValue("code", "fhir/other-questionnaire");
    assertThatThrownBy(() -> FORMS.parse(QuestionnaireResponse.class,
        "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"bogus\":1}"))
        .hasFieldOrPropertyWithValue("code", "fhir/parse");
  }

  @Test
  void responsesAreBoundedInSizeAndEntries() {
    Template t = template("admission-record");
    String huge = "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\","
        + "\"text\":{\"status\":\"generated\",\"div\":\"" + "x".repeat(17 * 1024 * 1024)
        + "\"}}";
    assertThatThrownBy(() -> FORMS.parse(QuestionnaireResponse.class, huge))
        .hasFieldOrPropertyWithValue("code", "fhir/too-large");
    QuestionnaireResponse many = new QuestionnaireResponse()
        .setQuestionnaire("urn:emrkit:template:admission-record|1.0.0");
    var section = many.addItem().setLinkId("#initial-diagnosis");
    for (int i = 0; i <= org.emrkit.template.TemplateLimits.MAX_REPEATS; i++) {
      section.addItem().setLinkId("diagnoses");
    }
    assertThatThrownBy(() -> FORMS.values(t, many))
        .hasFieldOrPropertyWithValue("code", "fhir/too-many")
        .satisfies(e -> assertThat(((ResponseException) e).location().describe())
            .isEqualTo("/item/0/item/10000"));
    QuestionnaireResponse deep = new QuestionnaireResponse()
        .setQuestionnaire("urn:emrkit:template:admission-record|1.0.0");
    var item = deep.addItem().setLinkId("#hpi");
    for (int i = 0; i < 40; i++) {
      item = item.addItem().setLinkId("#hpi");
    }
    assertThatThrownBy(() -> FORMS.values(t, deep))
        .hasFieldOrPropertyWithValue("code", "fhir/too-deep");
  }

  static void collect(List<QuestionnaireItemComponent> items, List<String> out) {
    for (QuestionnaireItemComponent i : items) {
      out.add(i.getLinkId());
      collect(i.getItem(), out);
    }
  }

  static void paths(FieldScope s, String at, Set<String> out) {
    s.fields().keySet().forEach(n -> out.add(at + n));
    s.groups().forEach((id, g) -> {
      out.add(at + id);
      paths(g, at + id + "/", out);
    });
  }

  static QuestionnaireItemComponent find(List<QuestionnaireItemComponent> items, String linkId) {
    for (QuestionnaireItemComponent i : items) {
      if (i.getLinkId().equals(linkId)) {
        return i;
      }
      QuestionnaireItemComponent f = find(i.getItem(), linkId);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  static QuestionnaireResponse.QuestionnaireResponseItemComponent find2(
      List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items, String linkId) {
    for (var i : items) {
      if (i.getLinkId().equals(linkId)) {
        return i;
      }
      var f = find2(i.getItem(), linkId);
      if (f != null) {
        return f;
      }
    }
    return null;
  }
}
