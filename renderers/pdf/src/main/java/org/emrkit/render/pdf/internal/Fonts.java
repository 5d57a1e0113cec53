package org.emrkit.render.pdf.internal;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The fonts of a rendering: Noto Sans SC (TrueType, OFL-1.1, from
 * {@code com.helger.font:ph-fonts-noto-sans-sc}) loaded once per JVM, plus fonts a host
 * registers, each a {@link Face}. Text uses the first font that has all its characters. A
 * document gets each face as a subset of its own, with the glyphs it needs renumbered from 1
 * ({@link Face#subset}); OpenPDF's own subsets keep the font's numbering, so each carried tables
 * for every one of its glyphs (30,798 in Noto Sans SC).
 */
public final class Fonts {

  private static final String BASE = "fonts/ttf/NotoSansSC/NotoSansSC-";
  private static volatile Face regular;
  private static volatile Face bold;
  private static volatile Face symbols;
  // a lock per face, so that two threads can load two faces at once (a cold start does)
  private static final Object REGULAR = new Object();
  private static final Object BOLD = new Object();

  private Fonts() {}

  /** The shared Noto Sans SC regular face. */
  public static Face notoRegular() {
    Face f = regular;
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
  public static Face notoBold() {
    Face f = bold;
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
  public static Face symbols() {
    Face f = symbols;
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
          return java.util.Optional.of(whole(file.getFileName().toString().replace(".ttf", ""),
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

  /**
   * A whole TrueType font as OpenPDF embeds it (a subset of it, in the font's own glyph
   * numbering): the rare-character font, a face's characters outside the basic plane, and the
   * faces a subset cannot be made of.
   */
  static BaseFont whole(String name, byte[] ttf) {
    try {
      BaseFont font = BaseFont.createFont(name + ".ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
          false, ttf, null);
      // the font's own numbering: tables for all its glyphs, mostly zeros; at the default level
      // deflating them was most of a short render, the fastest costs a few per cent of size
      font.setCompressionLevel(PdfStream.BEST_SPEED);
      prepare(font, name);
      return font;
    } catch (DocumentException | IOException e) {
      throw new IllegalArgumentException("not a usable TrueType font: " + name, e);
    }
  }

  private static void prepare(BaseFont font, String name) {
    // PDF/A-2 does not need a CIDSet, and one that is incomplete is an error
    font.setIncludeCidSet(false);
    font.setSecureRandom(new Tags(name));
  }

  /** A host's TrueType font, from its bytes. */
  public static Face trueType(String name, byte[] ttf) {
    byte[] kept = ttf.clone();
    // a copy each time it is read: a parse changes the copy it is given (unread)
    return new Face(name, kept::clone, true);
  }

  private static Face load(String face) {
    return resource(BASE + face + ".ttf", "NotoSansSC-" + face,
        "com.helger.font:ph-fonts-noto-sans-sc");
  }

  private static Face resource(String path, String name, String artifact) {
    java.net.URL url = Fonts.class.getClassLoader().getResource(path);
    if (url == null) {
      throw new IllegalStateException(path + " is missing: add " + artifact
          + " to the class path");
    }
    return new Face(name, () -> read(url), false);
  }

  /**
   * The file at {@code url}, read into one array of its size: a 10 MB face read in growing
   * chunks needed twice its size for a moment, while a large record may already fill the heap.
   */
  private static byte[] read(java.net.URL url) throws IOException {
    java.net.URLConnection c = url.openConnection();
    long size = c.getContentLengthLong();
    try (InputStream in = c.getInputStream()) {
      if (size <= 0 || size >= Integer.MAX_VALUE) {
        return in.readAllBytes();
      }
      byte[] file = new byte[(int) size];
      if (in.readNBytes(file, 0, file.length) != file.length) {
        throw new IOException(url + " is shorter than its entry says");
      }
      return file;
    }
  }

  /** The tables a subset keeps: what OpenPDF reads and embeds, and the hinting programs. */
  private static final List<String> SUBSET_TABLES = List.of("head", "hhea", "maxp", "OS/2",
      "name", "cmap", "hmtx", "loca", "glyf", "cvt ", "fpgm", "prep");

  /**
   * A host font's: with its 'post' table (FontBox writes one where the font names its glyphs,
   * format 2; a font of format 3 gets none, as before).
   */
  private static final List<String> HOST_SUBSET_TABLES = java.util.stream.Stream.concat(
      SUBSET_TABLES.stream(), java.util.stream.Stream.of("post")).toList();

  /** Where a face's file is read from, each time it is parsed. */
  interface Source {
    byte[] read() throws IOException;
  }

  /**
   * A TrueType font: its name, which characters it has (for the basic plane a bit set: the font
   * check and the layout ask for every character of a record), and its file parsed by FontBox
   * for making subsets. The parsed font is kept softly: FontBox holds the file, its tables and
   * its character map (about 29 MB for a Noto Sans SC face, where OpenPDF's whole font took 18),
   * and a document needs it only while its subsets are made, before its layout; a JVM short of
   * memory lets it go between documents (a 5,000-page record renders in 96 MB) and parses the
   * file again for the next one. Coverage is asked without a lock, and subsets are made by
   * many threads at once; only parsing the file again takes the face's lock.
   */
  public static final class Face {
    private final String name;
    private final Source file;
    private final long[] bits = new long[1024];
    /** The characters above the basic plane it has, sorted. */
    private final int[] astral;
    /** Whether it has TrueType outlines, which subsets can be made of (else CFF). */
    private final boolean outlines;
    /**
     * Whether its subsets keep its 'post' table (a host's font, which may be monospaced or
     * italic: OpenPDF takes the fixed-pitch flag and the italic angle from it); the bundled
     * faces are upright and proportional, and their 30,798 glyph names were a sixth of a cold
     * parse.
     */
    private final boolean post;
    private java.lang.ref.SoftReference<TrueTypeFont> parsed;
    private java.lang.ref.SoftReference<BaseFont> whole;

    /**
     * A face read from {@code file}. A {@code host} font is made a small subset of through
     * OpenPDF at once, so that one that cannot be used is refused when it is registered (the
     * bundled faces are known to work, and a cold start does not wait for it), and its subsets
     * keep its 'post' table.
     */
    Face(String name, Source file, boolean host) {
      this.name = name;
      this.file = file;
      this.post = host;
      TrueTypeFont font;
      try {
        font = parse();
      } catch (IllegalArgumentException e) {
        // FontBox cannot read it (it takes no CFF outlines): OpenPDF embeds such a font whole,
        // as it embedded every font before subsets; one OpenPDF cannot read either is refused
        font = null;
      }
      List<Integer> above = new ArrayList<>();
      if (font != null) {
        try {
          CmapLookup cmap = font.getUnicodeCmapLookup();
          for (int gid = 1; gid < font.getNumberOfGlyphs(); gid++) {
            List<Integer> codes = cmap.getCharCodes(gid);
            if (codes != null) {
              for (int cp : codes) {
                if (cp <= 0xFFFF) {
                  bits[cp >>> 6] |= 1L << cp;
                } else {
                  above.add(cp);
                }
              }
            }
          }
        } catch (IOException | RuntimeException e) {
          throw new IllegalArgumentException("not a usable TrueType font: " + name + " ("
              + e.getMessage() + ")", e);
        }
      } else {
        BaseFont all = whole(); // a font OpenPDF cannot take either is refused here
        for (int cp = 0; cp <= 0xFFFF; cp++) {
          if (all.charExists(cp)) {
            bits[cp >>> 6] |= 1L << cp;
          }
        }
        for (int cp = 0x10000; cp <= 0x3FFFF; cp++) {
          if (all.charExists(cp)) {
            above.add(cp);
          }
        }
      }
      this.outlines = font != null;
      this.astral = above.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
      this.parsed = new java.lang.ref.SoftReference<>(font);
      if (outlines && host) {
        java.util.BitSet first = new java.util.BitSet();
        for (int cp = 0; cp <= 0xFFFF; cp++) {
          if (has(cp)) {
            first.set(cp);
            break;
          }
        }
        subset(first);
      }
    }

    private TrueTypeFont parse() {
      try {
        // parsed as an embedded font, which may lack 'post' and 'name'
        TrueTypeFont font = new TTFParser(true).parse(new RandomAccessReadBuffer(
            unread(file.read(), post)));
        // what the subsetter reads, parsed now and not in its loops
        font.getHeader();
        font.getHorizontalHeader();
        font.getHorizontalMetrics();
        font.getMaximumProfile();
        font.getNaming();
        font.getOS2Windows();
        font.getUnicodeCmapLookup();
        return font;
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException("not a usable TrueType font: " + name + " ("
            + e.getMessage() + ")", e);
      }
    }

    /** The parsed font, parsed again if it was let go. Under the face's lock. */
    private TrueTypeFont parsed() {
      TrueTypeFont font = parsed.get();
      if (font == null) {
        font = parse();
        parsed = new java.lang.ref.SoftReference<>(font);
      }
      return font;
    }

    /** Lets the parsed font go, as a JVM short of memory does (for tests). */
    synchronized void forgetParsed() {
      parsed = new java.lang.ref.SoftReference<>(null);
    }

    /** The font's name ({@code NotoSansSC-Regular}). */
    public String name() {
      return name;
    }

    /** Whether the font has a glyph for {@code cp}. */
    public boolean has(int cp) {
      return cp > 0xFFFF ? java.util.Arrays.binarySearch(astral, cp) >= 0
          : (bits[cp >>> 6] & (1L << cp)) != 0;
    }

    /** Whether subsets of this face can be made (its glyphs are TrueType outlines). */
    public boolean subsets() {
      return outlines;
    }

    /** The whole font as OpenPDF embeds it, made when it is asked for (and kept softly). */
    public synchronized BaseFont whole() {
      BaseFont f = whole == null ? null : whole.get();
      if (f == null) {
        try {
          f = Fonts.whole(name, file.read());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        whole = new java.lang.ref.SoftReference<>(f);
      }
      return f;
    }

    /**
     * A font of this face's glyphs for the characters {@code chars} (of the basic plane; those
     * the face lacks are left out) and for the space characters, renumbered from 1, for one
     * document: its tables are as long as it has glyphs. OpenPDF takes its own subset of it
     * when the document closes, of the glyphs drawn.
     */
    public BaseFont subset(java.util.BitSet chars) {
      if (!outlines) {
        return whole();
      }
      try {
        BaseFont f = BaseFont.createFont(name + ".ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
            false, subsetFile(chars), null);
        prepare(f, name);
        return f;
      } catch (DocumentException | IOException e) {
        throw new IllegalArgumentException("not a usable TrueType font: " + name, e);
      }
    }

    /** The TrueType file of {@link #subset}. */
    byte[] subsetFile(java.util.BitSet chars) {
      try {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(8192);
        TrueTypeFont source;
        synchronized (this) {
          source = parsed();
        }
        // outside the lock: every table of the parsed font was read when it was parsed, and
        // the subsetter reads the file through a stream of its own (tested from many threads)
        TTFSubsetter s = new TTFSubsetter(source, post ? HOST_SUBSET_TABLES : SUBSET_TABLES);
        for (int cp : ALWAYS) {
          s.add(cp);
        }
        for (int cp = chars.nextSetBit(0); cp >= 0 && cp <= 0xFFFF;
            cp = chars.nextSetBit(cp + 1)) {
          if (has(cp)) {
            s.add(cp);
          }
        }
        s.writeToStream(out);
        return os2Version0(out.toByteArray());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Tables FontBox would read and a subset does not need: the glyph names of 'post' (30,798 of
   * them in Noto Sans SC, a sixth of a cold parse; a bundled face's subset has no 'post', a host
   * font's keeps it), the substitution
   * and positioning tables and the vertical metrics (OpenPDF applies none of them).
   */
  private static final java.util.Set<String> UNREAD = java.util.Set.of("post", "GSUB", "GPOS",
      "GDEF", "vhea", "vmtx", "VORG");

  /**
   * The file with the tags of the tables in {@link #UNREAD} changed in its table directory (the
   * last letter made '~'; 'post' left as it is when {@code post}), so that FontBox, which reads
   * every table it knows when it opens a file, keeps them as bytes it never reads; and with its
   * 'cmap' listing only the subtable
   * FontBox maps characters with ({@link #oneCmap}). Only this copy changes; a whole font
   * OpenPDF embeds is read from the file again.
   */
  static byte[] unread(byte[] file, boolean post) {
    if (file.length < 12) {
      return file;
    }
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(file);
    int tables = b.getShort(4) & 0xFFFF;
    for (int i = 0; i < tables && 12 + 16 * i + 16 <= file.length; i++) {
      int entry = 12 + 16 * i;
      String tag = new String(file, entry, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      if (UNREAD.contains(tag) && !(post && tag.equals("post"))) {
        file[entry + 3] = '~';
      } else if (tag.equals("cmap")) {
        oneCmap(b, b.getInt(entry + 8), b.getInt(entry + 12));
      }
    }
    return file;
  }

  /**
   * The encodings FontBox maps Unicode with, in the order it looks for them ({@code
   * TrueTypeFont.getUnicodeCmapLookup}): Unicode full repertoire, Windows full repertoire, Unicode
   * and Windows basic plane, Windows symbol; platform &lt;&lt; 16 | encoding.
   */
  private static final int[] UNICODE_CMAPS = {0 << 16 | 4, 3 << 16 | 10, 0 << 16 | 3,
      3 << 16 | 1, 3 << 16 | 0};

  /**
   * Makes the cmap table at {@code offset} list one subtable: the one FontBox would map
   * characters with. FontBox parses every subtable a cmap lists, each into maps of its own, and
   * Noto Sans SC lists five (its basic-plane and full tables twice each, under the Unicode and the
   * Windows platform, and the variation sequences, which FontBox does not read and warns about):
   * four fifths of the work of parsing its cmap, and of a cold parse about 35 ms a face, were
   * tables never asked for. A cmap without any of {@link #UNICODE_CMAPS}, or not whole in the
   * file, is left as it is.
   */
  private static void oneCmap(java.nio.ByteBuffer b, int offset, int length) {
    if (offset < 0 || length < 4 || offset > b.limit() - length) {
      return;
    }
    int count = b.getShort(offset + 2) & 0xFFFF;
    if (count < 2 || 4 + 8L * count > length) {
      return;
    }
    for (int wanted : UNICODE_CMAPS) {
      for (int i = 0; i < count; i++) {
        int record = offset + 4 + 8 * i;
        if (b.getInt(record) == wanted) {
          b.putInt(offset + 8, b.getInt(record + 4));
          b.putInt(offset + 4, wanted);
          b.putShort(offset + 2, (short) 1);
          return;
        }
      }
    }
  }

  /** Characters every subset has: the spaces text is drawn with in whatever font is current. */
  static final int[] ALWAYS = {' ', 0xA0, 0x3000};

  /**
   * The subset with its OS/2 table marked as what it is. FontBox writes the table's first 78
   * bytes (the layout of version 0) under the original's version number (3 in Noto Sans SC), and
   * OpenPDF, reading a version above 1, reads the cap height from the next table; marked version
   * 0, it takes 0.7 em. The table's checksum and the font's are made again.
   */
  static byte[] os2Version0(byte[] font) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(font);
    int tables = b.getShort(4) & 0xFFFF;
    int head = -1;
    for (int i = 0; i < tables; i++) {
      int entry = 12 + 16 * i;
      int tag = b.getInt(entry);
      int offset = b.getInt(entry + 8);
      int length = b.getInt(entry + 12);
      if (tag == 0x4F532F32 && length == 78 && b.getShort(offset) != 0) { // 'OS/2'
        b.putShort(offset, (short) 0);
        b.putInt(entry + 4, checksum(b, offset, length));
      } else if (tag == 0x68656164) { // 'head'
        head = offset;
      }
    }
    if (head >= 0) {
      b.putInt(head + 8, 0);
      b.putInt(head + 8, (int) (0xB1B0AFBAL - (checksum(b, 0, font.length) & 0xFFFFFFFFL)));
    }
    return font;
  }

  /** The TrueType checksum of {@code length} bytes at {@code offset}: big-endian words summed. */
  static int checksum(java.nio.ByteBuffer b, int offset, int length) {
    long sum = 0;
    for (int i = 0; i < length; i += 4) {
      int word = 0;
      for (int k = 0; k < 4; k++) {
        word = word << 8 | (i + k < length ? b.get(offset + i + k) & 0xFF : 0);
      }
      sum += word & 0xFFFFFFFFL;
    }
    return (int) sum;
  }

  /** The first of {@code faces} that has {@code cp}, else the symbol fallback if it has it. */
  static Face faceFor(List<Face> faces, int cp) {
    for (Face f : faces) {
      if (f.has(cp)) {
        return f;
      }
    }
    Face symbols = symbols();
    return symbols.has(cp) ? symbols : null;
  }

  /**
   * The characters of {@code text} that none of {@code fonts} nor the symbol fallback has
   * (controls and spaces excepted).
   */
  public static List<String> missing(String text, List<Face> fonts) {
    List<String> out = new ArrayList<>();
    text.codePoints().forEach(cp -> {
      if (Character.isWhitespace(cp) || Character.isISOControl(cp) || cp == 0x200B) {
        return;
      }
      if (faceFor(fonts, cp) != null) {
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
