package dev.cairn.exchange.s3;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 API server for tests: S3Proxy 4.1.0 (SigV4, conditional writes, ListObjectsV2 paging)
 * with the in-memory "transient" store, started as a child process from target/s3proxy/s3proxy.jar
 * (copied there by the build) on a free loopback port.
 */
public final class S3ProxyServer implements AutoCloseable {
  public static final String IDENTITY = "local-identity";
  public static final String CREDENTIAL = "local-credential-secret";
  private final Process process;
  private final int port;

  private S3ProxyServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static S3ProxyServer start(Path workDir) throws IOException, InterruptedException {
    Path jar = Path.of("target/s3proxy/s3proxy.jar").toAbsolutePath();
    if (!Files.exists(jar)) {
      jar = Path.of("../exchange/target/s3proxy/s3proxy.jar").toAbsolutePath(); // from another module's tests
    }
    if (!Files.exists(jar)) {
      throw new IllegalStateException("no " + jar + ": run the build (mvn verify), which copies S3Proxy there");
    }
    // S3Proxy needs its port in its configuration: a port found free may be taken before it binds,
    // so a start that fails is tried again on another port (a bind failure ends the process at once)
    for (int attempt = 1; ; attempt++) {
      S3ProxyServer started = tryStart(jar, workDir);
      if (started != null) {
        return started;
      }
      if (attempt == 3) {
        throw new IllegalStateException("S3Proxy exited three times: see " + workDir.resolve("s3proxy.log"));
      }
    }
  }

  /** Starts S3Proxy on a free port; null if it exited before it listened. */
  private static S3ProxyServer tryStart(Path jar, Path workDir) throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Files.createDirectories(workDir);
    Path conf = workDir.resolve("s3proxy.conf");
    Files.writeString(conf, String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + IDENTITY,
        "s3proxy.credential=" + CREDENTIAL,
        "jclouds.provider=transient",
        "jclouds.identity=" + IDENTITY,
        "jclouds.credential=" + CREDENTIAL, ""));
    Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-jar", jar.toString(),
        "--properties", conf.toString()).redirectErrorStream(true).redirectOutput(workDir.resolve("s3proxy.log").toFile()).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return new S3ProxyServer(p, port);
      } catch (IOException notYet) {
        if (!p.isAlive()) {
          return null;
        }
        Thread.sleep(100); // polling a child process's port: there is no event to wait on
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("S3Proxy did not start within 60 s");
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  public S3Settings settings() {
    return new S3Settings(endpoint(), "us-east-1", IDENTITY, CREDENTIAL);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
