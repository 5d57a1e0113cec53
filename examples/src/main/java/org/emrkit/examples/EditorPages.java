package org.emrkit.examples;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.emrkit.edit.Audit;
import org.emrkit.edit.RecordAudit;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.Revision;
import org.emrkit.record.Signature;
import org.emrkit.record.SignatureScope;
import org.emrkit.render.html.HtmlRenderer;
import org.emrkit.template.Template;
import org.emrkit.validation.Finding;
import org.emrkit.validation.ValidationReport;
import org.emrkit.validation.Validator;

/** The demo editor's pages: the list of templates and records, and a record's editor page. */
final class EditorPages {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final List<Template> templates;
  private final Validator validator;
  private final HtmlRenderer form;

  EditorPages(List<Template> templates, Validator validator, HtmlRenderer form) {
    this.templates = templates;
    this.validator = validator;
    this.form = form;
  }

  String index(Actor actor, Map<String, Record> records) {
    StringBuilder b = head("EMRKit 演示编辑器 demo editor", actor, "/");
    b.append("<main><h1>EMRKit 演示编辑器 <small>demo editor</small></h1>")
        .append("<h2>模板 Templates</h2><ul class=\"list\">");
    for (Template t : templates) {
      b.append("<li><form method=\"post\" action=\"/new?template=").append(esc(t.id()))
          .append("&amp;as=").append(actor.role().label()).append("\">")
          .append(esc(t.title())).append(" <code>").append(esc(t.reference())).append("</code> ")
          .append("<button type=\"submit\" class=\"new\" data-template=\"").append(esc(t.id()))
          .append("\">新建 new record</button></form></li>");
    }
    b.append("</ul><h2>病历 Records</h2><ul class=\"list\">");
    new java.util.TreeMap<>(records).forEach((key, r) ->
        b.append("<li><a href=\"/records/").append(esc(key)).append("?as=")
            .append(actor.role().label()).append("\">").append(esc(key)).append("</a> ")
            .append(esc(r.id())).append(" · ").append(esc(r.template().id())).append(" · ")
            .append(r.status().label()).append("</li>"));
    return b.append("</ul></main></body></html>").toString();
  }

  String page(Template t, String key, Record r, Actor actor) {
    ValidationReport report = validator.validate(t, r);
    StringBuilder b = head(r.id() + " · " + t.title(), actor, "/records/" + key);
    b.append("<main class=\"editor\"><section class=\"doc\"><p class=\"bar\">")
        .append("<a href=\"/?as=").append(actor.role().label()).append("\">← 全部 all</a> ")
        .append("<strong>").append(esc(t.title())).append("</strong> ").append(esc(r.id()))
        .append(" · 状态 status <span id=\"status\">").append(r.status().label())
        .append("</span></p><p class=\"bar\">")
        .append("<label>修改理由 reason <input id=\"reason\" size=\"24\"></label> ")
        .append("<button type=\"button\" id=\"save\">保存 save</button> ")
        .append("<button type=\"button\" id=\"sign\">签名 sign</button> ")
        .append("<button type=\"button\" id=\"archive\">归档 archive</button> ")
        .append("<a id=\"pdf\" href=\"/records/").append(esc(key)).append(".pdf\">PDF</a> ")
        .append("<a href=\"/records/").append(esc(key)).append(".json\">JSON</a></p>")
        .append("<p id=\"message\" role=\"alert\"></p>");
    form.render(t, r, b);
    b.append("</section><aside>");
    b.append("<h2>质控 Validation <span id=\"grade\">").append(report.score().toPlainString())
        .append(" 分 · ").append(report.grade().label()).append("</span></h2><ol id=\"findings\">");
    for (Finding f : report.findings()) {
      b.append("<li class=\"").append(f.severity().name().toLowerCase(java.util.Locale.ROOT))
          .append("\"><a href=\"#\" class=\"finding\" data-code=\"").append(esc(f.code()))
          .append("\" data-path=\"").append(esc(f.path())).append("\">")
          .append(esc(f.code())).append("</a> ").append(esc(f.message().zh())).append("</li>");
    }
    b.append("</ol><h2>修改留痕 Revision trace</h2><table id=\"trace\"><thead><tr><th>#</th>")
        .append("<th>时间</th><th>修改人</th><th>级别</th><th>路径</th><th>原值 → 新值</th>")
        .append("<th>理由</th></tr></thead><tbody>");
    for (Revision v : r.revisions()) {
      b.append("<tr><td>").append(v.seq()).append("</td><td>").append(TIME.format(v.at()))
          .append("</td><td>").append(esc(v.actor().name())).append(" (")
          .append(v.actor().role().label()).append(")</td><td>").append(v.level())
          .append("</td><td><code>").append(esc(v.path().wire())).append("</code></td><td>")
          .append(esc(clip(v.oldValue()))).append(" → ").append(esc(clip(v.newValue())))
          .append("</td><td>").append(esc(v.reason() == null ? "" : v.reason()))
          .append("</td></tr>");
    }
    b.append("</tbody></table><h2>签名 Signatures</h2><ul id=\"signatures\">");
    for (Signature s : r.signatures()) {
      b.append("<li").append(s.superseded() ? " class=\"superseded\"" : "").append(">")
          .append(esc(s.signer().name())).append(" (").append(s.signer().role().label())
          .append(") ").append(TIME.format(s.at())).append(" ")
          .append(s.scope() instanceof SignatureScope.WholeRecord ? "全文 record" : esc(s.scope().wire()))
          .append(s.superseded() ? " · 已失效 superseded" : "").append("</li>");
    }
    Audit audit = RecordAudit.audit(t, r);
    b.append("</ul><p id=\"audit\">").append(audit.intact() ? "留痕校验通过 trace intact"
        : "留痕校验失败 trace broken: " + esc(audit.first().orElseThrow().message().toString()))
        .append("</p></aside></main>");
    b.append("<script>").append(HtmlRenderer.script()).append("</script><script>")
        .append(PAGE_SCRIPT.replace("$HEAD", RecordAudit.head(r).orElse(""))
            .replace("$BASE", "/records/" + key).replace("$ROLE", actor.role().label()))
        .append("</script></body></html>");
    return b.toString();
  }

  private StringBuilder head(String title, Actor actor, String here) {
    StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head>"
        + "<meta charset=\"utf-8\"><title>").append(esc(title)).append("</title><style>")
        .append(HtmlRenderer.css()).append(PAGE_CSS).append("</style></head><body>")
        .append("<header><form method=\"get\" action=\"").append(esc(here)).append("\">")
        .append("<label>当前身份 acting as <select name=\"as\" id=\"as\" "
            + "onchange=\"this.form.submit()\">");
    for (Actor a : Editor.STAFF.values()) {
      b.append("<option value=\"").append(a.role().label()).append("\"")
          .append(a.equals(actor) ? " selected" : "").append(">").append(esc(a.name()))
          .append(" · ").append(a.role().label()).append("</option>");
    }
    return b.append("</select></label></form></header>");
  }

  private static final String PAGE_CSS = """
      header{padding:.4em 1em;background:#eef2f6;border-bottom:1px solid #ccd}
      main{padding:0 1em}.editor{display:flex;gap:1.5em;align-items:flex-start}
      .doc{flex:3;min-width:0}aside{flex:2;font-size:.9em;position:sticky;top:0}
      .bar{margin:.3em 0}#message{color:#a40000;min-height:1.2em}#message.ok{color:#246b00}
      #findings li.error a{color:#a40000}#findings li.warning a{color:#8a5a00}
      .emr-flagged{outline:2px solid #d33;background:#fff4f4}
      #trace{border-collapse:collapse}#trace td:nth-child(2){white-space:nowrap}#trace td,#trace th{border:1px solid #ccd;padding:2px 4px}
      .superseded{text-decoration:line-through;color:#777}
      """;

  /** The page's own script: save, sign, archive through the server; findings link to fields. */
  private static final String PAGE_SCRIPT = """
      (function () {
        var form = document.querySelector('form.emr-record'), msg = document.getElementById('message');
        function post(action, body, values) {
          body.head = '$HEAD';
          body.reason = document.getElementById('reason').value;
          var text = JSON.stringify(body);
          if (values) text = text.slice(0, -1) + ',"values":' + values + '}';
          return fetch('$BASE/' + action + '?as=$ROLE', {method: 'POST',
              headers: {'Content-Type': 'application/json'}, body: text})
            .then(function (r) { return r.json(); })
            .then(function (r) {
              if (r.applied) { msg.className = 'ok'; msg.textContent = '已保存 saved'; location.reload(); }
              else { msg.className = ''; msg.textContent = r.code + '：' + r.zh + ' / ' + r.en
                  + (r.problems ? ' ' + r.problems.join('；') : ''); }
            });
        }
        document.getElementById('save').onclick = function () { post('save', {}, EmrKit.json(form)); };
        document.getElementById('sign').onclick = function () { post('sign', {scope: ''}); };
        document.getElementById('archive').onclick = function () { post('archive', {}); };
        form.addEventListener('click', function (ev) {
          var b = ev.target.closest('.emr-sign');
          if (!b) return;
          ev.preventDefault();
          var p = b.getAttribute('data-emr-path').split('/').slice(2, -1);
          post('sign', {scope: p.length ? '/' + p.join('/') : ''});
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

  private static String esc(String s) {
    return Editor.esc(s);
  }

  private static String clip(String json) {
    return Editor.clip(json);
  }
}
