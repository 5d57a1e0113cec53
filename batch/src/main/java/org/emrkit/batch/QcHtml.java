package org.emrkit.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.emrkit.render.html.HtmlRenderer;

/**
 * The QC report as one HTML page with its charts drawn inline in SVG (no script, no image from a
 * server): the grade distribution, mean scores per department as bars, tables per department,
 * author and document type, the most frequent rule codes, and the 丙 records.
 */
final class QcHtml {

  private QcHtml() {}

  static String page(JsonNode r, String counts) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
        .append("<title>终末质控报告 QC report</title><style>")
        .append("body{font-family:'Noto Sans SC','Noto Sans CJK SC',sans-serif;margin:24px;")
        .append("color:#222;max-width:960px}h1{font-size:20px}h2{font-size:16px;margin-top:24px;")
        .append("border-bottom:1px solid #999}table{border-collapse:collapse;font-size:13px}")
        .append("td,th{border:1px solid #bbb;padding:3px 8px;text-align:right}")
        .append("td:first-child,th:first-child{text-align:left}.c{color:#666;font-size:13px}")
        .append("</style></head><body>");
    JsonNode all = r.path("all");
    h.append("<h1>终末质控报告 Quality-control report</h1><p class=\"c\">").append(HtmlRenderer.escape(counts))
        .append("</p><h2>等级分布 Grades (").append(all.path("records").asLong())
        .append(" 份病历 records, 平均分 mean score ").append(all.path("meanScore").asText())
        .append(")</h2>");
    gradeBars(h, all.path("grades"), all.path("records").asLong());
    h.append("<h2>各科室平均分 Mean score per department</h2>");
    scoreBars(h, r.path("departments"));
    table(h, "科室 department", r.path("departments"));
    h.append("<h2>各作者 Per author</h2>");
    table(h, "作者 author", r.path("authors"));
    h.append("<h2>各文书类型 Per document type</h2>");
    table(h, "文书 document", r.path("documentTypes"));
    h.append("<h2>常见问题 Most frequent rule codes</h2><table><tr><th>规则 code</th>")
        .append("<th>次数 count</th></tr>");
    for (JsonNode c : r.path("codes")) {
      h.append("<tr><td>").append(HtmlRenderer.escape(c.path("code").asText())).append("</td><td>")
          .append(c.path("count").asLong()).append("</td></tr>");
    }
    h.append("</table><h2>丙级病历 Grade 丙 records (").append(r.path("third").size())
        .append(")</h2><table><tr><th>病历 record</th><th>文书</th><th>科室</th><th>作者</th>")
        .append("<th>评分 score</th></tr>");
    for (JsonNode t : r.path("third")) {
      h.append("<tr><td>").append(HtmlRenderer.escape(t.path("record").asText())).append("</td><td>")
          .append(HtmlRenderer.escape(t.path("title").asText())).append("</td><td>")
          .append(HtmlRenderer.escape(t.path("department").asText())).append("</td><td>")
          .append(HtmlRenderer.escape(t.path("author").asText())).append("</td><td>")
          .append(HtmlRenderer.escape(t.path("score").asText())).append("</td></tr>");
    }
    return h.append("</table></body></html>\n").toString();
  }

  private static void gradeBars(StringBuilder h, JsonNode grades, long total) {
    String[] colours = {"#3a7d44", "#d9a400", "#c0392b"};
    h.append("<svg width=\"640\" height=\"110\" role=\"img\" aria-label=\"grades\">");
    int y = 8;
    int i = 0;
    for (String g : QcReport.GRADES) {
      long n = grades.path(g).asLong();
      int w = total == 0 ? 0 : (int) Math.round(480.0 * n / total);
      h.append("<text x=\"0\" y=\"").append(y + 18).append("\" font-size=\"15\">").append(g)
          .append("级</text><rect x=\"40\" y=\"").append(y).append("\" width=\"").append(w)
          .append("\" height=\"24\" fill=\"").append(colours[i++]).append("\"/><text x=\"")
          .append(48 + w).append("\" y=\"").append(y + 17).append("\" font-size=\"13\">")
          .append(n).append(total == 0 ? "" : String.format("（%.1f%%）", 100.0 * n / total))
          .append("</text>");
      y += 32;
    }
    h.append("</svg>");
  }

  private static void scoreBars(StringBuilder h, JsonNode groups) {
    int rows = groups.size();
    // the axis starts ten points under the lowest mean, at a multiple of ten: scores near 100
    // differ by a point or two, and bars from 0 would all look the same
    double lowest = 100;
    for (Map.Entry<String, JsonNode> e : groups.properties()) {
      lowest = Math.min(lowest, e.getValue().path("meanScore").asDouble());
    }
    double floor = Math.max(0, Math.floor(lowest / 10) * 10 - 10);
    h.append("<svg width=\"640\" height=\"").append(rows * 26 + 28)
        .append("\" role=\"img\" aria-label=\"mean scores\">");
    int y = 4;
    for (Map.Entry<String, JsonNode> e : groups.properties()) {
      double score = e.getValue().path("meanScore").asDouble();
      int w = (int) Math.round(400 * Math.max(0, score - floor) / (100 - floor));
      h.append("<text x=\"0\" y=\"").append(y + 15).append("\" font-size=\"13\">")
          .append(HtmlRenderer.escape(e.getKey())).append("</text><rect x=\"150\" y=\"").append(y)
          .append("\" width=\"").append(w).append("\" height=\"20\" fill=\"#4a6fa5\"/>")
          .append("<text x=\"").append(156 + w).append("\" y=\"").append(y + 15)
          .append("\" font-size=\"13\">").append(e.getValue().path("meanScore").asText())
          .append("</text>");
      y += 26;
    }
    h.append("<line x1=\"150\" y1=\"").append(y).append("\" x2=\"550\" y2=\"").append(y)
        .append("\" stroke=\"#666\"/><text x=\"150\" y=\"").append(y + 16)
        .append("\" font-size=\"12\" text-anchor=\"middle\">").append((int) floor)
        .append("</text><text x=\"550\" y=\"").append(y + 16)
        .append("\" font-size=\"12\" text-anchor=\"middle\">100</text></svg>");
  }

  private static void table(StringBuilder h, String first, JsonNode groups) {
    h.append("<table><tr><th>").append(first).append("</th><th>病历 records</th><th>甲</th>")
        .append("<th>乙</th><th>丙</th><th>平均分 mean</th></tr>");
    for (Map.Entry<String, JsonNode> e : groups.properties()) {
      JsonNode g = e.getValue();
      h.append("<tr><td>").append(HtmlRenderer.escape(e.getKey())).append("</td><td>")
          .append(g.path("records").asLong()).append("</td>");
      for (String grade : QcReport.GRADES) {
        h.append("<td>").append(g.path("grades").path(grade).asLong()).append("</td>");
      }
      h.append("<td>").append(g.path("meanScore").asText()).append("</td></tr>");
    }
    h.append("</table>");
  }
}
