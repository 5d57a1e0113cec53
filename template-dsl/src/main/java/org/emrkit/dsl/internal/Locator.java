package org.emrkit.dsl.internal;

import java.util.List;
import java.util.Map;
import org.emrkit.template.Block;
import org.emrkit.template.Cell;
import org.emrkit.template.Conditional;
import org.emrkit.template.Paragraph;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Section;
import org.emrkit.template.Table;

/**
 * Follows a JSON pointer into the model (as {@code TemplateException}s report them) to the
 * deepest object whose source offset is known, so a model refusal found late still gets a line
 * and column.
 */
final class Locator {
  private Locator() {}

  static int offset(String pointer, List<Block> header, List<Block> footer, List<Block> blocks,
      Map<Object, Integer> positions) {
    Object current = null;
    List<?> list = null;
    int best = 0;
    for (String token : pointer.split("/")) {
      if (token.isEmpty()) {
        continue;
      }
      if (token.chars().allMatch(Character::isDigit)) {
        int i = Integer.parseInt(token);
        if (list == null || i >= list.size()) {
          return best;
        }
        current = list.get(i);
        Integer p = positions.get(current);
        if (p != null) {
          best = p;
        }
        continue;
      }
      list = switch (token) {
        case "blocks" -> blocks;
        case "pageHeader" -> header;
        case "pageFooter" -> footer;
        case "children" -> current instanceof Section s ? s.children()
            : current instanceof RepeatGroup g ? g.children()
            : current instanceof Conditional c ? c.children() : null;
        case "cells" -> current instanceof Table t ? t.cells() : null;
        case "content" -> current instanceof Cell c ? c.content() : null;
        case "inlines" -> current instanceof Paragraph p ? p.inlines() : null;
        default -> null;
      };
      if (list == null) {
        return best;
      }
    }
    return best;
  }
}
