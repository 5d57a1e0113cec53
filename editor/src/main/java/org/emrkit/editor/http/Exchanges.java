package org.emrkit.editor.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrkit.editor.BadRequest;
import org.emrkit.editor.Outcome;
import org.emrkit.editor.StrictJson;
import org.emrkit.problem.Message;

/** Reading bounded request bodies and writing answers, for {@link EditorServer}. */
final class Exchanges {

  static final int MAX_FORM = 16 * 1024;

  private Exchanges() {}


  static byte[] body(HttpExchange x, int max) throws IOException {
    try (InputStream in = x.getRequestBody()) {
      byte[] b = in.readNBytes(max + 1);
      if (b.length > max) {
        // read the rest (bounded by the request time limit) so the client gets the answer,
        // not a reset connection
        in.transferTo(OutputStream.nullOutputStream());
        throw new BadRequest("request/too-large", Message.of("请求过大（上限 " + max + " 字节）",
            "request too large (limit " + max + " bytes)"));
      }
      return b;
    }
  }

  /** A form body (application/x-www-form-urlencoded), strictly UTF-8, bounded. */
  static Map<String, String> form(HttpExchange x) throws IOException {
    return pairs(StrictJson.utf8(body(x, MAX_FORM)));
  }

  static Map<String, String> query(HttpExchange x) {
    String raw = x.getRequestURI().getRawQuery();
    return raw == null ? Map.of() : pairs(raw);
  }

  static Map<String, String> pairs(String raw) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String kv : raw.split("&")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        try {
          m.putIfAbsent(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          throw new BadRequest("request/form", Message.of("表单编码有误", "malformed form encoding"));
        }
      }
    }
    return m;
  }


  static String error(String code, Message m) {
    return new Outcome(false, code, m, List.of(), "", null, List.of()).json();
  }

  static void redirect(HttpExchange x, String location) throws IOException {
    x.getResponseHeaders().set("Location", location);
    x.sendResponseHeaders(303, -1);
  }

  static void html(HttpExchange x, int status, String body) throws IOException {
    send(x, status, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  static void json(HttpExchange x, int status, String body) throws IOException {
    send(x, status, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  static void text(HttpExchange x, int status, String body) throws IOException {
    send(x, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange x, int status, String type, byte[] body)
      throws IOException {
    x.getResponseHeaders().set("Content-Type", type);
    if (x.getRequestMethod().equals("HEAD")) {
      x.sendResponseHeaders(status, -1);
      return;
    }
    x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    }
  }
}
