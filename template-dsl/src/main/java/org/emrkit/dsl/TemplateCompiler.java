package org.emrkit.dsl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.emrkit.dsl.internal.ControlCharacters;
import org.emrkit.dsl.internal.InputGuard;
import org.emrkit.dsl.internal.ModelBuilder;
import org.emrkit.problem.Message;
import org.emrkit.problem.Severity;

/**
 * Compiles EMR Markdown ({@code .emr.md}, docs/template-dsl.md) into a
 * {@link org.emrkit.template.Template}, or diagnostics with file, line and column. Built once
 * with {@link #builder()}, immutable and thread-safe.
 *
 * <pre>{@code
 * CompileResult r = TemplateCompiler.builder().build().compile(Path.of("admission.emr.md"));
 * r.diagnostics().forEach(System.err::println);
 * Template t = r.orElseThrow();
 * }</pre>
 */
public final class TemplateCompiler {

  /** Largest source accepted, in characters (10 MiB). */
  public static final int MAX_SOURCE_CHARS = 10 * 1024 * 1024;
  /** The largest template file read, in bytes (a Chinese character is three in UTF-8). */
  public static final int MAX_SOURCE_BYTES = 3 * MAX_SOURCE_CHARS;

  /** Stack reserved for the compiling thread: deep Markdown nesting recurses in Flexmark. */
  private static final long STACK_BYTES = 512L * 1024 * 1024;

  private final int maxDiagnostics;

  private TemplateCompiler(Builder b) {
    this.maxDiagnostics = b.maxDiagnostics;
  }

  /** A builder with the defaults: at most 100 diagnostics. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Compiles the file. Never throws for a bad file: a directory, a missing or unreadable file,
   * one larger than the limit (read no further than the limit: {@code /dev/zero} has no size)
   * or one that is not UTF-8 is a diagnostic.
   */
  public CompileResult compile(Path file) {
    Objects.requireNonNull(file, "file");
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    if (Files.isDirectory(file)) {
      return unreadable(name, "是目录，不是模板文件", "is a directory, not a template file");
    }
    byte[] bytes;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_SOURCE_BYTES + 1);
    } catch (java.nio.file.NoSuchFileException e) {
      return unreadable(name, "文件不存在", "no such file");
    } catch (java.nio.file.AccessDeniedException e) {
      return unreadable(name, "没有读取权限", "permission denied");
    } catch (IOException e) {
      return unreadable(name, "无法读取：" + e.getMessage(), "cannot be read: " + e.getMessage());
    }
    if (bytes.length > MAX_SOURCE_BYTES) {
      return new CompileResult(null, List.of(new Diagnostic(name, 1, 1, Severity.ERROR,
          "dsl/too-large", new Message("模板文件过大(上限 " + MAX_SOURCE_BYTES + " 字节)",
              "template file too large (limit " + MAX_SOURCE_BYTES + " bytes)"))));
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return compile(text, name);
    } catch (CharacterCodingException e) {
      return new CompileResult(null, List.of(new Diagnostic(name, 1, 1, Severity.ERROR,
          "dsl/encoding", new Message("文件不是有效的 UTF-8 文本", "the file is not valid UTF-8 text"))));
    }
  }

  /** What a character no template may hold is, and the fix. */
  private static Message message(ControlCharacters.Found c) {
    String u = c.name();
    String[] what = switch (c.kind()) {
      case CONTROL -> new String[] {"控制字符 " + u + "：看不见，却会进入模板的文字，Word 和 CDA 导出无法容纳",
          "control character " + u + ": invisible, it would pass into the template's text, which"
              + " Word and CDA exports cannot hold"};
      case LINE_BREAK -> new String[] {"换行符，文字中不能有；要换行请写 <br>",
          "a line break, which text cannot hold; write <br> for a line break"};
      case BIDI -> new String[] {"双向文本控制符 " + u + "：文字显示的顺序与存储的不同，病历读取时拒收",
          "text-direction control " + u + ": the text would read otherwise than it is stored;"
              + " the record reader refuses it"};
      case NONCHARACTER -> new String[] {"非字符 " + u + "，病历读取时拒收",
          "noncharacter " + u + ", which the record reader refuses"};
      case SURROGATE -> new String[] {"不成对的代理项 " + u + "（半个字符），病历读取时拒收",
          "half a surrogate pair " + u + ", which the record reader refuses"};
      case NONE -> new String[] {"不存在的字符 " + u + "（码位超出 U+10FFFF）",
          "no character " + u + " (past U+10FFFF)"};
    };
    return c.reference() == null
        ? new Message("这里有" + what[0] + "；请删除它", what[1] + "; delete it")
        : new Message("字符引用 " + c.reference() + " 表示" + what[0] + "；请删除这个引用",
            "the reference " + c.reference() + " stands for " + what[1] + ": delete the"
                + " reference");
  }

  private static CompileResult unreadable(String name, String zh, String en) {
    return new CompileResult(null, List.of(new Diagnostic(name, 1, 1, Severity.ERROR,
        "dsl/unreadable", new Message(name + " " + zh, name + " " + en))));
  }

  /** Compiles text; {@code fileName} is used in diagnostics. Never throws for bad text. */
  public CompileResult compile(String source, String fileName) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(fileName, "fileName");
    if (source.length() > MAX_SOURCE_CHARS) {
      return new CompileResult(null, List.of(new Diagnostic(fileName, 1, 1, Severity.ERROR,
          "dsl/too-large", new Message("模板文件过大(上限 " + MAX_SOURCE_CHARS + " 字符)",
              "template file too large (limit " + MAX_SOURCE_CHARS + " characters)"))));
    }
    String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
    text = text.replace("\r\n", "\n").replace('\r', '\n');
    InputGuard.Refusal refusal = InputGuard.check(text);
    if (refusal != null) {
      return new CompileResult(null, List.of(new Diagnostic(fileName, refusal.line(), 1,
          Severity.ERROR, "dsl/too-large", new Message(refusal.zh(), refusal.en()))));
    }
    List<ControlCharacters.Found> controls = ControlCharacters.find(text, maxDiagnostics);
    if (!controls.isEmpty()) {
      return new CompileResult(null, controls.stream().map(c -> new Diagnostic(fileName,
          c.line(), c.column(), Severity.ERROR, c.kind() == ControlCharacters.Kind.CONTROL
              || c.kind() == ControlCharacters.Kind.LINE_BREAK ? "dsl/control-character"
              : "dsl/character", message(c))).toList());
    }
    return onLargeStack(fileName, text);
  }

  /**
   * Compiles on a thread with a large stack, so that deeply nested Markdown parses; if even that
   * overflows, the input is reported as too complex (never a crash, never a silent result).
   */
  private CompileResult onLargeStack(String fileName, String text) {
    Object[] result = new Object[1];
    Thread worker = new Thread(null, () -> {
      try {
        ModelBuilder.Result r = ModelBuilder.build(fileName, text, maxDiagnostics);
        result[0] = new CompileResult(r.template(), r.diagnostics());
      } catch (StackOverflowError e) {
        result[0] = new CompileResult(null, List.of(new Diagnostic(fileName, 1, 1, Severity.ERROR,
            "dsl/too-complex", new Message("模板嵌套过深，无法解析", "the template nests too deeply to parse"))));
      } catch (RuntimeException | Error e) {
        result[0] = e;
      }
    }, "emrkit-dsl-compile", STACK_BYTES);
    worker.start();
    boolean interrupted = false;
    while (true) {
      try {
        worker.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (result[0] instanceof RuntimeException e) {
      throw e;
    }
    if (result[0] instanceof Error e) {
      throw e;
    }
    return (CompileResult) result[0];
  }

  /** Configures a compiler. */
  public static final class Builder {
    private int maxDiagnostics = 100;

    private Builder() {}

    /** Most diagnostics reported (default 100); one more says that the list was cut. */
    public Builder maxDiagnostics(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxDiagnostics must be at least 1");
      }
      this.maxDiagnostics = max;
      return this;
    }

    /** The compiler. */
    public TemplateCompiler build() {
      return new TemplateCompiler(this);
    }
  }
}
