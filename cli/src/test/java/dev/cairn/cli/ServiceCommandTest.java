package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/** 'cairn service install' writes a unit systemd accepts (and a launchd agent on macOS) for this home; status and uninstall. */
class ServiceCommandTest {
  @TempDir Path dir;

  @Test
  void theSystemdUnitPassesSystemdAnalyzeVerify() throws Exception {
    Path home = dir.resolve("my home");
    Path user = dir.resolve("user");
    assertEquals(0, Cli.run(home, "init", "--origin", "home-aaaaaa").code());
    Map<String, String> env = Map.of("HOME", user.toString());
    Cli.Result r = Cli.runWithEnv(home, env, InputStream.nullInputStream(), "service", "install", "--port", "7499");
    assertEquals(0, r.code(), r.err());
    Path unit = user.resolve(".config/systemd/user/cairn.service");
    assertTrue(r.out().contains("wrote " + unit) && r.out().contains("systemctl --user"), r.out());
    String text = Files.readString(unit);
    assertTrue(text.contains("--home \"" + home + "\" serve --port 7499"), "the home (quoted: it has a space) and the port: " + text);
    assertTrue(text.contains("-Xmx256m"), "a bounded heap");
    Process verify = new ProcessBuilder("systemd-analyze", "verify", unit.toString()).redirectErrorStream(true).start();
    String said = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(verify.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, verify.exitValue(), said);
    assertFalse(said.contains(unit.getFileName().toString()), "no complaint about the unit: " + said);

    assertEquals("{\"unit\":\"" + unit + "\",\"installed\":true,\"url\":null,\"answers\":false}",
        Cli.runWithEnv(home, env, InputStream.nullInputStream(), "service", "status", "--json").out().strip());
    assertFalse(Cli.runWithEnv(home, env, InputStream.nullInputStream(), "service", "status").out().contains("(not installed)"),
        "installed, in words too");
    assertEquals(0, Cli.runWithEnv(home, env, InputStream.nullInputStream(), "service", "uninstall").code());
    assertFalse(Files.exists(unit));
  }

  @Test
  void onMacOsItIsALaunchdAgentWithTheSameCommand() throws Exception {
    Path home = dir.resolve("h");
    Path user = dir.resolve("user");
    assertEquals(0, Cli.run(home, "init", "--origin", "home-aaaaaa").code());
    Map<String, String> env = Map.of("HOME", user.toString(), "CAIRN_OS_NAME", "Mac OS X");
    assertEquals(0, Cli.runWithEnv(home, env, InputStream.nullInputStream(), "service", "install").code());
    Path plist = user.resolve("Library/LaunchAgents/dev.cairn.serve.plist");
    DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
    xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // stay off the network
    var doc = xml.newDocumentBuilder().parse(plist.toFile());
    NodeList strings = doc.getElementsByTagName("array").item(0).getChildNodes();
    StringBuilder args = new StringBuilder();
    for (int i = 0; i < strings.getLength(); i++) {
      if (strings.item(i).getNodeName().equals("string")) {
        args.append(strings.item(i).getTextContent()).append(' ');
      }
    }
    assertTrue(args.toString().contains("--home " + home + " serve --port 7465"), args.toString());
    assertTrue(Files.readString(plist).contains("<key>Label</key><string>dev.cairn.serve</string>"));
  }
}
