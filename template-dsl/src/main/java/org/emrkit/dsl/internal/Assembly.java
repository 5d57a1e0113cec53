package org.emrkit.dsl.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.emrkit.template.Block;
import org.emrkit.template.Orientation;
import org.emrkit.template.PageSetup;
import org.emrkit.template.Paper;
import org.emrkit.template.Template;
import org.emrkit.template.TemplateException;
import org.emrkit.validation.rules.DocumentTypes;

/**
 * Makes the template from its front matter and the blocks the compiler read: id, version,
 * title, document type, page setup, metadata; a refusal of the model becomes a diagnostic at the
 * refused block.
 */
final class Assembly {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
  private static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})(-[0-9A-Za-z.-]{1,40})?");

  private final BuildState state;

  Assembly(BuildState state) {
    this.state = state;
  }

  /** The template, or null after diagnostics. */
  Template assemble(FrontMatter fm, String heading, List<Block> pageHeader,
      List<Block> pageFooter, List<Block> blocks) {
    Map<String, FrontMatter.Entry> e = fm.entries;
    String id = required(fm, "id");
    String version = required(fm, "version");
    String title = required(fm, "title");
    if (id != null && !ID.matcher(id).matches()) {
      frontMatterValue(e.get("id"), "id 应为小写字母、数字和 -", "id is lower-case letters, digits and -");
    }
    if (version != null && !SEMVER.matcher(version).matches()) {
      frontMatterValue(e.get("version"), "version 应为语义化版本，如 1.0.0", "version is a semantic version like 1.0.0");
    }
    String documentType = text(e, "documentType");
    if (documentType != null && !ID.matcher(documentType).matches()) {
      frontMatterValue(e.get("documentType"), "documentType 应为小写字母、数字和 -",
          "documentType is lower-case letters, digits and -");
    } else if (documentType != null && !DocumentTypes.all().containsKey(documentType)) {
      // a type of the hospital's own is allowed; a typo silently loses the writing-standard rules
      String near = Suggest.closest(documentType, List.copyOf(DocumentTypes.all().keySet()));
      state.problems.warning(e.get("documentType").offset(), "dsl/unknown-document-type",
          "书写规范规则不认识文书类型 " + documentType + (near == null ? "" : "，是否应为 " + near
          + "(" + DocumentTypes.all().get(near) + ")？") + (near == null ? "；" : "")
          + "与文书类型有关的规则不会检查此模板",
          "the writing-standard rules know no document type " + documentType
          + (near == null ? "." : "; did you mean " + near + "?")
          + " Rules tied to a document type will not check this template");
    }
    PageSetup page = page(e);
    Map<String, String> metadata = new TreeMap<>();
    for (Map.Entry<String, FrontMatter.Entry> m : e.entrySet()) {
      if (!List.of("id", "version", "title", "documentType", "department", "locale", "paper",
          "orientation", "margins").contains(m.getKey())) {
        metadata.put(m.getKey(), m.getValue().value());
      }
    }
    if (state.problems.hasErrors()) {
      return null;
    }
    try {
      return new Template(id, version, title, heading, documentType, text(e, "department"),
          text(e, "locale"), page, metadata, new java.util.ArrayList<>(state.valueSets.values()),
          pageHeader, pageFooter, blocks);
    } catch (TemplateException ex) {
      state.problems.error(Locator.offset(ex.location(), pageHeader, pageFooter, blocks,
          state.positions), "dsl/invalid-template", "模板不成立：" + ex.getMessage(),
          "invalid template: " + ex.getMessage());
      return null;
    } catch (IllegalArgumentException ex) {
      state.problems.error(fm.offset, "dsl/front-matter-invalid", "前置信息不成立：" + ex.getMessage(),
          "invalid front matter: " + ex.getMessage());
      return null;
    }
  }

  private String required(FrontMatter fm, String key) {
    FrontMatter.Entry v = fm.entries.get(key);
    if (v == null || v.value().isEmpty()) {
      state.problems.error(fm.offset, "dsl/front-matter-missing", "前置信息缺少 " + key,
          "front matter has no " + key);
      return null;
    }
    return v.value();
  }

  private static String text(Map<String, FrontMatter.Entry> e, String key) {
    FrontMatter.Entry v = e.get(key);
    return v == null || v.value().isEmpty() ? null : v.value();
  }

  private void frontMatterValue(FrontMatter.Entry e, String zh, String en) {
    state.problems.error(e.offset(), "dsl/front-matter-invalid", zh, en);
  }

  private PageSetup page(Map<String, FrontMatter.Entry> e) {
    Paper paper = Paper.A4;
    Orientation orientation = Orientation.PORTRAIT;
    try {
      if (e.containsKey("paper")) {
        paper = Paper.fromLabel(e.get("paper").value());
      }
    } catch (IllegalArgumentException ex) {
      frontMatterValue(e.get("paper"), "paper 应为 A4、A5、B5、16K 或 LETTER", "paper is A4, A5, B5, 16K or LETTER");
    }
    try {
      if (e.containsKey("orientation")) {
        orientation = Orientation.fromLabel(e.get("orientation").value());
      }
    } catch (IllegalArgumentException ex) {
      frontMatterValue(e.get("orientation"), "orientation 应为 portrait 或 landscape",
          "orientation is portrait or landscape");
    }
    double[] m = {PageSetup.DEFAULT.marginTopMm(), PageSetup.DEFAULT.marginRightMm(),
        PageSetup.DEFAULT.marginBottomMm(), PageSetup.DEFAULT.marginLeftMm()};
    FrontMatter.Entry margins = e.get("margins");
    if (margins != null) {
      String[] parts = margins.value().split("\\s+");
      if (parts.length != 4 || !margins.value().matches("[0-9. ]+")) {
        frontMatterValue(margins, "margins 应为 上 右 下 左 四个毫米数，如 20 20 20 25",
            "margins are four millimetre numbers: top right bottom left, like 20 20 20 25");
      } else {
        for (int i = 0; i < 4; i++) {
          m[i] = Double.parseDouble(parts[i]);
        }
      }
    }
    try {
      return new PageSetup(paper, orientation, m[0], m[1], m[2], m[3]);
    } catch (IllegalArgumentException ex) {
      frontMatterValue(margins != null ? margins : e.get("paper"), "页边距不成立：" + ex.getMessage(),
          "invalid margins: " + ex.getMessage());
      return PageSetup.DEFAULT;
    }
  }
}
