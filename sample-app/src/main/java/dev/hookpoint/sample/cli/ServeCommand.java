package dev.hookpoint.sample.cli;

import dev.hookpoint.dashboard.DashboardOptions;
import dev.hookpoint.sample.app.Mydia;
import dev.hookpoint.sample.web.WebApp;
import io.javalin.Javalin;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code serve [--port 8080] [--host 127.0.0.1]}: the web app, with hot reload of hooks. */
@Command(name = "serve", description = "Serve the JSON API (and reload hooks when their files change).")
final class ServeCommand implements Runnable {

  @ParentCommand SampleApp root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", defaultValue = "8080") int port;
  @Option(names = "--host", defaultValue = "127.0.0.1") String host;

  @Override
  public void run() {
    Mydia app = root.app(true);
    Javalin server = WebApp.create(app).start(host, port);
    spec.commandLine().getOut().printf("Serving on http://%s:%d/ with hooks from %s (Ctrl-C to stop)%n", host,
        server.port(), app.hooks().hooksDirectory());
    spec.commandLine().getOut().printf("The hooks dashboard: http://%s:%d%s%n", host, server.port(),
        DashboardOptions.DEFAULT_PREFIX);
    spec.commandLine().getOut().flush();
    CountDownLatch stopped = new CountDownLatch(1);
    // The JVM halts as soon as its shutdown hooks return, so the app is closed here, not after the wait below:
    // first no new requests, then the runtime drains the queued background hooks into the history, then the
    // database closes.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      app.close();
      stopped.countDown();
    }, "sample-app-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
