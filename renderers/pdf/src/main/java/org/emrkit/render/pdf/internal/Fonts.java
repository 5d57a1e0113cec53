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
  // a lock per face, so that two threads can load two faces at once (a cold start does)
  private static final Object REGULAR = new Object();
  private static final Object BOLD = new Object();

  private Fonts() {}

  /** The shared Noto Sans SC regular face. */
  public static BaseFont notoRegular() {
    BaseFont f = regular;
    if (f == null) {
      synchronized (REGULAR) {
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
      synchronized (BOLD) {
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

  private static final ThreadLocal<Tagging> TAGGING = new ThreadLocal<>();

  /** The seed of the subset tags a thread writes, and which tag letter each font is at. */
  private static final class Tagging {
    final byte[] seed;
    final java.util.Map<String, Integer> letters = new java.util.HashMap<>();

    Tagging(byte[] seed) {
      this.seed = seed;
    }
  }

  /**
   * Runs {@code work} (which writes a document) with the subset tags of its fonts ({@code
   * ABCDEF+NotoSansSC-Regular}) derived from {@code seed} and the font's name rather than
   * drawn at random, so the same document gives the same bytes and different documents
   * different tags.
   */
  public static <T> T tagging(byte[] seed, java.util.function.Supplier<T> work) {
    TAGGING.set(new Tagging(seed.clone()));
    try {
      return work.get();
    } finally {
      TAGGING.remove();
    }
  }

  /**
   * What OpenPDF draws a font's subset tag from (six calls of {@code nextDouble}, one per
   * letter): a letter of SHA-256(seed, font name, how many letters this font has drawn in this
   * document), the seed the thread's {@link #tagging} one (none: empty); two fonts of one name
   * in a document draw different tags.
   */
  private static final class Tags extends java.security.SecureRandom {
    private static final long serialVersionUID = 1L;
    private final String font;

    Tags(String font) {
      this.font = font;
    }

    @Override
    public double nextDouble() {
      Tagging t = TAGGING.get();
      byte[] seed = t == null ? new byte[0] : t.seed;
      int letter = t == null ? 0 : t.letters.merge(font, 1, Integer::sum) - 1;
      byte[] h = PdfA.sha256(concat(seed, (font + "|" + letter)
          .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      return (h[0] & 0xff) / 256.0;
    }

    private static byte[] concat(byte[] a, byte[] b) {
      byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, out, a.length, b.length);
      return out;
    }
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
      // PDF/A-2 does not need a CIDSet, and one that is incomplete is an error
      font.setIncludeCidSet(false);
      font.setSecureRandom(new Tags(name));
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

  private static final java.util.Map<BaseFont, Coverage> COVERAGE =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
  private static volatile Coverage symbolsCoverage;

  /**
   * A font and which characters of the basic plane it has, as a bit set: the font check and the
   * layout ask for every character of a record, and OpenPDF's own lookup boxes each one into a
   * hash map. Immutable; asked without a lock.
   *
   * @param font the font
   * @param bits bit {@code c} set when the font has a glyph for {@code c} (U+0000 to U+FFFF)
   */
  public record Coverage(BaseFont font, long[] bits) {
    /** Whether the font has a glyph for {@code cp}. */
    public boolean has(int cp) {
      return cp > 0xFFFF ? font.charExists(cp) : (bits[cp >>> 6] & (1L << cp)) != 0;
    }
  }

  /**
   * The coverage of {@code font}, made once per font (65,536 of OpenPDF's {@code charExists},
   * about a millisecond) and kept while the font is.
   */
  public static Coverage coverage(BaseFont font) {
    Coverage c = COVERAGE.get(font);
    if (c == null) {
      long[] bits = new long[1024];
      for (int cp = 0; cp <= 0xFFFF; cp++) {
        if (font.charExists(cp)) {
          bits[cp >>> 6] |= 1L << cp;
        }
      }
      c = new Coverage(font, bits);
      COVERAGE.put(font, c);
    }
    return c;
  }

  /** The coverage of the symbol fallback, loading it the first time. */
  public static Coverage symbolsCoverage() {
    Coverage c = symbolsCoverage;
    if (c == null) {
      c = coverage(symbols());
      symbolsCoverage = c;
    }
    return c;
  }

  /**
   * The characters of {@code text} that none of {@code fonts} nor the symbol fallback has
   * (controls and spaces excepted).
   */
  public static List<String> missing(String text, List<Coverage> fonts) {
    List<String> out = new ArrayList<>();
    text.codePoints().forEach(cp -> {
      if (Character.isWhitespace(cp) || Character.isISOControl(cp) || cp == 0x200B) {
        return;
      }
      for (Coverage f : fonts) {
        if (f.has(cp)) {
          return;
        }
      }
      if (symbolsCoverage().has(cp)) {
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
