package org.emrkit.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.emrkit.dsl.CompileResult;
import org.emrkit.dsl.TemplateCompiler;
import org.emrkit.json.JsonProblem;
import org.emrkit.json.ReadResult;
import org.emrkit.json.RecordJson;
import org.emrkit.json.TemplateJson;
import org.emrkit.json.TemplateResolver;
import org.emrkit.record.Record;
import org.emrkit.template.Template;

/** Reads the CLI's inputs; anything unusable is a {@link UsageException} (exit code 2). */
final class Inputs {
  private Inputs() {}

  /** The largest input file read, in bytes: past the JSON size limit, however it is encoded. */
  static final int MAX_BYTES = 3 * org.emrkit.json.JsonLimits.DEFAULT.maxDocumentChars();

  /** A text file, read no further than the limit (a device such as /dev/zero has no size). */
  static String read(Path file) {
    if (Files.isDirectory(file)) {
      throw new UsageException("cannot read " + file + ": it is a directory");
    }
    byte[] bytes;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + reason(e));
    }
    if (bytes.length > MAX_BYTES) {
      throw new UsageException("cannot read " + file + ": larger than " + MAX_BYTES + " bytes");
    }
    try {
      return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new UsageException("cannot read " + file + ": it is not UTF-8 text");
    }
  }

  /** Why a file could not be read, in words (an exception's message is often just the path). */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    } else if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    } else if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** A template from {@code .emr.md} (compiled) or template JSON. */
  static Template template(Path file, PrintStream err) {
    if (file.toString().endsWith(".emr.md")) {
      CompileResult r = TemplateCompiler.builder().build().compile(file);
      r.diagnostics().forEach(err::println);
      if (r.hasErrors()) {
        throw new UsageException("template " + file + " does not compile");
      }
      return r.orElseThrow();
    }
    ReadResult<Template> r = TemplateJson.create().read(read(file));
    // warnings too (a control character, calcs that read each other), as a template's source
    // prints its compiler's
    r.problems().forEach(p -> err.println(file + ": " + p));
    if (!r.isOk()) {
      throw new UsageException("template " + file + " is not valid template JSON");
    }
    return r.orElseThrow();
  }

  /** A record of one of the templates; schema problems are printed with JSON pointers. */
  static Record record(Path file, List<Template> templates, PrintStream err) {
    ReadResult<Record> r = RecordJson.create().read(read(file),
        TemplateResolver.of(templates.toArray(Template[]::new)));
    for (JsonProblem p : r.problems()) {
      err.println(file + ": " + p);
    }
    if (!r.isOk()) {
      boolean unknownTemplate = r.errors().stream()
          .anyMatch(p -> p.code().equals("json/template-unknown"));
      throw new UsageException(unknownTemplate
          ? file + " names a template id/version other than the one given"
          : file + " is not a valid record (see the problems above)");
    }
    return r.orElseThrow();
  }

  static Template templateOf(Record record, List<Template> templates) {
    return templates.stream().filter(t -> record.template().matches(t)).findFirst()
        .orElseThrow(() -> new UsageException("no template for " + record.template()));
  }
}
