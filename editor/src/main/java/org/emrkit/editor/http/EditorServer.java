package org.emrkit.editor.http;

import static org.emrkit.editor.http.Exchanges.body;
import static org.emrkit.editor.http.Exchanges.error;
import static org.emrkit.editor.http.Exchanges.form;
import static org.emrkit.editor.http.Exchanges.html;
import static org.emrkit.editor.http.Exchanges.json;
import static org.emrkit.editor.http.Exchanges.query;
import static org.emrkit.editor.http.Exchanges.redirect;
import static org.emrkit.editor.http.Exchanges.send;
import static org.emrkit.editor.http.Exchanges.text;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.emrkit.editor.Authenticator;
import org.emrkit.editor.BadRequest;
import org.emrkit.editor.EditingService;
import org.emrkit.editor.NotFound;
import org.emrkit.editor.StrictJson;
import org.emrkit.json.RecordJson;
import org.emrkit.problem.Message;
import org.emrkit.record.Actor;
import org.emrkit.record.Context;
import org.emrkit.record.Record;
import org.emrkit.template.Template;

/**
 * The editing service on the JDK's HTTP server, hardened: who acts comes only from a server-side
 * log-in session; every request must name this server in its Host header (no DNS rebinding);
 * every POST must come from this server's own pages (Origin, and the session's CSRF token);
 * only the methods a path takes are answered (405 otherwise); every response carries a
 * nonce-based Content-Security-Policy, frame, nosniff and no-store headers; bodies are bounded
 * and read strictly; a request must arrive within {@code sun.net.httpserver.maxReqTime} seconds
 * (default here 10: a stalled client is cut off) and enough workers serve the rest.
 *
 * <p>Paths: {@code GET /login}, {@code POST /login}, {@code POST /logout}, {@code GET /},
 * {@code POST /new?template=ID}, {@code GET /records/ID}, {@code GET /records/ID.pdf}, {@code
 * GET /records/ID.json}, {@code GET /records/ID/search?path=P&q=Q} (a search box's matches),
 * {@code POST /records/ID/save|sign|archive|print} (print: 续打, the PDF
 * in the JSON answer, the print logged in the record). Behind a TLS proxy, set
 * {@link Builder#secure} so cookies are Secure and Origin is {@code https}.
 */
public final class EditorServer {

  static {
    // read at the JDK server's first use: set before any HttpServer is made in this JVM
    setDefault("sun.net.httpserver.maxReqTime", "10");
    setDefault("sun.net.httpserver.maxRspTime", "120");
  }

  private static final System.Logger LOG = System.getLogger(EditorServer.class.getName());

  private final EditingService service;
  private final Authenticator authenticator;
  private final Sessions sessions;
  private final Pages pages;
  private final InetAddress address;
  private final int requestedPort;
  private final int workers;
  private final Guard guard;
  private final List<String> names;
  private final BiFunction<Actor, Template, Context> newContext;
  private final SecureRandom random = new SecureRandom();
  private final AtomicInteger next = new AtomicInteger(1);
  private Set<String> hosts = Set.of();
  private HttpServer server;
  private ExecutorService pool;

  private EditorServer(Builder b) {
    this.service = b.service;
    this.authenticator = b.authenticator;
    this.sessions = new Sessions(b.clock, b.idle, Duration.ofHours(12), 10_000);
    this.pages = new Pages(b.title, b.loginNote);
    this.address = b.address;
    this.requestedPort = b.port;
    this.workers = b.workers;
    this.guard = new Guard(b.secure);
    this.names = List.copyOf(b.names);
    this.newContext = b.newContext;
  }

  /** Starts a server over the service, logging users in through the authenticator. */
  public static Builder builder(EditingService service, Authenticator authenticator) {
    return new Builder(service, authenticator);
  }

  /** Starts serving; returns the port (the one asked for, or a free one for 0). */
  public int start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(address, requestedPort), 64);
    pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "emrkit-editor");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
    int port = server.getAddress().getPort();
    hosts = Guard.hosts(names, address, port);
    return port;
  }

  /** Stops serving (waits up to a second for requests in flight). */
  public void stop() {
    if (server != null) {
      server.stop(1);
      pool.shutdownNow();
      server = null;
    }
  }

  // ------------------------------------------------------------------ one request

  private void handle(HttpExchange x) throws IOException {
    try {
      String nonce = token();
      guard.securityHeaders(x, nonce);
      String host = x.getRequestHeaders().getFirst("Host");
      if (host == null || !hosts.contains(host.toLowerCase(java.util.Locale.ROOT))) {
        // DNS rebinding: a page from another site reaching this port by a name of its own
        text(x, 421, "这台服务器不是 " + host + "。/ This server is not " + host + ".");
        return;
      }
      String path = x.getRequestURI().getRawPath();
      String method = x.getRequestMethod();
      Route route = Route.of(path);
      if (!route.methods.contains(method)) {
        x.getResponseHeaders().set("Allow", String.join(", ", route.methods));
        text(x, route == Route.NOT_FOUND ? 404 : 405, route == Route.NOT_FOUND
            ? "没有这个页面 / not found" : "不支持的方法 / method not allowed: " + method);
        return;
      }
      boolean post = method.equals("POST");
      if (post && !guard.sameOrigin(x, host)) {
        text(x, 403, "跨站请求被拒绝 / cross-site request refused");
        return;
      }
      if (route == Route.LOGIN) {
        login(x, post);
        return;
      }
      Optional<Sessions.Session> session = sessions.find(x.getRequestHeaders().getFirst("Cookie"));
      if (session.isEmpty()) {
        if (post) {
          json(x, 401, error("request/login", Message.of("请先登录", "log in first")));
        } else {
          redirect(x, "/login");
        }
        return;
      }
      route(x, route, path, session.get(), nonce);
    } catch (Forbidden e) {
      json(x, 403, error("request/csrf", Message.of("请求缺少有效的 CSRF 令牌，请刷新页面",
          "the request has no valid CSRF token; reload the page")));
    } catch (BadRequest e) {
      json(x, e.code().equals("request/too-large") ? 413
          : e.code().equals("edit/permission") ? 403 : 400, error(e.code(), e.text()));
    } catch (NotFound e) {
      json(x, 404, error("request/not-found", e.text()));
    } catch (org.emrkit.render.RenderException e) {
      // a record that cannot be printed (a character no font has): say which, and where
      text(x, 422, "无法打印：" + e.message().zh() + (e.pointer().isEmpty() ? "" : "（" + e.pointer()
          + "）") + " / cannot print: " + e.message().en());
    } catch (org.emrkit.edit.RecordRefusedException e) {
      // a stored record whose values do not fit its template (a host's import through the API):
      // say what and where, not an internal error
      json(x, 422, error(e.code(), Message.of(e.message().zh() + "（" + e.pointer() + "）",
          e.message().en() + " (" + e.pointer() + ")")));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "editor request failed", e);
      text(x, 500, "服务器内部错误 / internal error");
    } finally {
      // not try-with-resources: its catch blocks run after the exchange is closed
      x.close();
    }
  }

  private void route(HttpExchange x, Route route, String path, Sessions.Session s, String nonce)
      throws IOException {
    Actor actor = s.actor();
    switch (route) {
      case LOGOUT -> {
        requireCsrf(s, form(x).get("csrf"));
        sessions.end(s);
        x.getResponseHeaders().add("Set-Cookie", guard.cookie("", 0));
        redirect(x, "/login");
      }
      case INDEX -> html(x, 200, pages.index(s, service.templates().stream()
          .filter(t -> service.mayCreate(actor, t)).toList(), service.store().ids()
          .stream().map(id -> service.store().find(id)).flatMap(Optional::stream).toList()));
      case NEW -> {
        requireCsrf(s, form(x).get("csrf"));
        String id = query(x).getOrDefault("template", "");
        Template t = service.templates().stream().filter(tt -> tt.id().equals(id)).findFirst()
            .orElseThrow(() -> new NotFound(Message.of("没有模板 " + id, "no template " + id)));
        Record r = service.create(actor, t.id(), "NEW-" + next.getAndIncrement() + "-" + t.id(),
            newContext.apply(actor, t));
        redirect(x, "/records/" + r.id());
      }
      default -> record(x, path, s, nonce);
    }
  }

  private void record(HttpExchange x, String path, Sessions.Session s, String nonce)
      throws IOException {
    java.util.regex.Matcher m = Route.RECORD.matcher(path);
    if (!m.matches()) {
      text(x, 404, "没有这个页面 / not found");
      return;
    }
    String id = m.group(1);
    String action = m.group(2) == null ? "" : m.group(2);
    Actor actor = s.actor();
    switch (action) {
      case "" -> html(x, 200, pages.record(s, service.open(actor, id), service.trace(actor, id),
          nonce));
      case ".json" -> send(x, 200, "application/json; charset=utf-8",
          RecordJson.create().write(service.open(actor, id).record())
              .getBytes(StandardCharsets.UTF_8));
      case ".pdf" -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service.print(actor, id, out);
        x.getResponseHeaders().set("Content-Disposition",
            "attachment; filename=\"" + id + ".pdf\"");
        send(x, 200, "application/pdf", out.toByteArray());
      }
      case "/trace" -> html(x, 200, pages.traced(s, service.open(actor, id),
          service.traceView(actor, id)));
      case "/preview" -> {
        // the print preview: the archival PDF shown in the editor page's frame (this origin only)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service.print(actor, id, out);
        guard.framedBySelf(x);
        x.getResponseHeaders().set("Content-Disposition", "inline; filename=\"" + id + ".pdf\"");
        send(x, 200, "application/pdf", out.toByteArray());
      }
      case "/search" -> {
        // read-only, like the page itself: the session, no CSRF token; bounded query
        Map<String, String> q = query(x);
        String limit = q.getOrDefault("limit", "20");
        json(x, 200, service.search(actor, id, q.getOrDefault("path", ""), q.getOrDefault("q",
            ""), limit.matches("\\d{1,3}") ? Integer.parseInt(limit) : 20));
      }
      default -> {
        requireCsrf(s, x.getRequestHeaders().getFirst("X-CSRF-Token"));
        byte[] body = body(x, StrictJson.MAX_BYTES);
        json(x, 200, switch (action) {
          case "/save" -> service.save(actor, id, body).json();
          case "/sign" -> service.sign(actor, id, body).json();
          case "/print" -> service.print(actor, id, body).json();
          default -> service.archive(actor, id, body).json();
        });
      }
    }
  }

  private void login(HttpExchange x, boolean post) throws IOException {
    if (!post) {
      html(x, 200, pages.login(null));
      return;
    }
    Map<String, String> f = form(x);
    char[] password = f.getOrDefault("password", "").toCharArray();
    Optional<Actor> actor;
    try {
      actor = authenticator.authenticate(f.getOrDefault("user", ""), password);
    } finally {
      java.util.Arrays.fill(password, '\0');
    }
    if (actor.isEmpty()) {
      html(x, 401, pages.login("用户名或密码不正确，或账号已暂时锁定 / wrong user or password, or"
          + " the account is locked for a while"));
      return;
    }
    Sessions.Session s = sessions.start(actor.get());
    x.getResponseHeaders().add("Set-Cookie", guard.cookie(s.id(), -1));
    redirect(x, "/");
  }

  private static void requireCsrf(Sessions.Session s, String posted) {
    if (!Sessions.csrf(s, posted)) {
      throw new Forbidden();
    }
  }

  /** A request without the session's CSRF token. */
  private static final class Forbidden extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Forbidden() {
      super("no valid CSRF token", null, false, false);
    }
  }

  private String token() {
    byte[] b = new byte[18];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static void setDefault(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /** Builds an {@link EditorServer}. */
  public static final class Builder {
    private final EditingService service;
    private final Authenticator authenticator;
    private InetAddress address = InetAddress.getLoopbackAddress();
    private int port;
    private int workers = 32;
    private boolean secure;
    private final List<String> names = new java.util.ArrayList<>();
    private String title = "EMRKit 病历编辑 record editor";
    private String loginNote;
    private Clock clock = Clock.systemUTC();
    private Duration idle = Duration.ofMinutes(30);
    private BiFunction<Actor, Template, Context> newContext = (a, t) -> Context.EMPTY;

    private Builder(EditingService service, Authenticator authenticator) {
      this.service = Objects.requireNonNull(service, "service");
      this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    /** The address to listen on (default: loopback only). */
    public Builder address(InetAddress a) {
      this.address = Objects.requireNonNull(a, "address");
      return this;
    }

    /** The port (default 0: a free one). */
    public Builder port(int p) {
      this.port = p;
      return this;
    }

    /** Worker threads (default 32): slow clients hold one each until the read timeout. */
    public Builder workers(int n) {
      if (n < 2 || n > 1024) {
        throw new IllegalArgumentException("workers must be 2..1024, not " + n);
      }
      this.workers = n;
      return this;
    }

    /** Behind TLS: Secure cookies, https Origin, HSTS. */
    public Builder secure(boolean s) {
      this.secure = s;
      return this;
    }

    /** Another host name (and the port) the server answers to, such as its DNS name. */
    public Builder hostName(String name) {
      this.names.add(name.toLowerCase(java.util.Locale.ROOT));
      return this;
    }

    /** The pages' title. */
    public Builder title(String t) {
      this.title = Objects.requireNonNull(t, "title");
      return this;
    }

    /** A line under the log-in form (the demo says its password there). */
    public Builder loginNote(String note) {
      this.loginNote = note;
      return this;
    }

    /** The clock sessions expire by. */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /** How long a session may sit idle (default 30 minutes). */
    public Builder idle(Duration d) {
      this.idle = Objects.requireNonNull(d, "idle");
      return this;
    }

    /** The host context (patient, encounter) a new record of a template starts with. */
    public Builder newRecordContext(BiFunction<Actor, Template, Context> f) {
      this.newContext = Objects.requireNonNull(f, "newRecordContext");
      return this;
    }

    /** The server (not started). */
    public EditorServer build() {
      return new EditorServer(this);
    }
  }
}
