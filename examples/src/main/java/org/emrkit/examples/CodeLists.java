package org.emrkit.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.emrkit.codelists.CodeListException;
import org.emrkit.codelists.TerminologyDirectory;
import org.emrkit.template.Template;
import org.emrkit.terminology.Bindings;
import org.emrkit.terminology.TerminologyService;

/**
 * The code lists the CLI and the demo check and search: a directory named by {@code
 * --terminology DIR}, or the bundled sample lists (labelled as samples, see
 * {@code resources/terminology/README.md}).
 */
final class CodeLists {

  private CodeLists() {}

  /** The bundled sample lists, loaded once. */
  static TerminologyService sample() {
    return Sample.LISTS;
  }

  /**
   * The lists {@code --terminology DIR} names, else {@code otherwise}: no lists for {@code
   * validate} (a hospital's codes are never checked against the sample), the sample lists for
   * the demo editor.
   */
  static TerminologyService of(Args a, java.io.PrintStream err, TerminologyService otherwise) {
    String dir = a.option("--terminology", null);
    return dir == null ? otherwise : load(Path.of(dir), err);
  }

  /** Loads a directory; a bad one is a usage error naming the file, the pointer or the rows. */
  static TerminologyService load(Path dir, java.io.PrintStream err) {
    if (!Files.isDirectory(dir)) {
      throw new UsageException("--terminology " + dir + " is not a directory");
    }
    try {
      TerminologyDirectory.Loaded l = TerminologyDirectory.load(dir);
      for (Map.Entry<String, org.emrkit.codelists.CodeLists.Loaded> e : l.skipped().entrySet()) {
        err.println(e.getKey() + ": " + e.getValue().skippedCount()
            + " bad row(s) skipped (已跳过错误行)" + (e.getValue().skippedCount()
            > e.getValue().skipped().size() ? ", the first " + e.getValue().skipped().size()
            + ":" : ":"));
        e.getValue().skipped().forEach(p -> err.println("  " + p));
      }
      return l.terminology();
    } catch (CodeListException | IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    } catch (UncheckedIOException e) {
      throw new UsageException(e.getMessage() + ": " + e.getCause().getMessage());
    }
  }

  /**
   * Reports, as compile errors at the field ({@code file:line:column: error
   * terminology/unresolved: ...}), the template's bindings the lists lack; returns how many.
   */
  static int unresolved(Path source, Template t, TerminologyService lists,
      java.io.PrintStream err) {
    String text;
    try {
      text = Files.readString(source);
    } catch (IOException e) {
      text = "";
    }
    List<Bindings.Unresolved> missing = Bindings.unresolved(t, lists);
    for (Bindings.Unresolved u : missing) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\{\\s*"
          + java.util.regex.Pattern.quote(u.field()) + "\\s*:").matcher(text);
      int at = m.find() ? m.start() : 0;
      int lineStart = text.lastIndexOf('\n', at - 1) + 1;
      String where = u.field() + " " + u.attribute() + "=" + u.value() + ": ";
      // as the compiler's own diagnostics are printed: file:line:column (code points)
      err.println(new org.emrkit.dsl.Diagnostic(source.getFileName().toString(),
          1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count(),
          1 + text.codePointCount(lineStart, at), org.emrkit.problem.Severity.ERROR,
          "terminology/unresolved", org.emrkit.problem.Message.of(where + u.message().zh(),
              u.message().en())));
    }
    return missing.size();
  }

  /** Warns, per template, of the bindings the lists lack (validate goes on: form checks only). */
  static void warnUnresolved(List<Template> templates, TerminologyService lists,
      java.io.PrintStream err) {
    for (Template t : templates) {
      for (Bindings.Unresolved u : Bindings.unresolved(t, lists)) {
        err.println("warning: template " + t.id() + ", field " + u.field() + " "
            + u.attribute() + "=" + u.value() + ": " + u.message()
            + "; its codes are checked for their form only");
      }
    }
  }

  private static final class Sample {
    static final TerminologyService LISTS = load();

    private static TerminologyService load() {
      try {
        URI uri = CodeLists.class.getResource("/terminology/terminology.json").toURI();
        if (!uri.getScheme().equals("jar")) {
          return TerminologyDirectory.load(Path.of(uri).getParent()).terminology();
        }
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return TerminologyDirectory.load(fs.getPath("/terminology")).terminology();
      } catch (URISyntaxException | IOException e) {
        throw new IllegalStateException("the bundled sample code lists cannot be read", e);
      }
    }
  }
}
