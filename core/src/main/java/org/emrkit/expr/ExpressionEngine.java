package org.emrkit.expr;

import java.util.Objects;
import java.util.Optional;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlInfo;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.emrkit.validation.Message;

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

  private ExpressionEngine() {
    JexlFeatures features = new JexlFeatures()
        .loops(false).sideEffect(false).sideEffectGlobal(false).newInstance(false)
        .lambda(false).fatArrow(false).thinArrow(false).localVar(false).annotation(false)
        .pragma(false).pragmaAnywhere(false).importPragma(false).namespacePragma(false)
        .methodCall(false).structuredLiteral(false).arrayReferenceExpr(false).register(false)
        .script(false);
    this.jexl = new JexlBuilder()
        .features(features)
        .permissions(JexlPermissions.NONE)
        .antish(false)
        .strict(true)
        .safe(false)
        .silent(false)
        .cache(512)
        .create();
  }

  /** The shared engine. */
  public static ExpressionEngine create() {
    return DEFAULT;
  }

  /** Why the expression is not accepted, or empty if it is. */
  public Optional<ExpressionError> check(String source) {
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      return Optional.of(new ExpressionError(0, new Message("表达式为空", "empty expression")));
    }
    Optional<ExpressionError> grammar = Grammar.check(source);
    if (grammar.isPresent()) {
      return grammar;
    }
    try {
      jexl.createExpression(new JexlInfo("expr", 1, 1), source);
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
