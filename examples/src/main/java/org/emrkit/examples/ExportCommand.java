package org.emrkit.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.emrkit.interop.cda.CdaExport;
import org.emrkit.interop.cda.CdaExporter;
import org.emrkit.interop.fhir.FhirForms;
import org.emrkit.problem.Problem;
import org.emrkit.record.Record;
import org.emrkit.render.RecordRenderer;
import org.emrkit.template.Template;

/**
 * {@code emrkit export}: a record as a WS/T 500 CDA document or a FHIR QuestionnaireResponse, a
 * template as a FHIR Questionnaire; export findings on stderr.
 */
final class ExportCommand {

  private final Args a;
  private final PrintStream out;
  private final PrintStream err;
  private final java.time.Clock clock;

  ExportCommand(Args a, PrintStream out, PrintStream err, java.time.Clock clock) {
    this.a = a;
    this.out = out;
    this.err = err;
    this.clock = clock;
  }

  int run(List<Template> templates) {
    String to = a.option("--to", null);
    if (to == null) {
      throw new UsageException("--to cda|fhir-questionnaire|fhir-response is required");
    }
    byte[] document = switch (to) {
      case "cda" -> cda(record(templates), templates);
      case "fhir-response" -> {
        Record r = record(templates);
        FhirForms forms = FhirForms.create().withClock(clock);
        yield forms.json(forms.response(Inputs.templateOf(r, templates), r))
            .getBytes(StandardCharsets.UTF_8);
      }
      case "fhir-questionnaire" -> {
        if (templates.size() != 1) {
          throw new UsageException("fhir-questionnaire exports one template: give one --template");
        }
        FhirForms forms = FhirForms.create().withClock(clock);
        yield forms.json(forms.questionnaire(templates.get(0))).getBytes(StandardCharsets.UTF_8);
      }
      default -> throw new UsageException("--to is cda, fhir-questionnaire or fhir-response, not "
          + to);
    };
    String o = a.option("-o", null);
    if (o == null) {
      out.write(document, 0, document.length);
      out.flush();
    } else {
      Path file = Path.of(o).toAbsolutePath();
      try {
        java.nio.file.Files.createDirectories(file.getParent());
      } catch (java.io.IOException e) {
        throw new UsageException("cannot write " + o + ": " + e.getMessage());
      }
      try {
        RecordRenderer.writeTo(file, document);
      } catch (org.emrkit.render.RenderException e) {
        throw new UsageException("cannot write " + o + ": " + e.message().en());
      }
      out.println(o);
    }
    return 0;
  }

  private Record record(List<Template> templates) {
    return Inputs.record(Path.of(a.positional(1, "RECORD.json")), templates, err);
  }

  private byte[] cda(Record r, List<Template> templates) {
    CdaExport e = CdaExporter.create().withClock(clock).export(Inputs.templateOf(r, templates), r);
    for (Problem p : e.findings()) {
      err.println(Problem.line(p));
    }
    return e.document();
  }
}
