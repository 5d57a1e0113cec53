package org.emrkit.conformance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.emrkit.docx.DocxImporter;
import org.emrkit.docx.ImportResult;
import org.emrkit.dsl.CompileResult;
import org.emrkit.dsl.TemplateCompiler;
import org.emrkit.editor.Authenticator;
import org.emrkit.editor.BadRequest;
import org.emrkit.editor.EditingService;
import org.emrkit.editor.MemoryRecordStore;
import org.emrkit.editor.Outcome;
import org.emrkit.json.JsonProblem;
import org.emrkit.json.ReadResult;
import org.emrkit.json.RecordJson;
import org.emrkit.json.TemplateJson;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.Role;
import org.emrkit.render.RenderException;
import org.emrkit.render.pdf.PdfRenderer;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.validation.Validator;
import org.emrkit.validation.rules.FieldRules;
import org.emrkit.validation.rules.WritingStandardRules;

/**
 * Runs the fuzz corpus in a JVM of its own (started by {@link FuzzCorpusTest} with a small
 * heap): each case in turn, with a time bound, printing one line per case:
 * {@code CASE name outcome milliseconds}. A case over its time bound ends the run.
 */
public final class FuzzRunner {

  private FuzzRunner() {}

  /** {@code DIR MILLIS}: the cases written in DIR (manifest.tsv), the time bound per case. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long bound = Long.parseLong(args[1]);
    ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz");
      t.setDaemon(true);
      return t;
    });
    for (String line : Files.readAllLines(dir.resolve("manifest.tsv"))) {
      String[] f = line.split("\t");
      Path file = dir.resolve(f[0]);
      long start = System.nanoTime();
      Future<String> outcome = ex.submit(() -> outcome(f[1], file));
      String o;
      try {
        o = outcome.get(bound, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        System.out.println("CASE\t" + f[0] + "\tTIMEOUT\t" + bound);
        System.exit(3);
        return;
      } catch (ExecutionException e) {
        o = "THREW " + e.getCause();
      }
      System.out.println("CASE\t" + f[0] + "\t" + o + "\t"
          + (System.nanoTime() - start) / 1_000_000);
    }
    System.exit(0);
  }

  static final Template TEMPLATE = Corpus.template("admission-record");

  static String outcome(String kind, Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    // decoded only for the kinds that read text (a 18 MB Word file as a String is 36 MB)
    String text = kind.equals("template-json") || kind.equals("record")
        ? new String(bytes, StandardCharsets.UTF_8) : null;
    switch (kind) {
      case "dsl" -> {
        CompileResult r = TemplateCompiler.builder().build().compile(file);
        return r.hasErrors() ? r.diagnostics().get(0).code() : "ok";
      }
      case "template-json" -> {
        return first(TemplateJson.create().read(text));
      }
      case "record" -> {
        ReadResult<Record> r = RecordJson.create().read(text, TEMPLATE);
        if (!r.isOk()) {
          return first(r);
        }
        Validator.builder().pack(FieldRules.pack()).pack(WritingStandardRules.pack()).build()
            .validate(TEMPLATE, r.orElseThrow());
        try {
          PdfRenderer.builder().build().render(TEMPLATE, r.orElseThrow(),
              new ByteArrayOutputStream());
        } catch (RenderException e) {
          return e.code();
        }
        return "ok";
      }
      case "docx" -> {
        ImportResult r = DocxImporter.builder().build().read(bytes, file.getFileName()
            .toString());
        return r.get().isPresent() ? "ok" : r.diagnostics().get(0).code();
      }
      case "body" -> {
        Actor resident = new Actor("u-1001", "李明", Role.RESIDENT);
        Record draft = Record.draft("R-1", TEMPLATE, Corpus.record(
            "clean--admission-record.json", TEMPLATE).context());
        EditingService s = EditingService.builder(List.of(TEMPLATE),
            new MemoryRecordStore(List.of(draft))).validator(Validator.builder().build())
            .authenticator(new Authenticator() {
              @Override
              public java.util.Optional<Actor> authenticate(String user, char[] password) {
                return java.util.Optional.empty();
              }

              @Override
              public boolean confirm(Actor actor, char[] password) {
                return false;
              }
            }).build();
        try {
          Outcome o = s.save(resident, "R-1", bytes);
          return o.applied() ? "ok" : o.code();
        } catch (BadRequest e) {
          return e.code();
        }
      }
      default -> throw new IllegalArgumentException("unknown kind " + kind);
    }
  }

  private static String first(ReadResult<?> r) {
    return r.isOk() ? "ok" : r.errors().stream().map(JsonProblem::code).findFirst()
        .orElse("ok");
  }
}
