package org.emrkit.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emrkit.dsl.CompileResult;
import org.emrkit.dsl.TemplateCompiler;
import org.emrkit.json.TemplateJson;
import org.emrkit.record.Chart;
import org.emrkit.record.Record;
import org.emrkit.render.AmendmentPrint;
import org.emrkit.render.RecordRenderer;
import org.emrkit.render.RenderException;
import org.emrkit.render.RenderFormat;
import org.emrkit.render.RenderFormats;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Template;
import org.emrkit.validation.ReportJson;
import org.emrkit.validation.ValidationReport;
import org.emrkit.terminology.TerminologyService;
import org.emrkit.validation.Validator;
import org.emrkit.validation.rules.FieldRules;
import org.emrkit.validation.rules.WritingStandardRules;

/**
 * The command-line tool: {@code compile}, {@code validate}, {@code render}, {@code demo}. Exit
 * codes: 0 success; 1 the input has problems (diagnostics or error findings); 2 unusable input or
 * bad usage, with a one-line reason.
 */
public final class Cli {

  private final PrintStream out;
  private final PrintStream err;
  private final java.time.Clock clock;

  Cli(PrintStream out, PrintStream err, java.time.Clock clock) {
    this.out = out;
    this.err = err;
    this.clock = clock;
  }

  /** Runs the tool and exits with its code. */
  public static void main(String[] args) {
    // POI logs through the Log4j API; without this it prints a line about a missing provider
    System.setProperty("log4j2.loggerContextFactory",
        "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(new Cli(out, err, java.time.Clock.systemDefaultZone()).run(args));
  }

  /** Runs one command; returns the exit code. */
  int run(String[] args) {
    try {
      if (args.length == 0) {
        throw new UsageException("no command given\n" + Help.USAGE);
      }
      if (args[0].equals("--version") || args[0].equals("version")) {
        out.println("emrkit " + version());
        return 0;
      }
      Args a = new Args(args);
      if ((a.flag("--help") || a.flag("-h")) && Help.HELP.containsKey(args[0])) {
        out.println(Help.HELP.get(args[0]));
        return 0;
      }
      if (List.of("validate", "render", "export").contains(args[0])) {
        warmUp(a);
      }
      return switch (args[0]) {
        case "compile" -> compile(a);
        case "validate" -> validate(a);
        case "render" -> render(a);
        case "export" -> new ExportCommand(a, out, err, clock).run(templates(a));
        case "batch" -> new BatchCommand(a, out, System.console() != null).run();
        case "demo" -> new Demo(out, clock).run(Path.of(a.option("-o", "emrkit-demo")));
        case "serve" -> serve(a);
        case "-h", "--help", "help" -> {
          out.println(Help.USAGE);
          yield 0;
        }
        default -> throw new UsageException("unknown command " + args[0] + "\n" + Help.USAGE);
      };
    } catch (UsageException e) {
      err.println("emrkit: " + e.getMessage());
      return 2;
    } catch (RenderException e) {
      err.println("emrkit: " + (e.code().startsWith("print/") ? "cannot print" : "cannot render")
          + (e.pointer().isEmpty() ? "" : " " + e.pointer()) + ": " + e.message().zh() + " / "
          + e.message().en());
      return 1;
    }
  }

  /** The version this jar was built as. */
  static String version() {
    try (var in = Cli.class.getResourceAsStream("version.properties")) {
      java.util.Properties p = new java.util.Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "(development build)");
    } catch (IOException e) {
      return "(development build)";
    }
  }

  private int serve(Args a) {
    String p = a.option("--port", "8080");
    if (!p.matches("\\d{1,5}") || Integer.parseInt(p) > 65535) {
      throw new UsageException("--port must be a port number (0 to 65535), was " + p);
    }
    List<Template> templates = Demo.templates();
    Editor editor = new Editor(templates, Demo.records(templates), clock,
        CodeLists.of(a, err, CodeLists.sample()));
    try {
      return Editor.serve(editor, Integer.parseInt(p), out);
    } catch (java.io.IOException e) {
      throw new UsageException("cannot listen on 127.0.0.1:" + p + ": " + e.getMessage());
    }
  }

  private int compile(Args a) {
    Path file = Path.of(a.positional(1, "TEMPLATE.emr.md"));
    CompileResult r = TemplateCompiler.builder().build().compile(file);
    r.diagnostics().stream().filter(d -> d.code().equals("dsl/unreadable")).findFirst()
        .ifPresent(d -> {
          throw new UsageException("cannot read " + file + ": " + d.message().en()
              .substring(d.message().en().indexOf(' ') + 1));
        });
    r.diagnostics().forEach(err::println);
    String lists = a.option("--terminology", null);
    if (r.hasErrors() || (lists != null && CodeLists.unresolved(file, r.orElseThrow(),
        CodeLists.load(Path.of(lists), err), err) > 0) || (a.flag("--check-standard")
        && checkStandard(file, r.orElseThrow()) > 0)) {
      return 1;
    }
    String json = TemplateJson.create().write(r.orElseThrow());
    String o = a.option("-o", null);
    if (o == null) {
      out.print(json);
    } else {
      write(Path.of(o), json);
      out.println(o);
    }
    return 0;
  }

  /**
   * The writing-standard pack's template checks (which required items the template has no place
   * for), as {@code file: error code: message} lines; returns how many errors.
   */
  private int checkStandard(Path file, Template t) {
    ValidationReport report = Validator.builder().pack(WritingStandardRules.pack())
        .pack(org.emrkit.validation.rules.FrontPageRules.pack()).build()
        .checkTemplate(t);
    report.findings().forEach(f -> err.println(file.getFileName() + ": " + f.severity().label()
        + " " + f.code() + ": " + f.message()));
    return (int) report.findings().stream().filter(f -> f.severity()
        == org.emrkit.problem.Severity.ERROR).count();
  }

  private int validate(Args a) {
    List<Template> templates = templates(a);
    List<Path> files = a.positionals(1);
    if (files.isEmpty()) {
      throw new UsageException("no record given");
    }
    TerminologyService lists = CodeLists.of(a, err, TerminologyService.none());
    if (a.option("--terminology", null) != null) {
      CodeLists.warnUnresolved(templates, lists, err);
    }
    Validator v = Validator.builder().pack(FieldRules.pack()).pack(WritingStandardRules.pack())
        .pack(org.emrkit.validation.rules.FrontPageRules.pack())
        .pack(IntegrityOptions.pack(a)).rule(org.emrkit.render.pdf.PdfRenderer.builder().build()
            .glyphRule()).terminology(lists).options(deductions(a)).clock(clock)
        .build();
    ValidationReport report;
    if (a.flag("--chart")) {
      List<Chart.Entry> entries = new ArrayList<>();
      for (Path f : files) {
        Record r = Inputs.record(f, templates, err);
        entries.add(new Chart.Entry(Inputs.templateOf(r, templates), r));
      }
      report = v.validate(new Chart(entries));
    } else {
      if (files.size() > 1) {
        throw new UsageException("several records need --chart");
      }
      Record r = Inputs.record(files.get(0), templates, err);
      report = v.validate(Inputs.templateOf(r, templates), r);
    }
    String format = a.option("--format", "text");
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format is text or json, not " + format);
    }
    out.print(format.equals("json") ? ReportJson.write(report) : report.toText());
    return report.hasErrors() ? 1 : 0;
  }

  /** The scoring options: the defaults, or the deduction table {@code --deductions} names. */
  private static org.emrkit.validation.ValidatorOptions deductions(Args a) {
    String file = a.option("--deductions", null);
    org.emrkit.validation.ValidatorOptions o = org.emrkit.validation.ValidatorOptions.DEFAULT;
    if (file == null) {
      return o;
    }
    try (java.io.Reader r = java.nio.file.Files.newBufferedReader(Path.of(file))) {
      return o.withDeductions(org.emrkit.validation.DeductionTable.read(r, file));
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      throw new UsageException("cannot read --deductions " + file + ": " + e.getMessage()
          + " (UTF-8 text: code,points per line)");
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * A command that reads a record starts, while it compiles the template, what reading and
   * rendering need first, in the order they are needed: the record schema (about a quarter of a
   * second, cold), then the expression engine's first evaluation (the first condition a walk
   * evaluates had JEXL look through its arithmetic's methods, 40 ms, on the command's own
   * thread) and, for {@code --to pdf}, the fonts and the classes of a rendering. A process
   * renders once, so this is most of what it waits for; two cores do it side by side.
   */
  private static void warmUp(Args a) {
    Thread reading = new Thread(() -> {
      try {
        org.emrkit.json.RecordJson.create();
        org.emrkit.expr.ExpressionEngine.create().evaluate("1 == 1", name -> null,
            java.time.Clock.systemUTC());
      } catch (RuntimeException | LinkageError e) {
        // only a head start: reading the record reports what is wrong
      }
    }, "emrkit-reading-warm-up");
    reading.setDaemon(true);
    reading.start();
    String to = a.option("--to", null);
    if (to != null) {
      RenderFormats.find(to).ifPresent(RenderFormat::warmUp);
    }
  }

  private int render(Args a) {
    List<Template> templates = templates(a);
    Path file = Path.of(a.positional(1, "RECORD.json"));
    String names = String.join("|", RenderFormats.available().stream().map(RenderFormat::name)
        .toList());
    String to = a.option("--to", null);
    if (to == null) {
      throw new UsageException("--to " + names + " is required");
    }
    RenderFormat format = RenderFormats.find(to).orElseThrow(() -> new UsageException(
        "--to is " + names.replace("|", ", ") + ", not " + to));
    String mode = a.option("--mode", "view");
    if (!mode.equals("view") && !mode.equals("edit")) {
      throw new UsageException("--mode is view or edit, not " + mode);
    }
    RenderMode m = mode.equals("edit") ? RenderMode.FORM : RenderMode.VIEW;
    if (!format.supports(m)) {
      throw new UsageException(to + " has no " + mode + " mode");
    }
    Record record = Inputs.record(file, templates, err);
    Template t = Inputs.templateOf(record, templates);
    if (a.option("--print", null) != null) {
      if (!to.equals("pdf") || m != RenderMode.VIEW) {
        throw new UsageException("--print prints a PDF view: use --to pdf");
      }
      return new PrintCommand(a, out, err).print(t, record, file, printOptions(a, m));
    }
    RecordRenderer renderer = format.renderer(printOptions(a, m));
    String o = a.option("-o", null);
    if (o == null) {
      if (!format.mediaType().startsWith("text/")) {
        throw new UsageException("-o OUT." + format.extension() + " is required for " + to);
      }
      renderer.render(t, record, out);
      out.flush();
      return 0;
    }
    Path target = Path.of(o);
    try {
      if (target.getParent() != null) {
        Files.createDirectories(target.getParent());
      }
    } catch (IOException e) {
      throw new UsageException("cannot write " + o + ": " + e.getMessage());
    }
    renderer.renderTo(t, record, target);
    out.println(o);
    return 0;
  }

  /** The render options the command line asks for (and the rare-character font it names). */
  private RenderOptions printOptions(Args a, RenderMode mode) {
    String amendments = a.option("--amendments", "none");
    AmendmentPrint how = switch (amendments) {
      case "none" -> AmendmentPrint.NONE;
      case "appendix" -> AmendmentPrint.APPENDIX;
      case "inline" -> AmendmentPrint.INLINE;
      default -> throw new UsageException("--amendments is none, appendix or inline, not "
          + amendments);
    };
    String font = a.option("--font", null);
    if (font != null) {
      if (!Files.isRegularFile(Path.of(font)) || !Files.isReadable(Path.of(font))) {
        throw new UsageException("--font " + font + " is not a readable file");
      }
      if (!isTrueType(Path.of(font))) {
        // the renderer would pass over it and print as if no font had been given
        throw new UsageException("--font " + font + " is not a TrueType font (a .ttf file; a"
            + " collection, .ttc, is not taken)");
      }
      // the PDF renderer tries this font first for characters its own fonts lack
      System.setProperty("emrkit.fonts.rare", font);
    }
    return RenderOptions.builder().clock(clock).mode(mode)
        .watermark(a.option("--watermark", null)).printedBy(a.option("--printed-by", null))
        .amendments(how).emptyPlaceholder(a.option("--empty", null))
        .blanks(a.flag("--blanks")).draftWatermark(!a.flag("--no-draft-mark"))
        .supersededSignatures(!a.flag("--hide-superseded")).build();
  }

  /** Whether the file starts as a TrueType or OpenType font does (its sfnt version). */
  private static boolean isTrueType(Path file) {
    try (java.io.InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4);
      String tag = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
      return head.length == 4 && (tag.equals("\0\1\0\0") || tag.equals("true")
          || tag.equals("OTTO"));
    } catch (java.io.IOException e) {
      return false;
    }
  }

  List<Template> templates(Args a) {
    List<String> ts = a.options("--template");
    if (ts.isEmpty()) {
      throw new UsageException("--template T is required");
    }
    List<Template> out = new ArrayList<>();
    java.util.Map<String, Template> given = new java.util.LinkedHashMap<>();
    for (String t : ts) {
      Template template = Inputs.template(Path.of(t), err);
      given.putIfAbsent(t, template);
      // the first given was used without a word (the order of --template changed a print)
      org.emrkit.json.TemplateResolver.clash(given).ifPresent(c -> {
        throw new UsageException("--template " + c
            + ": give one (a changed template takes a new version)");
      });
      out.add(template);
    }
    return out;
  }

  static void write(Path file, String text) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UsageException("cannot write " + file + ": " + e.getMessage());
    }
  }
}
