package org.emrkit.render.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the browser tests (Debian packages {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them and sets
 * {@code EMRKIT_BROWSER_REQUIRED=true}, so CI always runs them; elsewhere, without them, they
 * are skipped). No network: pages are files, the driver is the installed one. The browser runs
 * in another zone than the hospital's (+08:00): it must not move the record's times.
 */
final class Chromium {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path OUT = Path.of("target", "browser");

  private Chromium() {}

  /** A browser with a window of this size, or the test skipped (failed in CI) without one. */
  static ChromeDriver start(int width, int height) {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if ("true".equals(System.getenv("EMRKIT_BROWSER_REQUIRED"))) {
      assertThat(installed).as("chromium and chromium-driver (required by .ci/run)").isTrue();
    }
    assumeTrue(installed, "chromium and chromium-driver are not installed");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
        "--window-size=" + width + "," + height, "--lang=zh-CN");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .withEnvironment(java.util.Map.of("TZ", "America/New_York")).build();
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    return browser;
  }

  /** Writes the page under target/browser and opens it. */
  static void open(ChromeDriver browser, String name, String html) throws Exception {
    Files.createDirectories(OUT);
    Path page = OUT.resolve(name).toAbsolutePath();
    Files.writeString(page, html, StandardCharsets.UTF_8);
    browser.get(page.toUri().toString());
  }

  static Object js(ChromeDriver browser, String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }
}
