package org.emrkit.render;

import org.emrkit.template.Section;

/**
 * A section as the walk reaches it.
 *
 * @param section the template's section
 * @param level 1 for a section at the top of the template, 2 inside it, and so on
 * @param holds whether its own {@code when} holds (true without one)
 * @param visible whether it shows: it holds and so does everything around it
 */
public record SectionView(Section section, int level, boolean holds, boolean visible) {}
