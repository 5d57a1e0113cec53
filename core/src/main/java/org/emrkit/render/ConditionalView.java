package org.emrkit.render;

import org.emrkit.template.Conditional;

/**
 * An {@code if} block as the walk reaches it.
 *
 * @param conditional the template's block
 * @param holds whether its condition holds
 * @param visible whether it shows: it holds and so does everything around it
 */
public record ConditionalView(Conditional conditional, boolean holds, boolean visible) {}
