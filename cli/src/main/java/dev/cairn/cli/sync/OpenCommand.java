package dev.cairn.cli.sync;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.ServeState;
import dev.cairn.exchange.http.BearerToken;
import dev.cairn.ledger.CairnException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn open [--print]}: a one-time login link to this home's running web UI, opened in the browser. */
@Command(name = "open", header = "Open this home's web UI in the browser (cairn serve must be running).", mixinStandardHelpOptions = true,
    description = {"Asks this home's running 'cairn serve' for a one-time login link (with the token in keys/serve.token, which only",
        "you can read) and opens it in the browser; --print prints it instead. A link works once, for 10 minutes; the",
        "browser then keeps a session cookie until the service stops."})
public final class OpenCommand implements Callable<Integer> {
  private final Context ctx;

  @Option(names = "--print", description = "Print the link instead of opening a browser.")
  boolean print;

  public OpenCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    Home home = Home.of(ctx);
    home.origin();
    String base = ServeState.read(home).orElseThrow(() -> new NotServingException("no 'cairn serve' has run on this home yet; start one"));
    BearerToken token = BearerToken.loadOrCreate(home.keys());
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> r;
    try {
      r = http.send(HttpRequest.newBuilder(URI.create(base + "/login-link")).timeout(Duration.ofSeconds(10))
          .header("Authorization", token.header()).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new NotServingException("the service at " + base + " does not answer (" + e.getClass().getSimpleName()
          + "); start it with 'cairn serve'");
    }
    if (r.statusCode() != 200) {
      throw new NotServingException(base + " refused a login link: HTTP " + r.statusCode() + " " + r.body().strip());
    }
    String link = r.body().strip();
    if (print || !browse(link)) {
      ctx.out().println(link);
    } else {
      ctx.out().println("opened " + base + " in the browser");
    }
    return 0;
  }

  /** Opens the link with the desktop's opener; false if there is none. */
  private boolean browse(String link) {
    for (String opener : new String[] {"xdg-open", "open"}) {
      try {
        Process p = new ProcessBuilder(opener, link).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0) {
          return true;
        }
      } catch (IOException e) {
        // no such opener here: try the next, then print
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /** This home's service is not running or not reachable. */
  static final class NotServingException extends CairnException {
    NotServingException(String message) {
      super(message);
    }

    @Override
    public Kind kind() {
      return Kind.STATE;
    }
  }
}
