package org.emrkit.editor.http;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The editor server's paths and the methods each takes. */
enum Route {
  LOGIN(Set.of("GET", "HEAD", "POST")), LOGOUT(Set.of("POST")), INDEX(Set.of("GET", "HEAD")),
  NEW(Set.of("POST")), PAGE(Set.of("GET", "HEAD")), ACTION(Set.of("POST")),
  SEARCH(Set.of("GET")),
  NOT_FOUND(Set.of("GET", "HEAD"));

  /** A record's paths: its page, its PDF and JSON, its search box's answers, its actions. */
  static final Pattern RECORD = Pattern.compile(
      "/records/([A-Za-z0-9_.-]{1,100}?)"
      + "(\\.pdf|\\.json|/search|/trace|/preview|/save|/sign|/archive|/print)?");

  final Set<String> methods;

  Route(Set<String> methods) {
    this.methods = methods;
  }

  static Route of(String path) {
    return switch (path) {
      case "/login" -> LOGIN;
      case "/logout" -> LOGOUT;
      case "/" -> INDEX;
      case "/new" -> NEW;
      default -> {
        Matcher m = RECORD.matcher(path);
        if (!m.matches()) {
          yield NOT_FOUND;
        }
        String a = m.group(2);
        yield a == null || a.startsWith(".") || a.equals("/trace") || a.equals("/preview") ? PAGE
            : a.equals("/search") ? SEARCH : ACTION;
      }
    };
  }
}
