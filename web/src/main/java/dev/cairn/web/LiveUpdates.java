package dev.cairn.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Server-sent events for open pages: {@code event: changed} with the ledger's head index whenever
 * it moves (checked every second; whoever appended: the live import, a sync, a CLI verb), and a
 * comment every 15 s so a closed tab is noticed. At most {@link #MAX_CLIENTS} streams; one shared
 * timer thread. The page's script re-reads its own URL on {@code changed} and swaps the main part.
 *
 * <p>Thread-safety: thread-safe.
 */
final class LiveUpdates implements AutoCloseable {
  static final int MAX_CLIENTS = 16;
  private final Views views;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "cairn-live");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger clients = new AtomicInteger();

  LiveUpdates(Views views) {
    this.views = views;
  }

  /** Streams to {@code response} until the client goes or the service stops; false (nothing written) when full. */
  boolean stream(Response response, Callback callback) {
    if (clients.incrementAndGet() > MAX_CLIENTS) {
      clients.decrementAndGet();
      return false;
    }
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    Client client = new Client(response, callback, views.head());
    client.task = timer.scheduleWithFixedDelay(client::tick, 0, 1, TimeUnit.SECONDS);
    return true;
  }

  private final class Client {
    private final Response response;
    private final Callback done;
    private long lastHead;
    private int quiet;
    private boolean writing;
    private boolean greeted;
    private boolean ended;
    ScheduledFuture<?> task;

    Client(Response response, Callback done, long head) {
      this.response = response;
      this.done = done;
      this.lastHead = head;
    }

    /** On the timer thread. */
    void tick() {
      if (ended || writing) {
        return;
      }
      long head;
      try {
        head = views.head();
      } catch (RuntimeException e) {
        end(e);
        return;
      }
      String text;
      if (!greeted) {
        greeted = true; // the headers and a first line go out at once: the browser knows the stream is open
        text = ": watching the ledger\n\n";
      } else if (head != lastHead) {
        lastHead = head;
        quiet = 0;
        text = "event: changed\ndata: " + head + "\n\n";
      } else if (++quiet % 15 == 0) {
        text = ": still here\n\n";
      } else {
        return;
      }
      writing = true;
      response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), Callback.from(() -> timer.execute(() -> writing = false),
          failure -> timer.execute(() -> end(failure))));
    }

    private void end(Throwable why) {
      if (ended) {
        return;
      }
      ended = true;
      task.cancel(false);
      clients.decrementAndGet();
      done.failed(why); // the client went away (or the service stops): the exchange ends
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
