/**
 * The built-in rule packs: {@link org.emrkit.validation.rules.FieldRules} (template constraints,
 * {@code field/*}) and {@link org.emrkit.validation.rules.WritingStandardRules} (病历书写基本规范
 * and 电子病历应用管理规范, {@code cn/*}).
 */
package org.emrkit.validation.rules;
