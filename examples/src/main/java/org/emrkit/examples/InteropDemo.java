package org.emrkit.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.emrkit.interop.cda.CdaExport;
import org.emrkit.interop.cda.CdaExporter;
import org.emrkit.interop.fhir.FhirForms;
import org.emrkit.problem.Problem;
import org.emrkit.record.Record;
import org.emrkit.template.Template;

/**
 * The demo's exports: the 入院记录 the edit session wrote (signed and archived) as a WS/T 500
 * CDA document and as a FHIR QuestionnaireResponse, and its template as a Questionnaire, in
 * {@code DIR/interop/}.
 */
final class InteropDemo {

  private InteropDemo() {}

  static void run(Path dir, Record record, List<Template> templates, PrintStream out,
      java.time.Clock clock) {
    Template t = Inputs.templateOf(record, templates);
    Path to = dir.resolve("interop");
    CdaExport cda = CdaExporter.create().withClock(clock).export(t, record);
    Cli.write(to.resolve("admission-record.cda.xml"), cda.xml());
    FhirForms forms = FhirForms.create().withClock(clock);
    Cli.write(to.resolve("admission-record.fhir-response.json"),
        forms.json(forms.response(t, record)));
    Cli.write(to.resolve(t.id() + ".fhir-questionnaire.json"), forms.json(forms.questionnaire(t)));
    out.println("共享文档 exports: WS/T 500 CDA (" + cda.findings().size()
        + " export findings), FHIR Questionnaire and QuestionnaireResponse → " + to);
    for (Problem p : cda.findings()) {
      out.println("  " + Problem.line(p));
    }
  }
}
