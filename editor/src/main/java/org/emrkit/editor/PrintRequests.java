package org.emrkit.editor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.emrkit.problem.Message;
import org.emrkit.record.Actor;
import org.emrkit.render.PrintMode;
import org.emrkit.render.PrintRequest;

/**
 * Reads a page's print request ({@code {"head", "mode", "from", "pages", "offsetX", "offsetY"}}):
 * who prints is the session's actor and the printer the host's, never the request's.
 */
final class PrintRequests {

  private static final Set<String> MEMBERS = Set.of("head", "mode", "from", "pages", "offsetX",
      "offsetY");

  private PrintRequests() {}

  static PrintRequest read(JsonNode req, Actor actor, String printer) {
    for (Iterator<String> it = req.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!MEMBERS.contains(name)) {
        throw bad("request/" + name, "打印请求没有 " + name + " 这一项",
            "a print request has no member " + name);
      }
    }
    PrintMode mode = PrintMode.fromLabel(req.path("mode").asText(""));
    if (mode == null || !req.path("mode").isTextual()) {
      throw bad("request/mode", "打印方式应为 continue、from、pages 或 all",
          "the print mode is continue, from, pages or all");
    }
    JsonNode from = req.get("from");
    if (from != null && !from.isTextual()) {
      throw bad("request/from", "from 应为条目的 JSON 指针", "from must be an entry's JSON pointer");
    }
    List<Integer> pages = new ArrayList<>();
    JsonNode p = req.path("pages");
    if (!p.isMissingNode()) {
      if (!p.isArray() || p.size() > 10_000) {
        throw bad("request/pages", "pages 应为页码数组", "pages must be an array of page numbers");
      }
      for (JsonNode n : p) {
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
          throw bad("request/pages", "pages 应为页码数组", "pages must be an array of page numbers");
        }
        pages.add(n.intValue());
      }
    }
    try {
      return new PrintRequest(mode, from == null ? null : from.asText(), pages, actor, printer,
          number(req, "offsetX"), number(req, "offsetY"));
    } catch (IllegalArgumentException e) {
      throw bad("request/print", "打印请求无效：" + e.getMessage(),
          "the print request is not valid: " + e.getMessage());
    }
  }

  private static double number(JsonNode req, String name) {
    JsonNode n = req.get(name);
    if (n == null) {
      return 0;
    }
    if (!n.isNumber()) {
      throw bad("request/" + name, name + " 应为毫米数", name + " must be a number of millimetres");
    }
    return n.doubleValue();
  }

  private static BadRequest bad(String code, String zh, String en) {
    return new BadRequest(code, Message.of(zh, en));
  }
}
