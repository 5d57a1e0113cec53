package org.emrkit.editor.http;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.emrkit.edit.RecordAudit;
import org.emrkit.editor.Opened;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.Revision;
import org.emrkit.record.Signature;
import org.emrkit.record.SignatureScope;
import org.emrkit.record.TracePath;
import org.emrkit.render.PrintEntry;
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
    b.append("</ul><h2>病历 Records</h2><ul class=\"list\">");
    for (Record r : records) {
      b.append("<li><a href=\"/records/").append(esc(r.id())).append("\">").append(esc(r.id()))
          .append("</a> · ").append(esc(r.template().id())).append(" · ")
          .append(r.status().label()).append("</li>");
    }
    return b.append("</ul></main></body></html>").toString();
  }

  String record(Sessions.Session s, Opened o, String nonce) {
    Record r = o.record();
    Template t = o.template();
    String base = "/records/" + esc(r.id());
    StringBuilder b = new StringBuilder(doc(r.id() + " · " + t.title(), s));
    b.append("<main class=\"editor\"><section class=\"doc\"><p class=\"bar\">")
        .append("<a href=\"/\">← 全部 all</a> <strong>").append(esc(t.title())).append("</strong> ")
        .append(esc(r.id())).append(" · 状态 status <span id=\"status\">")
        .append(r.status().label()).append("</span></p>");
    if (!o.readOnly()) {
      b.append("<p class=\"bar\"><label>修改理由 reason <input id=\"reason\" size=\"24\"></label> ")
          .append("<button type=\"button\" id=\"save\">保存 save</button> ")
          .append("<label>签名密码 password <input id=\"sign-password\" type=\"password\" size=\"12\"")
          .append(" autocomplete=\"current-password\"></label> ")
          .append("<button type=\"button\" id=\"sign\">签名 sign</button> ")
          .append("<button type=\"button\" id=\"archive\">归档 archive</button></p>");
    }
    b.append("<p class=\"bar\"><a id=\"pdf\" href=\"").append(base).append(".pdf\">PDF</a> ")
        .append("<button type=\"button\" id=\"print-continue\" title=\"打印上次打印之后的内容，接在"
            + "纸上已打印内容的下面 / prints what is not on paper yet, under what is\">续打 continue"
            + "</button> ")
        .append("<a href=\"").append(base).append(".json\">JSON</a></p>")
        .append("<p id=\"message\" role=\"alert\"></p>").append(o.form())
        .append("</section><aside>");
    findings(b, o);
    trace(b, r);
    b.append("<p id=\"audit\">").append(o.audit().intact() ? "留痕校验通过 trace intact"
        : "留痕校验失败 trace broken: " + esc(o.audit().first().orElseThrow().message().toString()))
        .append("</p></aside></main>");
    b.append("<script nonce=\"").append(nonce).append("\">").append(HtmlRenderer.script())
        .append("</script><script nonce=\"").append(nonce).append("\">")
        .append(PAGE_SCRIPT.replace("$HEAD", o.head()).replace("$BASE", base)
            .replace("$READONLY", Boolean.toString(o.readOnly())))
        .append("</script></body></html>");
    return b.toString();
  }

  private static void findings(StringBuilder b, Opened o) {
    b.append("<h2>质控 Validation <span id=\"grade\">")
        .append(o.report().score().toPlainString()).append(" 分 · ")
        .append(o.report().grade().label()).append("</span></h2><ol id=\"findings\">");
    for (Finding f : o.report().findings()) {
      b.append("<li class=\"").append(f.severity().name().toLowerCase(Locale.ROOT))
          .append("\"><a href=\"#\" class=\"finding\" data-code=\"").append(esc(f.code()))
          .append("\" data-path=\"").append(esc(f.path())).append("\">")
          .append(esc(f.code())).append("</a> ").append(esc(f.message().zh())).append("</li>");
    }
    b.append("</ol>");
  }

  private static void trace(StringBuilder b, Record r) {
    b.append("<h2>修改留痕 Revision trace</h2><table id=\"trace\"><thead><tr><th>#</th>")
        .append("<th>时间</th><th>修改人</th><th>级别</th><th>路径</th><th>原值 → 新值</th>")
        .append("<th>理由</th></tr></thead><tbody>");
    for (Revision v : r.revisions()) {
      b.append("<tr><td>").append(v.seq()).append("</td><td>").append(TIME.format(v.at()))
          .append("</td><td>").append(esc(v.actor().name())).append(" (")
          .append(v.actor().role().label()).append(")</td><td>").append(v.level())
          .append("</td><td><code>").append(esc(v.path().wire())).append("</code></td><td>")
          .append(esc(v.path() instanceof TracePath.OfPrints ? print(v)
              : clip(v.oldValue()) + " → " + clip(v.newValue())))
          .append("</td><td>").append(esc(v.reason() == null ? "" : v.reason()))
          .append("</td></tr>");
    }
    b.append("</tbody></table><h2>签名 Signatures</h2><ul id=\"signatures\">");
    for (Signature s : r.signatures()) {
      b.append("<li").append(s.superseded() ? " class=\"superseded\"" : "").append(">")
          .append(esc(s.signer().name())).append(" (").append(s.signer().role().label())
          .append(") ").append(TIME.format(s.at())).append(" ")
          .append(s.scope() instanceof SignatureScope.WholeRecord ? "全文 record"
              : esc(s.scope().wire()))
          .append(s.superseded() ? " · 已失效 superseded" : "").append("</li>");
    }
    b.append("</ul><p>链头 head <code>").append(esc(RecordAudit.head(r).orElse("—")))
        .append("</code></p>");
  }

  /** A print in the trace, as people read it (its JSON when it does not read). */
  private static String print(Revision v) {
    try {
      return PrintEntry.read(v.seq(), v.actor(), v.at(), v.newValue(), false).summary();
    } catch (IllegalArgumentException e) {
      return clip(v.newValue());
    }
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
          .append("</strong> · ").append(a.role().label())
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

  private static String clip(String json) {
    if (json == null) {
      return "∅";
    }
    return json.length() > 80 ? json.substring(0, 80) + "…" : json;
  }

  private static final String PAGE_CSS = """
      header{padding:.4em 1em;background:#eef2f6;border-bottom:1px solid #ccd}
      header form{margin:0}main{padding:0 1em}.login{max-width:28em;margin:3em auto}.login h1{font-size:1.5em}.note{color:#555}
      .editor{display:flex;gap:1.5em;align-items:flex-start}
      .doc{flex:3;min-width:0}aside{flex:2;font-size:.9em;position:sticky;top:0}
      .bar{margin:.3em 0}#message{color:#a40000;min-height:1.2em}#message.ok{color:#246b00}
      #findings li.error a{color:#a40000}#findings li.warning a{color:#8a5a00}
      .emr-flagged{outline:2px solid #d33;background:#fff4f4}
      #trace{border-collapse:collapse}#trace td:nth-child(2){white-space:nowrap}
      #trace td,#trace th{border:1px solid #ccd;padding:2px 4px}
      .superseded{text-decoration:line-through;color:#777}
      """;

  /**
   * The page's own script: save, sign, archive and 续打 through the server with the session's
   * CSRF token (a continuation print downloads as a file and is logged in the record); the search
   * boxes' hook ({@code EmrKit.search}) asks {@code GET /records/ID/search}; findings
   * link to fields; an archived record's form is read-only.
   */
  private static final String PAGE_SCRIPT = """
      (function () {
        var form = document.querySelector('form.emr-record'), msg = document.getElementById('message');
        var csrf = document.querySelector('meta[name="emrkit-csrf"]').content;
        if ($READONLY) {
          form.querySelectorAll('input, select, textarea, button').forEach(function (e) { e.disabled = true; });
        }
        var head = '$HEAD';
        // the form's search boxes ask this server, which searches the loaded code lists
        EmrKit.search = function (q) {
          return fetch('$BASE/search?path=' + encodeURIComponent(q.path) + '&q='
              + encodeURIComponent(q.query) + '&limit=' + q.limit, {credentials: 'same-origin'})
            .then(function (r) { return r.ok ? r.json() : {matches: []}; })
            .then(function (r) { return r.matches; });
        };
        function post(action, body, values) {
          body.head = head;
          var reason = document.getElementById('reason');
          if (reason) body.reason = reason.value;
          var text = JSON.stringify(body);
          if (values) text = text.slice(0, -1) + ',"values":' + values + '}';
          return fetch('$BASE/' + action, {method: 'POST', credentials: 'same-origin',
              headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf}, body: text})
            .then(function (r) { return r.json(); })
            .then(function (r) {
              if (r.applied) { msg.className = 'ok'; msg.textContent = '已保存 saved'; location.reload(); }
              else { msg.className = ''; msg.textContent = r.code + '：' + r.zh + ' / ' + r.en
                  + (r.problems ? ' ' + r.problems.join('；') : ''); }
            });
        }
        function sign(scope) {
          var p = document.getElementById('sign-password');
          var body = {scope: scope, password: p.value};
          p.value = '';
          post('sign', body);
        }
        document.getElementById('print-continue').onclick = function () {
          fetch('$BASE/print', {method: 'POST', credentials: 'same-origin',
              headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf},
              body: JSON.stringify({head: head, mode: 'continue'})})
            .then(function (r) { return r.json(); })
            .then(function (r) {
              if (!r.applied) { msg.className = ''; msg.textContent = r.code + '：' + r.zh + ' / ' + r.en; return; }
              head = r.head; // only a logged print moves the head the form was drawn from
              var bytes = atob(r.pdf), buf = new Uint8Array(bytes.length);
              for (var i = 0; i < bytes.length; i++) buf[i] = bytes.charCodeAt(i);
              var a = document.createElement('a');
              a.href = URL.createObjectURL(new Blob([buf], {type: 'application/pdf'}));
              a.download = '$BASE'.split('/').pop() + '-continue.pdf';
              document.body.appendChild(a); a.click(); a.remove();
              msg.className = 'ok';
              msg.textContent = '已续打并记录 printed and logged' + (r.notice ? '：' + r.notice.zh + ' / ' + r.notice.en : '');
            });
        };
        var save = document.getElementById('save');
        if (save) {
          save.onclick = function () { post('save', {}, EmrKit.json(form)); };
          document.getElementById('sign').onclick = function () { sign(''); };
          document.getElementById('archive').onclick = function () { post('archive', {}); };
        }
        form.addEventListener('click', function (ev) {
          var b = ev.target.closest('.emr-sign');
          if (!b) return;
          ev.preventDefault();
          var p = b.getAttribute('data-emr-path').split('/').slice(2, -1);
          sign(p.length ? '/' + p.join('/') : '');
        });
        function target(path) {
          while (path && path !== '/values') {
            var el = form.querySelector('[data-emr-path="' + path + '"]');
            if (el) return el;
            path = path.slice(0, path.lastIndexOf('/'));
          }
          return null;
        }
        document.querySelectorAll('a.finding').forEach(function (a) {
          var el = target(a.getAttribute('data-path'));
          if (el) el.classList.add('emr-flagged');
          a.addEventListener('click', function (ev) {
            ev.preventDefault();
            var t = target(a.getAttribute('data-path'));
            if (t) { t.scrollIntoView({block: 'center'}); if (t.focus) t.focus(); }
          });
        });
      })();
      """;
}
