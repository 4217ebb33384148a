package dev.cairn.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.cli.command.Context;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The web UI in a real headless Chromium (Debian's chromium and chromium-driver, which .ci/run
 * installs), against a real service: log in with the printed link, list, search, open, star and
 * tag from the page, a transcript that grows on disk shows up on the open page, a hostile
 * transcript runs nothing. Screenshots of each page go to target/screenshots (docs/ui/ holds copies).
 */
class BrowserTest {
  @TempDir Path dir;
  private Path home;
  private Path projects;
  private Thread server;
  private final StringWriter serverOut = new StringWriter();
  private WebDriver browser;

  @BeforeEach
  void start() throws Exception {
    home = dir.resolve("h");
    projects = Files.createDirectories(dir.resolve("projects"));
    assertEquals(0, Cli.run(home, "init", "--origin", "laptop-aaaaaa").code());
    Path project = Files.createDirectories(projects.resolve("-home-ana-cairn"));
    Files.copy(Fixtures.claudeCode().resolve("session_b.jsonl"), project.resolve("session_b.jsonl"));
    Files.writeString(project.resolve("hostile.jsonl"), String.join("\n",
        line("hostile", "user", "u1", null, "<script>window.__pwned=1</script> <img src=x onerror=\\\"window.__pwned=2\\\"> <svg onload=\\\"window.__pwned=4\\\"></svg>"),
        line("hostile", "assistant", "a1", "u1", "[click me](javascript:window.__pwned=3) and <iframe src=\\\"javascript:window.__pwned=5\\\"></iframe>")) + "\n");
    server = new Thread(() -> Main.run(new String[] {"--home", home.toString(), "serve", "--port", "0", "--no-sync",
        "--claude-projects", projects.toString()},
        new Context(Map.of(), InputStream.nullInputStream(), new PrintWriter(serverOut, true), new PrintWriter(serverOut, true), false)));
    server.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> serverOut.toString().contains("importing live"));

    System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"); // Debian's driver: no Selenium Manager, no network
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
        "--no-first-run", "--disable-background-networking", "--disable-component-update");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    server.interrupt();
    server.join(30_000);
  }

  /** One Claude Code transcript line. */
  private static String line(String session, String role, String uuid, String parent, String text) {
    String content = role.equals("user") ? "\"" + text + "\""
        : "[{\"type\":\"text\",\"text\":\"" + text + "\"}]";
    return "{\"parentUuid\":" + (parent == null ? "null" : "\"" + parent + "\"") + ",\"isSidechain\":false,\"userType\":\"external\","
        + "\"cwd\":\"/home/ana/cairn\",\"sessionId\":\"" + session + "\",\"version\":\"2.0.1\",\"type\":\"" + role + "\",\"uuid\":\"" + uuid
        + "\",\"timestamp\":\"2026-11-30T10:00:0" + (role.equals("user") ? 1 : 2) + ".000Z\",\"message\":{\"role\":\"" + role + "\","
        + (role.equals("assistant") ? "\"id\":\"msg_" + uuid + "\",\"model\":\"claude-sonnet-4-5\"," : "") + "\"content\":" + content + "}}";
  }

  private void shot(String name) throws Exception {
    Path dirShots = Files.createDirectories(Path.of("target/screenshots"));
    Files.write(dirShots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private String base() {
    Matcher m = Pattern.compile("web UI: (http://127\\.0\\.0\\.1:\\d+)/login").matcher(serverOut.toString());
    assertTrue(m.find(), serverOut.toString());
    return m.group(1);
  }

  @Test
  void aPersonLogsInBrowsesSearchesCuratesAndWatchesASessionGrow() throws Exception {
    browser.get(base() + "/");
    assertTrue(browser.getPageSource().contains("cairn open"), "no login, no data");
    shot("login");
    browser.get(Cli.run(home, "open", "--print").line());
    await().atMost(Duration.ofSeconds(10)).until(() -> browser.getPageSource().contains("What does git rebase"));
    shot("sessions");

    browser.findElement(By.name("q")).sendKeys("rebase");
    browser.findElement(By.name("q")).submit();
    await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/search"));
    assertFalse(browser.findElements(By.cssSelector("section.hits li")).isEmpty(), browser.getPageSource());
    shot("search");

    browser.findElement(By.cssSelector("section.hits li a")).click();
    await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/s/laptop-aaaaaa"));
    browser.findElement(By.xpath("//button[text()='Star']")).click();
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.xpath("//button[text()='Unstar']")).isEmpty());
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("the star did not show; the page " + browser.getCurrentUrl() + ": " + browser.getPageSource()
          + "\nthe service: " + serverOut, e);
    }
    browser.findElement(By.name("tag")).sendKeys("git");
    browser.findElement(By.xpath("//button[text()='Tag']")).click();
    await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.xpath("//button[starts-with(text(), 'git ')]")).isEmpty());
    var starred = Cli.json(home, "sessions", "--starred");
    assertEquals(1, starred.size(), starred.toString());
    assertEquals("git", starred.get(0).get("tags").asText());
    shot("session");

    // the agent writes on: the open page shows the new message without a reload
    Path transcript = projects.resolve("-home-ana-cairn/session_b.jsonl");
    String more = "{\"parentUuid\":\"sess-0002\",\"isSidechain\":false,\"userType\":\"external\",\"cwd\":\"/tmp\",\"sessionId\":\"session_b\","
        + "\"version\":\"1.0.24\",\"gitBranch\":\"main\",\"type\":\"user\",\"uuid\":\"sess-0003\",\"timestamp\":\"2025-06-14T15:00:09.000Z\","
        + "\"message\":{\"role\":\"user\",\"content\":\"And what about rebase --interactive, quokka?\"}}\n";
    ((JavascriptExecutor) browser).executeScript("window.__sameDocument = 'yes';");
    Files.writeString(transcript, Files.readString(transcript) + more);
    await().atMost(Duration.ofSeconds(15)).until(() -> browser.getPageSource().contains("quokka"));
    assertEquals("yes", ((JavascriptExecutor) browser).executeScript("return window.__sameDocument;"), "updated in place, not reloaded");

    browser.get(base() + "/peers");
    await().atMost(Duration.ofSeconds(10)).until(() -> browser.getPageSource().contains("this machine"));
    assertTrue(browser.getPageSource().contains("laptop-aaaaaa"), browser.getPageSource());
    shot("machines");
    browser.get(base() + "/sync");
    await().atMost(Duration.ofSeconds(10)).until(() -> browser.getPageSource().contains("Sync now"));
    shot("sync");

    // usage: tokens and cost with a chart drawn by uPlot (from its webjar), within the page's policy
    browser.get(base() + "/usage");
    await().atMost(Duration.ofSeconds(10)).until(() -> browser.getPageSource().contains("By model"));
    await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("#usage-chart canvas")).isEmpty());
    assertTrue(browser.getPageSource().contains("claude-sonnet-4-20250514"), "the fixture's model is listed");
    shot("usage");
    List<LogEntry> console = browser.manage().logs().get(LogType.BROWSER).getAll();
    assertTrue(console.stream().noneMatch(e -> e.getMessage().contains("Content Security Policy") || e.getMessage().contains("Uncaught")),
        "the chart's scripts run within the policy: " + console);
  }

  @Test
  void aHostileTranscriptRendersAsTextAndRunsNothing() throws Exception {
    browser.get(Cli.run(home, "open", "--print").line());
    browser.get(base() + "/s/laptop-aaaaaa~hostile");
    await().atMost(Duration.ofSeconds(10)).until(() -> browser.getPageSource().contains("window.__pwned=1"));
    shot("hostile");
    assertNull(((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined ? null : window.__pwned;"),
        "nothing from the transcript ran");
    assertTrue(browser.findElements(By.cssSelector("main script, main img, main svg, main iframe")).isEmpty(), "no element from the transcript");
    assertTrue(browser.findElements(By.cssSelector("main a[href^='javascript']")).isEmpty(), "no javascript: link");
    browser.findElement(By.xpath("//a[text()='click me']")).click(); // its link was sanitised: clicking runs nothing
    assertNull(((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined ? null : window.__pwned;"));
    List<LogEntry> console = browser.manage().logs().get(LogType.BROWSER).getAll();
    assertTrue(console.stream().noneMatch(e -> e.getMessage().contains("pwned")), "the console: " + console);
    assertTrue(console.stream().noneMatch(e -> e.getMessage().contains("Content Security Policy")),
        "the UI's own scripts (htmx) work within its policy: " + console);
  }
}
