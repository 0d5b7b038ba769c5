package io.github.ghacache.server;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar gha-cache-server.jar --port 0 --dir DIR}: prints the runner variables on the first line, then
 * serves until the process is stopped (SIGINT/SIGTERM stop the server cleanly).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("gha-cache-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(CliOptions.HELP);
            return;
        }
        CacheServer server = start(options, System.err);
        System.out.println(server.environment());
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "gha-cache-server-shutdown"));
        stopped.await();
    }

    static CacheServer start(CliOptions o, PrintStream verboseOut) {
        CacheServer server = CacheServer.builder().host(o.host).advertiseHost(o.advertiseHost).port(o.port).dir(o.dir)
                .settings(o.settings).scopes(o.scopes()).tokenLifetime(o.tokenLifetime)
                .urlLifetimes(o.uploadUrlLifetime, o.downloadUrlLifetime).start();
        server.missShape(o.missShape).v1ErrorBom(o.v1ErrorBom);
        o.faults.forEach(server.faults()::add);
        if (o.verbose) {
            server.onRequest(r -> verboseOut.println(r.method() + " " + r.path() + " -> " + (r.status() == 0 ? "dropped"
                    : r.status()) + " [" + r.endpoint().cliName() + "]" + (r.fault() == null ? "" : " fault: " + r.fault())));
        }
        return server;
    }
}
