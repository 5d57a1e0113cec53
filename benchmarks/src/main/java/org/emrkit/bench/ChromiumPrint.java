package org.emrkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.emrkit.record.Record;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import org.emrkit.render.html.HtmlRenderer;
import org.emrkit.render.pdf.PdfRenderer;
import org.emrkit.template.Template;

/**
 * EMRKit's PDF against warm headless Chromium, side by side in one run: Chromium loads EMRKit's
 * HTML view of the record once (A4, the same margins, Noto Sans SC if the system has it), then
 * prints it with the DevTools protocol's {@code Page.printToPDF} again and again; EMRKit renders
 * the same record to PDF/A-2b in this JVM. Rounds alternate (a batch of Chromium prints, a batch
 * of EMRKit renders) after a warm-up of both, so the machine's noise falls on both alike; the
 * ratio is of the means. Chromium's time is the protocol round trip (print, base64 transfer,
 * decoding); its PDF is not PDF/A. Run with {@code benchmarks/chromium.sh} (which says what to
 * install).
 */
public final class ChromiumPrint {
  private static final Clock CLOCK = Clock.fixed(
      OffsetDateTime.parse("2026-11-28T12:00:00+08:00").toInstant(), ZoneOffset.ofHours(8));
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChromiumPrint() {}

  /** {@code chromium-binary [rounds] [per-round]}. */
  public static void main(String[] args) throws Exception {
    String chromium = args.length > 0 ? args[0] : "chromium";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    System.out.printf("record         EMRKit ms/doc  Chromium ms/doc  ratio  pages (EMRKit/Chromium)%n");
    for (String which : new String[] {"admission", "hundred-pages"}) {
      compare(chromium, which, rounds, which.equals("admission") ? batch : Math.max(2, batch / 4));
    }
  }

  private static void compare(String chromium, String which, int rounds, int batch)
      throws Exception {
    BenchCorpus.PdfCase pdfCase = BenchCorpus.PdfCase.of(which);
    Template template = pdfCase.template();
    Record rec = pdfCase.record();
    PdfRenderer emrkit = PdfRenderer.builder()
        .options(RenderOptions.builder().clock(CLOCK).build()).build();
    String page = HtmlRenderer.builder()
        .options(RenderOptions.builder().mode(RenderMode.VIEW).clock(CLOCK).build())
        .fullPage(true).build().render(template, rec)
        .replace("<head>", "<head><style>@page{size:A4;margin:20mm 20mm 20mm 25mm}</style>");
    Path dir = Files.createTempDirectory("emrkit-chromium-");
    Path html = dir.resolve("record.html");
    Files.writeString(html, page);
    Process browser = new ProcessBuilder(chromium, "--headless", "--disable-gpu", "--no-sandbox",
        "--remote-debugging-port=0", "--user-data-dir=" + dir.resolve("profile"), "about:blank")
        .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
    try (Cdp cdp = Cdp.connect(dir.resolve("profile"))) {
      cdp.call("Page.enable", JSON.createObjectNode());
      ObjectNode nav = JSON.createObjectNode().put("url", html.toUri().toString());
      cdp.call("Page.navigate", nav);
      cdp.waitFor("Page.loadEventFired");
      ObjectNode print = JSON.createObjectNode().put("preferCSSPageSize", true)
          .put("printBackground", true);
      int chromiumPages = pages(cdp.print(print));
      int emrkitPages = pages(render(emrkit, template, rec));
      // warm-up: both, a round each
      for (int i = 0; i < batch; i++) {
        cdp.print(print);
        render(emrkit, template, rec);
      }
      long chromeNanos = 0;
      long emrkitNanos = 0;
      for (int r = 0; r < rounds; r++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < batch; i++) {
          cdp.print(print);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < batch; i++) {
          render(emrkit, template, rec);
        }
        long t2 = System.nanoTime();
        chromeNanos += t1 - t0;
        emrkitNanos += t2 - t1;
      }
      double e = emrkitNanos / 1e6 / (rounds * batch);
      double c = chromeNanos / 1e6 / (rounds * batch);
      System.out.printf("%-14s %13.1f  %15.1f  %4.1f×  %d / %d%n", which, e, c, c / e,
          emrkitPages, chromiumPages);
    } finally {
      browser.destroy();
      browser.waitFor(10, TimeUnit.SECONDS);
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static byte[] render(PdfRenderer pdf, Template t, Record r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pdf.render(t, r, out);
    return out.toByteArray();
  }

  private static int pages(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return doc.getNumberOfPages();
    }
  }

  /** A DevTools protocol connection to the browser's first page. */
  private static final class Cdp implements WebSocket.Listener, AutoCloseable {
    private final AtomicInteger ids = new AtomicInteger();
    private final ConcurrentHashMap<Integer, CompletableFuture<JsonNode>> calls =
        new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<JsonNode>> events =
        new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static Cdp connect(Path profile) throws Exception {
      Path portFile = profile.resolve("DevToolsActivePort");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IOException("Chromium did not start (no " + portFile + ")");
        }
        Thread.sleep(50);
      }
      String port = Files.readAllLines(portFile).get(0).strip();
      HttpClient http = HttpClient.newHttpClient();
      JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      String url = null;
      for (JsonNode t : targets) {
        if ("page".equals(t.path("type").asText())) {
          url = t.path("webSocketDebuggerUrl").asText();
          break;
        }
      }
      if (url == null) {
        throw new IOException("Chromium has no page to print from");
      }
      Cdp cdp = new Cdp();
      cdp.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
          .buildAsync(URI.create(url), cdp).get(10, TimeUnit.SECONDS);
      return cdp;
    }

    JsonNode call(String method, ObjectNode params) throws Exception {
      int id = ids.incrementAndGet();
      CompletableFuture<JsonNode> reply = new CompletableFuture<>();
      calls.put(id, reply);
      ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
      msg.set("params", params);
      socket.sendText(JSON.writeValueAsString(msg), true).get(10, TimeUnit.SECONDS);
      JsonNode r = reply.get(120, TimeUnit.SECONDS);
      if (r.has("error")) {
        throw new IOException(method + ": " + r.get("error"));
      }
      return r.path("result");
    }

    byte[] print(ObjectNode params) throws Exception {
      return Base64.getDecoder().decode(call("Page.printToPDF", params).path("data").asText());
    }

    void waitFor(String event) throws Exception {
      events.computeIfAbsent(event, e -> new CompletableFuture<>()).get(60, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode msg = JSON.readTree(partial.toString());
          if (msg.has("id")) {
            CompletableFuture<JsonNode> f = calls.remove(msg.get("id").asInt());
            if (f != null) {
              f.complete(msg);
            }
          } else if (msg.has("method")) {
            events.computeIfAbsent(msg.get("method").asText(), e -> new CompletableFuture<>())
                .complete(msg);
          }
        } catch (IOException e) {
          throw new IllegalStateException("not DevTools JSON", e);
        } finally {
          partial.setLength(0);
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public void close() {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS);
    }
  }
}
