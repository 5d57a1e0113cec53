package org.emrkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the editor's browser tests (Debian packages {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them and sets
 * {@code EMRKIT_BROWSER_REQUIRED=true}, so CI fails rather than skips without them). No
 * network: the driver is the installed one.
 */
final class Chromium {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  /** Skips the test (fails it in CI) without Chromium. */
  static void required() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if ("true".equals(System.getenv("EMRKIT_BROWSER_REQUIRED"))) {
      assertThat(installed).as("chromium and chromium-driver (required by .ci/run)").isTrue();
    }
    assumeTrue(installed, "chromium and chromium-driver are not installed");
  }

  /** A browser with a window of this size, in Chinese. */
  static ChromeDriver start(int width, int height) {
    required();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
        "--window-size=" + width + "," + height, "--lang=zh-CN");
    return new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).build(), options);
  }
}
