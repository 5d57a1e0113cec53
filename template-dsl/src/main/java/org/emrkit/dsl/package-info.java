/**
 * EMR Markdown, the template DSL: {@link org.emrkit.dsl.TemplateCompiler} turns {@code .emr.md}
 * text into a {@link org.emrkit.template.Template} or a list of {@link org.emrkit.dsl.Diagnostic}s
 * with file, line and column; {@link org.emrkit.dsl.TemplateDecompiler} turns a template back
 * into text that compiles to an equal template. Flexmark's mutable AST stays internal.
 */
package org.emrkit.dsl;
