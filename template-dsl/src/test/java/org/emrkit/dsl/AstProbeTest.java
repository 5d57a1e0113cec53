package org.emrkit.dsl;

import com.vladsch.flexmark.util.ast.Node;
import org.emrkit.dsl.internal.DslParser;
import org.junit.jupiter.api.Test;

class AstProbeTest {
  static void dump(Node n, String indent) {
    System.out.println(indent + n.getClass().getSimpleName() + " [" + n.getStartOffset() + "," + n.getEndOffset() + "] " + n.getChars().toString().replace("\n", "\\n").substring(0, Math.min(60, n.getChars().length())));
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) dump(c, indent + "  ");
  }

  @Test
  void probe() {
    dump(DslParser.parse("::: if a\nx\n:::\n\nafter\n"), "");
    System.out.println("----");
    dump(DslParser.parse("::: if a\n\nx\n\n:::\n\nafter\n"), "");
    System.out.println("----");
    dump(DslParser.parse(":::: if a\n::: if b\nx\n:::\n::::\nafter\n"), "");
  }
}
