package org.emrkit.dsl.internal;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.emrkit.template.Block;
import org.emrkit.template.Conditional;
import org.emrkit.template.Expression;
import org.emrkit.template.RepeatGroup;

/**
 * The {@code :::} containers of a document: which kind each is, whether it is closed, and the
 * repeat groups and conditional blocks they make; their content is read by the compiler's block
 * reader.
 */
final class Containers {

  private final BuildState state;
  private final Function<Node, List<Block>> block;

  Containers(BuildState state, Function<Node, List<Block>> block) {
    this.state = state;
    this.block = block;
  }

  static String kind(ContainerBlock c) {
    String info = c.info.toString();
    int space = info.indexOf(' ');
    return space < 0 ? info : info.substring(0, space);
  }

  static BasedSequence rest(ContainerBlock c) {
    String kind = kind(c);
    return c.info.subSequence(kind.length()).trim();
  }

  static boolean isPageArea(ContainerBlock c) {
    String k = kind(c);
    return k.equals("page-header") || k.equals("page-footer");
  }

  boolean checkClosed(ContainerBlock c) {
    if (!c.closed) {
      state.problems.error(c.getStartOffset(), "dsl/unclosed-container", "容器 " + c.info
          + " 没有结束行(" + ":".repeat(c.colons) + ")", "container " + c.info
          + " is not closed (" + ":".repeat(c.colons) + ")");
      return false;
    }
    if (c.getParent() instanceof ContainerBlock parent && parent.closerOffset == c.closerOffset) {
      state.problems.error(c.getStartOffset(), "dsl/unclosed-container", "容器 " + c.info
          + " 没有自己的结束行，被外层容器的结束行一并关闭", "container " + c.info
          + " has no closing line of its own; the outer container's closing line ended it");
      return false;
    }
    return true;
  }

  List<Block> children(ContainerBlock c) {
    state.containerDepth++;
    List<Block> out = new ArrayList<>();
    for (Node n = c.getFirstChild(); n != null; n = n.getNext()) {
      out.addAll(block.apply(n));
    }
    state.containerDepth--;
    return out;
  }

  List<Block> container(ContainerBlock c) {
    boolean closed = checkClosed(c);
    String kind = kind(c);
    switch (kind) {
      case "table":
        return List.of(); // collected in the first pass, placed by {{> id}}
      case "repeat":
        return closed ? repeat(c) : List.of();
      case "if":
        return closed ? conditional(c) : List.of();
      case "page-header":
      case "page-footer":
        state.problems.error(c.getStartOffset(), "dsl/bad-container",
            "page-header / page-footer 只能写在最外层", "page-header and page-footer belong at the top level");
        return List.of();
      default:
        state.problems.error(c.getStartOffset(), "dsl/unknown-container", "未知的容器类型 \"" + kind
            + "\"(可用 repeat, if, table, page-header, page-footer)", "unknown container kind \""
            + kind + "\" (expected repeat, if, table, page-header, page-footer)");
        return List.of();
    }
  }

  private List<Block> repeat(ContainerBlock c) {
    Heads.RepeatHead head = Heads.repeat(rest(c), c.getStartOffset(), state.problems);
    if (head == null) {
      return List.of();
    }
    String id = head.id();
    int idOffset = head.idOffset();
    String label = head.label();
    int min = head.min();
    Integer max = head.max();
    if (!state.declare(id, idOffset)) {
      return List.of();
    }
    state.pushScope();
    List<Block> children = children(c);
    state.popScope();
    try {
      return List.of(state.at(new RepeatGroup(id, label, min, max, children), c.getStartOffset()));
    } catch (IllegalArgumentException e) {
      state.problems.error(c.getStartOffset(), "dsl/bad-container", "repeat 容器不成立：" + e.getMessage(),
          "invalid repeat container: " + e.getMessage());
      return List.of();
    }
  }

  private List<Block> conditional(ContainerBlock c) {
    BasedSequence expr = rest(c);
    if (!expression(expr)) {
      return List.of();
    }
    List<Block> children = children(c);
    if (children.isEmpty()) {
      state.problems.error(c.getStartOffset(), "dsl/bad-container", "if 容器中没有内容",
          "the if container is empty");
      return List.of();
    }
    return List.of(state.at(new Conditional(new Expression(expr.toString()), children),
        c.getStartOffset()));
  }

  private boolean expression(BasedSequence expr) {
    return Heads.expression(expr.toString(), expr.getStartOffset(), state.problems,
        state.expressions);
  }
}
