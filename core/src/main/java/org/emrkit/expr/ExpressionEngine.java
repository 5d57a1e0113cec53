package org.emrkit.expr;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlInfo;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.emrkit.problem.Message;

/**
 * The template expression language (template DSL §7) on Apache Commons JEXL 3, locked down:
 * only the DSL grammar is accepted (checked before JEXL sees the text), and the JEXL engine has
 * loops, side effects, {@code new}, lambdas, local variables, pragmas, annotations, method calls
 * and structured literals switched off and no Java class permitted. Immutable and thread-safe;
 * build one and share it.
 */
public final class ExpressionEngine {

  private static final ExpressionEngine DEFAULT = new ExpressionEngine();

  private final JexlEngine jexl;
  /** Expressions already checked and parsed, by source (bounded: cleared when it grows large). */
  private final java.util.concurrent.ConcurrentHashMap<String, JexlExpression> parsed =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final int MAX_PARSED = 4_096;

  private ExpressionEngine() {
    JexlFeatures features = new JexlFeatures()
        .loops(false).sideEffect(false).sideEffectGlobal(false).newInstance(false)
        .lambda(false).fatArrow(false).thinArrow(false).localVar(false).annotation(false)
        .pragma(false).pragmaAnywhere(false).importPragma(false).namespacePragma(false)
        .methodCall(false).structuredLiteral(false).arrayReferenceExpr(false).register(false)
        .script(false);
    JexlPermissions permissions = JexlPermissions.RESTRICTED.compose("org.emrkit.expr.*");
    // commons-logging's logger that logs nothing, made directly (not through its LogFactory)
    org.apache.commons.logging.Log quiet = new org.apache.commons.logging.impl.NoOpLog();
    this.jexl = new JexlBuilder()
        .features(features)
        .permissions(permissions)
        // its own introspector with that logger: JEXL's shared one asks commons-logging
        .uberspect(new org.apache.commons.jexl3.internal.introspection.Uberspect(quiet,
            org.apache.commons.jexl3.introspection.JexlUberspect.JEXL_STRATEGY, permissions))
        .antish(false)
        .strict(true)
        .safe(false)
        .silent(false)
        .cache(512)
        .arithmetic(new DecimalArithmetic())
        // strict and not silent: every problem is an exception the evaluation carries, so JEXL
        // has nothing to log - and not asking commons-logging for a logger spares a cold
        // command its discovery of a logging system (commons-logging finds Log4j's API in the
        // jar and starts it: about a hundred classes, a tenth of a second cold)
        .logger(quiet)
        .create();
  }

  /** The shared engine. */
  public static ExpressionEngine create() {
    return DEFAULT;
  }

  /**
   * Evaluates an expression. Names are looked up with {@code variables} (absent values are
   * {@code null}; a coded value's part is asked for as written, {@code "dx.code"},
   * {@code "dx.display"}); {@code now()} reads {@code clock}. Never throws for a bad expression or bad
   * values: the evaluation carries the error instead. Evaluation is bounded by construction: the
   * grammar has no loops or recursion and every function is bounded.
   */
  public Evaluation evaluate(String source, Function<String, Object> variables, Clock clock) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(variables, "variables");
    Objects.requireNonNull(clock, "clock");
    JexlExpression e = parsed.get(source);
    if (e == null) {
      Optional<ExpressionError> syntax = check(source);
      if (syntax.isPresent()) {
        return new Evaluation(null, syntax.get().message());
      }
      e = jexl.createExpression(Grammar.forJexl(source));
      if (parsed.size() >= MAX_PARSED) {
        parsed.clear();
      }
      parsed.put(source, e);
    }
    Functions functions = new Functions(clock);
    JexlContext context = new JexlContext() {
      @Override
      public Object get(String name) {
        return variables.apply(name.replace('$', '.'));
      }

      @Override
      public void set(String name, Object value) {
        throw new UnsupportedOperationException("expressions have no side effects");
      }

      @Override
      public boolean has(String name) {
        return true;
      }
    };
    Map<String, Object> ns = new HashMap<>();
    ns.put(null, functions);
    JexlContext withFunctions = new NamespacedContext(context, ns);
    try {
      return new Evaluation(e.evaluate(withFunctions), null);
    } catch (JexlException | ArithmeticException | IllegalArgumentException
        | UnsupportedOperationException | java.time.DateTimeException ex) {
      Throwable cause = ex instanceof JexlException && ex.getCause() != null ? ex.getCause() : ex;
      String detail = cause.getMessage() == null ? cause.getClass().getSimpleName()
          : cause == ex ? cause.getMessage().replaceFirst("^.*?: ", "") : cause.getMessage();
      return new Evaluation(null, new Message("表达式求值失败：" + detail,
          "expression evaluation failed: " + detail));
    }
  }

  /** A context that also resolves the function namespace. */
  /**
   * JEXL's arithmetic with division in decimals: {@code 7 / 2} is 3.5, as on paper and in the
   * browser, not JEXL's integer 3; 16 significant digits; dividing by zero fails.
   */
  private static final class DecimalArithmetic extends org.apache.commons.jexl3.JexlArithmetic {
    DecimalArithmetic() {
      super(true, java.math.MathContext.DECIMAL64, 16);
    }

    @Override
    public Object divide(Object left, Object right) {
      if (left == null || right == null) {
        return super.divide(left, right); // strict: a missing value is an error
      }
      if (!(left instanceof Number) || !(right instanceof Number)) {
        return super.divide(left, right);
      }
      java.math.BigDecimal r = Functions.number(right);
      if (r.signum() == 0) {
        throw new ArithmeticException("division by zero");
      }
      return Functions.number(left).divide(r, java.math.MathContext.DECIMAL64);
    }
  }

  private static final class NamespacedContext implements JexlContext, JexlContext.NamespaceResolver {
    private final JexlContext inner;
    private final Map<String, Object> namespaces;

    NamespacedContext(JexlContext inner, Map<String, Object> namespaces) {
      this.inner = inner;
      this.namespaces = namespaces;
    }

    @Override
    public Object get(String name) {
      return inner.get(name);
    }

    @Override
    public void set(String name, Object value) {
      inner.set(name, value);
    }

    @Override
    public boolean has(String name) {
      return inner.has(name);
    }

    @Override
    public Object resolveNamespace(String name) {
      return namespaces.get(name);
    }
  }

  /**
   * A name an expression reads (a field of the template), where it starts in the expression.
   *
   * @param name the name
   * @param offset its first character's offset in the expression
   */
  public record Name(String name, int offset) {}

  /**
   * The names a grammatical expression reads, in order (keywords and called functions left
   * out); empty for an expression outside the grammar.
   */
  public List<Name> names(String source) {
    List<Name> out = new java.util.ArrayList<>();
    return Grammar.check(Objects.requireNonNull(source, "source"), out).isPresent() ? List.of()
        : out;
  }

  /** Why the expression is not accepted, or empty if it is. */
  public Optional<ExpressionError> check(String source) {
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      return Optional.of(new ExpressionError(0, new Message("表达式为空", "empty expression")));
    }
    if (source.length() > org.emrkit.template.Expression.MAX_LENGTH) {
      int max = org.emrkit.template.Expression.MAX_LENGTH;
      return Optional.of(new ExpressionError(max, new Message("表达式过长(" + source.length()
          + " 字符，上限 " + max + ")：请拆成几个计算字段", "expression too long ("
          + source.length() + " characters; limit " + max + "): split it into several calc"
          + " fields")));
    }
    Optional<ExpressionError> grammar = Grammar.check(source);
    if (grammar.isPresent()) {
      return grammar;
    }
    try {
      jexl.createExpression(new JexlInfo("expr", 1, 1), Grammar.forJexl(source));
      return Optional.empty();
    } catch (JexlException e) {
      JexlInfo info = e.getInfo();
      int offset = info == null ? 0 : Math.max(0, Math.min(source.length(), info.getColumn() - 1));
      String detail = e.getMessage() == null ? "" : e.getMessage().replaceFirst("^.*?: ", "");
      return Optional.of(new ExpressionError(offset, new Message("表达式语法错误：" + detail,
          "expression syntax error: " + detail)));
    }
  }
}
