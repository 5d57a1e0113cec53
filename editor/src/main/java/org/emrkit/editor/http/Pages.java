package org.emrkit.editor.http;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.emrkit.edit.RecordAudit;
import org.emrkit.editor.Opened;
import org.emrkit.editor.TraceView;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.Revision;
import org.emrkit.record.Signature;
import org.emrkit.record.SignatureScope;
import org.emrkit.render.html.HtmlRenderer;
import org.emrkit.template.Template;
import org.emrkit.validation.Finding;

/**
 * The editor's pages: log-in, the list of templates and records, a record's editor page. Every
 * script carries the response's CSP nonce; every form and request carries the session's CSRF
 * token; nothing on a page chooses who acts.
 */
final class Pages {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final String title;
  private final String loginNote;

  Pages(String title, String loginNote) {
    this.title = title;
    this.loginNote = loginNote;
  }

  String login(String error) {
    StringBuilder b = new StringBuilder(doc(title + " · 登录 log in", null));
    b.append("<main class=\"login\"><h1>").append(esc(title)).append("</h1>");
    if (loginNote != null) {
      b.append("<p class=\"note\">").append(esc(loginNote)).append("</p>");
    }
    b.append("<form method=\"post\" action=\"/login\"><p><label>用户名 user <input name=\"user\"")
        .append(" id=\"user\" autocomplete=\"username\" required></label></p>")
        .append("<p><label>密码 password <input name=\"password\" id=\"password\" type=\"password\"")
        .append(" autocomplete=\"current-password\" required></label></p>")
        .append("<p><button type=\"submit\" id=\"login\">登录 log in</button></p>");
    if (error != null) {
      b.append("<p id=\"message\" role=\"alert\">").append(esc(error)).append("</p>");
    }
    return b.append("</form></main></body></html>").toString();
  }

  String index(Sessions.Session s, List<Template> templates, List<Record> records) {
    StringBuilder b = new StringBuilder(doc(title, s));
    b.append("<main><h1>").append(esc(title)).append("</h1><h2>模板 Templates</h2><ul class=\"list\">");
    for (Template t : templates) {
      b.append("<li><form method=\"post\" action=\"/new?template=").append(esc(t.id()))
          .append("\">").append(csrfField(s)).append(esc(t.title())).append(" <code>")
          .append(esc(t.reference())).append("</code> <button type=\"submit\" class=\"new\"")
          .append(" data-template=\"").append(esc(t.id())).append("\">新建 new record</button>")
          .append("</form></li>");
    }
    if (templates.isEmpty()) {
      b.append("<li>没有您可新建的病历 / no record you may create</li>");
    }
    b.append("</ul><h2>病历 Records</h2><ul class=\"list\">");
    for (Record r : records) {
      b.append("<li><a href=\"/records/").append(esc(r.id())).append("\">").append(esc(r.id()))
          .append("</a> · ").append(esc(r.template().id())).append(" · ")
          .append(r.status().label()).append("</li>");
    }
    return b.append("</ul></main></body></html>").toString();
  }

  String record(Sessions.Session s, Opened o, List<TraceView> saves, String nonce) {
    Record r = o.record();
    Template t = o.template();
    String base = "/records/" + esc(r.id());
    StringBuilder b = new StringBuilder(doc(r.id() + " · " + t.title(), s));
    b.append("<main class=\"editor\"><section class=\"doc\"><p class=\"bar\">")
        .append("<a href=\"/\">← 全部 all</a> <strong>").append(esc(t.title())).append("</strong> ")
        .append(esc(r.id())).append(" · 状态 status <span id=\"status\">")
        .append(r.status().title()).append(" ").append(r.status().label()).append("</span></p>");
    actions(b, o);
    b.append("<p class=\"bar\"><button type=\"button\" id=\"preview-open\" title=\"Ctrl+P\">"
            + "打印预览 print preview</button> ")
        .append("<button type=\"button\" id=\"print-continue\" title=\"打印上次打印之后的内容，接在"
            + "纸上已打印内容的下面 / prints what is not on paper yet, under what is\">续打 continue"
            + "</button> ")
        .append("<a id=\"trace-view\" href=\"").append(base).append("/trace\">痕迹 tracked changes</a> ")
        .append("<a id=\"pdf\" href=\"").append(base).append(".pdf\">PDF</a> ")
        .append("<a href=\"").append(base).append(".json\">JSON</a></p>")
        .append("<p id=\"message\" role=\"alert\"></p>")
        .append("<div id=\"preview\" hidden><p class=\"bar\"><button type=\"button\" id=\"preview-close\">"
            + "关闭预览 close</button></p><iframe id=\"preview-frame\" title=\"打印预览 print preview\">"
            + "</iframe></div>")
        .append("<div id=\"record\">").append(o.form()).append("</div></section><aside>");
    findings(b, o);
    trace(b, o, saves);
    b.append("<p id=\"audit\">").append(o.audit().intact() ? "留痕校验通过 trace intact"
        : "留痕校验失败 trace broken: " + esc(o.audit().first().orElseThrow().message().toString()))
        .append("</p></aside></main>");
    // the page's data as JSON (a data block: not run); < escaped so no text ends the element
    String data = "{\"base\":\"" + base + "\",\"head\":\"" + esc(o.head()) + "\",\"reveal\":"
        + !r.revisions().isEmpty() + ",\"options\":" + o.editorOptions().strip() + "}";
    b.append("<script type=\"application/json\" id=\"emr-page\">")
        .append(data.replace("<", "\\u003c")).append("</script>")
        .append("<script nonce=\"").append(nonce).append("\">").append(HtmlRenderer.script())
        .append("</script><script nonce=\"").append(nonce).append("\">").append(PAGE_SCRIPT)
        .append("</script></body></html>");
    return b.toString();
  }

  /** The bar of what the actor may do: save (undo, redo, the reason), sign, archive. */
  private static void actions(StringBuilder b, Opened o) {
    List<String> actions = o.actions();
    b.append("<p class=\"bar\">");
    if (actions.contains("save")) {
      b.append("<button type=\"button\" id=\"save\" title=\"Ctrl+S\">保存 save"
              + "</button> <button type=\"button\" id=\"undo\" title=\"Ctrl+Z\" disabled>撤销 undo"
              + "</button> <button type=\"button\" id=\"redo\" title=\"Ctrl+Y\" disabled>重做 redo"
              + "</button> <span id=\"reason-box\" hidden><label>修改理由 reason <input id=\"reason\""
              + " size=\"24\"></label></span> ");
    } else {
      b.append("<span id=\"read-only\">").append(o.record().status().label().equals("archived")
          ? "已归档，只读 archived: read-only" : "只读 read-only").append("</span> ");
    }
    if (actions.contains("sign") || actions.contains("save")) {
      // a row's signature button signs too: the password box is there wherever one may be
      b.append("<label>签名密码 password <input id=\"sign-password\" type=\"password\" size=\"12\"")
          .append(" autocomplete=\"current-password\"></label> ");
    }
    if (actions.contains("sign")) {
      b.append("<button type=\"button\" id=\"sign\">签名 sign</button> ");
    }
    if (actions.contains("archive")) {
      b.append("<button type=\"button\" id=\"archive\">归档 archive</button>");
    }
    b.append("</p>");
  }

  /** The 痕迹 view: the record with its amendments inline, who and when on hover. */
  String traced(Sessions.Session s, Opened o, String view) {
    Record r = o.record();
    StringBuilder b = new StringBuilder(doc(r.id() + " · 痕迹 tracked changes", s));
    b.append("<main><p class=\"bar\"><a href=\"/records/").append(esc(r.id()))
        .append("\">← 返回编辑 back to the editor</a> <strong>").append(esc(o.template().title()))
        .append("</strong> 痕迹 tracked changes：<del class=\"emr-struck\">删除 deleted</del> "
            + "<ins class=\"emr-inserted\">新增 inserted</ins></p>")
        .append(view).append("</main></body></html>");
    return b.toString();
  }

  private static void findings(StringBuilder b, Opened o) {
    b.append("<h2>质控 Validation <span id=\"grade\">")
        .append(o.report().score().toPlainString()).append(" 分 · ")
        .append(o.report().grade().label()).append("</span></h2>")
        .append("<input type=\"checkbox\" id=\"show-codes\"><label for=\"show-codes\">"
            + "显示规则代码 show rule codes</label><ol id=\"findings\">");
    for (Finding f : o.report().findings()) {
      b.append("<li class=\"").append(f.severity().name().toLowerCase(Locale.ROOT))
          .append("\"><a href=\"#\" class=\"finding\" data-code=\"").append(esc(f.code()))
          .append("\" data-path=\"").append(esc(f.path())).append("\">")
          .append(esc(f.message().zh())).append("</a> <code class=\"rule-code\">")
          .append(esc(f.code())).append("</code></li>");
    }
    b.append("</ol>");
  }

  private static void trace(StringBuilder b, Opened o, List<TraceView> saves) {
    Record r = o.record();
    b.append("<h2>修改留痕 Revision trace</h2><ol id=\"trace\" reversed>");
    for (int i = saves.size() - 1; i >= 0; i--) {
      TraceView v = saves.get(i);
      b.append(i == saves.size() - 21 ? "</ol><details><summary>更早的修改 earlier ("
          + (i + 1) + ")</summary><ol class=\"trace-earlier\" reversed>" : "")
          .append("<li><span class=\"who\">").append(esc(v.who())).append("</span> <time>")
          .append(esc(v.when())).append("</time>")
          .append(v.reason() == null ? "" : " <span class=\"reason\">理由：" + esc(v.reason())
              + "</span>").append("<ul>");
      for (TraceView.Change c : v.changes()) {
        b.append("<li>").append(esc(c.line())).append("</li>");
      }
      b.append("</ul></li>");
    }
    b.append(saves.size() > 20 ? "</ol></details>" : "</ol>")
        .append("<h2>签名 Signatures</h2><ul id=\"signatures\">");
    for (Signature s : r.signatures()) {
      b.append("<li").append(s.superseded() ? " class=\"superseded\"" : "").append(">")
          .append(esc(s.signer().name())).append("（").append(s.signer().role().title())
          .append("） ").append(TIME.format(s.at())).append(" ")
          .append(s.scope() instanceof SignatureScope.WholeRecord ? "全文 record"
              : esc(s.scope().wire()))
          .append(s.superseded() ? " · 已失效 superseded" : "").append("</li>");
    }
    b.append("</ul><p class=\"detail\">链头 head <code>")
        .append(esc(RecordAudit.head(r).orElse("—"))).append("</code></p>");
  }

  /** The page's head and header: the CSRF token for scripts, who is logged in, log-out. */
  private static String doc(String title, Sessions.Session s) {
    StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head>"
        + "<meta charset=\"utf-8\">");
    if (s != null) {
      b.append("<meta name=\"emrkit-csrf\" content=\"").append(esc(s.csrf())).append("\">");
    }
    b.append("<title>").append(esc(title)).append("</title><style>").append(HtmlRenderer.css())
        .append(PAGE_CSS).append("</style></head><body>");
    if (s != null) {
      Actor a = s.actor();
      b.append("<header><form method=\"post\" action=\"/logout\">").append(csrfField(s))
          .append("当前用户 logged in: <strong id=\"actor\">").append(esc(a.name()))
          .append("</strong> · ").append(a.role().title())
          .append(" <button type=\"submit\" id=\"logout\">退出 log out</button></form></header>");
    }
    return b.toString();
  }

  private static String csrfField(Sessions.Session s) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(s.csrf()) + "\">";
  }

  static String esc(String s) {
    return HtmlRenderer.escape(s);
  }

  private static final String PAGE_CSS = """
      header{padding:.4em 1em;background:#eef2f6;border-bottom:1px solid #ccd}
      header form{margin:0}main{padding:0 1em}.login{max-width:28em;margin:3em auto}.login h1{font-size:1.5em}.note{color:#555}
      .editor{display:flex;gap:1.5em;align-items:flex-start}
      .doc{flex:3;min-width:0}aside{flex:2;font-size:.9em;position:sticky;top:0}
      .bar{margin:.3em 0}#message{color:#a40000;min-height:1.2em}#message.ok{color:#246b00}
      #findings li.error a{color:#a40000}#findings li.warning a{color:#8a5a00}
      #findings .rule-code{display:none;color:#555;font-size:.85em}#show-codes:checked~#findings .rule-code{display:inline}
      aside .detail{display:none}aside:has(#show-codes:checked) .detail{display:block}
      #trace,#trace ul,.trace-earlier{padding-left:1.4em}#trace>li,.trace-earlier>li{margin-bottom:.3em}.who{font-weight:bold}
      #reason-box{background:#fff4d6;padding:2px 4px}#save.dirty{font-weight:bold}
      #preview iframe{width:100%;height:80vh;border:1px solid #888}
      .emr-edit .emr-amend{border-bottom-style:dashed}
      #trace{border-collapse:collapse}#trace td:nth-child(2){white-space:nowrap}
      #trace td,#trace th{border:1px solid #ccd;padding:2px 4px}
      .superseded{text-decoration:line-through;color:#777}
      """;

  /**
   * The page's own script (editor-page.js): mounts the form with the editor API and wires it to
   * the server: save, sign, archive, print preview and 续打 with the session's CSRF token; the
   * search hook asks {@code GET /records/ID/search}; a small phrase library; findings link to
   * their fields.
   */
  private static final String PAGE_SCRIPT = resource("editor-page.js");

  private static String resource(String name) {
    try (java.io.InputStream in = Pages.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("resource missing: " + name, e);
    }
  }
}
