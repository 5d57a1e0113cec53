package org.emrkit.render.pdf.internal;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fonts of a rendering: Noto Sans SC (TrueType, OFL-1.1, from
 * {@code com.helger.font:ph-fonts-noto-sans-sc}) loaded once per JVM, plus fonts a host
 * registers. Text uses the first font that has all its characters.
 */
public final class Fonts {

  private static final String BASE = "fonts/ttf/NotoSansSC/NotoSansSC-";
  private static volatile BaseFont regular;
  private static volatile BaseFont bold;
  private static volatile BaseFont symbols;

  private Fonts() {}

  /** The shared Noto Sans SC regular face. */
  public static BaseFont notoRegular() {
    BaseFont f = regular;
    if (f == null) {
      synchronized (Fonts.class) {
        if (regular == null) {
          regular = load("Regular");
        }
        f = regular;
      }
    }
    return f;
  }

  /** The shared Noto Sans SC bold face. */
  public static BaseFont notoBold() {
    BaseFont f = bold;
    if (f == null) {
      synchronized (Fonts.class) {
        if (bold == null) {
          bold = load("Bold");
        }
        f = bold;
      }
    }
    return f;
  }

  /**
   * The shared fallback for symbols Noto Sans SC lacks (☐ ☑ and others): DejaVu Sans, from
   * {@code net.sf.jasperreports:jasperreports-fonts}; loaded when first needed.
   */
  public static BaseFont symbols() {
    BaseFont f = symbols;
    if (f == null) {
      synchronized (Fonts.class) {
        if (symbols == null) {
          symbols = resource("net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf", "DejaVuSans",
              "net.sf.jasperreports:jasperreports-fonts");
        }
        f = symbols;
      }
    }
    return f;
  }

  /**
   * Where servers keep a font for the rarer CJK characters (Extension B and on: 𠮷 and other
   * characters of real patients' names), tried in order: Debian's {@code fonts-hanazono}, the
   * SimSun-ExtB of Windows servers, and any paths in the system property
   * {@code emrkit.fonts.rare} (separated by the path separator) first.
   */
  static final List<String> RARE_FONT_PATHS = List.of(
      "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf",
      "C:\\Windows\\Fonts\\simsunb.ttf");

  private static volatile java.util.Optional<BaseFont> rare;

  /**
   * The font for rare characters, loaded the first time a character no other font has is met
   * (30 MB; most records never need it), or empty when the server has none.
   */
  public static java.util.Optional<BaseFont> rare() {
    java.util.Optional<BaseFont> r = rare;
    if (r == null) {
      synchronized (Fonts.class) {
        if (rare == null) {
          rare = loadRare();
        }
        r = rare;
      }
    }
    return r;
  }

  private static java.util.Optional<BaseFont> loadRare() {
    List<String> paths = new ArrayList<>();
    String configured = System.getProperty("emrkit.fonts.rare");
    if (configured != null && !configured.isBlank()) {
      paths.addAll(List.of(configured.split(java.io.File.pathSeparator)));
    }
    paths.addAll(RARE_FONT_PATHS);
    for (String p : paths) {
      java.nio.file.Path file = java.nio.file.Path.of(p);
      if (java.nio.file.Files.isReadable(file)) {
        try {
          return java.util.Optional.of(trueType(file.getFileName().toString().replace(".ttf", ""),
              java.nio.file.Files.readAllBytes(file)));
        } catch (IOException | IllegalArgumentException e) {
          // not usable: try the next one
        }
      }
    }
    return java.util.Optional.empty();
  }

  /** The characters' code points, {@code U+20BB7 U+21484}, for messages. */
  public static String codePoints(List<String> characters) {
    StringBuilder codes = new StringBuilder();
    characters.forEach(c -> codes.append(codes.length() == 0 ? "" : " ")
        .append(String.format("U+%04X", c.codePointAt(0))));
    return codes.toString();
  }

  /** A TrueType font from bytes (a host's own). */
  public static BaseFont trueType(String name, byte[] ttf) {
    try {
      BaseFont font = BaseFont.createFont(name + ".ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
          false, ttf, null);
      // OpenPDF's subsets keep the font's glyph numbering, so each carries tables for all
      // 65,535 glyphs (about 0.5 MB, mostly zeros): deflating them at the default level was
      // about 70% of a 2-page render; the fastest level costs a few per cent of file size
      font.setCompressionLevel(PdfStream.BEST_SPEED);
      return font;
    } catch (DocumentException | IOException e) {
      throw new IllegalArgumentException("not a usable TrueType font: " + name, e);
    }
  }

  private static BaseFont load(String face) {
    return resource(BASE + face + ".ttf", "NotoSansSC-" + face,
        "com.helger.font:ph-fonts-noto-sans-sc");
  }

  private static BaseFont resource(String path, String name, String artifact) {
    try (InputStream in = Fonts.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing: add " + artifact
            + " to the class path");
      }
      return trueType(name, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The characters of {@code text} that none of {@code fonts} nor the symbol fallback has
   * (controls and spaces excepted).
   */
  public static List<String> missing(String text, List<BaseFont> fonts) {
    List<String> out = new ArrayList<>();
    text.codePoints().forEach(cp -> {
      if (Character.isWhitespace(cp) || Character.isISOControl(cp) || cp == 0x200B) {
        return;
      }
      for (BaseFont f : fonts) {
        if (f.charExists(cp)) {
          return;
        }
      }
      if (symbols().charExists(cp)) {
        return;
      }
      if (cp > 0xFFFF && rare().map(f -> f.charExists(cp)).orElse(false)) {
        return;
      }
      String s = new String(Character.toChars(cp));
      if (!out.contains(s)) {
        out.add(s);
      }
    });
    return out;
  }
}
