/**
 * Problems, the one type every part of EMRKit reports bad input with: a stable code, a
 * {@link org.emrkit.problem.Severity}, a {@link org.emrkit.problem.Location} and a bilingual
 * {@link org.emrkit.problem.Message}. This package depends on nothing else of EMRKit.
 */
package org.emrkit.problem;
