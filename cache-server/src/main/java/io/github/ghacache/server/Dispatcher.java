package io.github.ghacache.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.ghacache.server.fault.Fault;
import io.github.ghacache.server.fault.FaultInjector;
import io.github.ghacache.server.fault.Sleeper;
import io.github.ghacache.server.http.BodyFault;
import io.github.ghacache.server.http.Endpoint;
import io.github.ghacache.server.http.EndpointHandler;
import io.github.ghacache.server.http.Exchange;
import io.github.ghacache.server.http.RecordedRequest;
import io.github.ghacache.server.http.RequestLog;
import io.github.ghacache.server.http.Response;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The single entry point for every request: classify, apply the fault plan, hand to the family's handler, and
 * log. Keeping faults and logging here means handlers stay protocol-only.
 */
final class Dispatcher implements HttpHandler {
    private final Map<Endpoint.Family, EndpointHandler> handlers;
    private final FaultInjector faults;
    private final RequestLog log;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private volatile Sleeper sleeper = Sleeper.REAL;
    private volatile Consumer<RecordedRequest> listener = r -> { };

    Dispatcher(Map<Endpoint.Family, EndpointHandler> handlers, FaultInjector faults, RequestLog log, Clock clock) {
        this.handlers = handlers;
        this.faults = faults;
        this.log = log;
        this.clock = clock;
    }

    void sleeper(Sleeper value) {
        this.sleeper = value;
    }

    void listener(Consumer<RecordedRequest> value) {
        this.listener = value;
    }

    @Override
    public void handle(HttpExchange raw) throws IOException {
        String method = raw.getRequestMethod();
        String path = raw.getRequestURI().getPath();
        String query = raw.getRequestURI().getRawQuery();
        Endpoint endpoint = Endpoint.classify(method, path, query);
        Fault fault = faults.take(endpoint).orElse(null);
        Exchange ex = new Exchange(raw, UUID.randomUUID().toString(), bodyFault(fault),
                fault != null && fault.type() == Fault.Type.EXPIRED_URL);
        boolean dropped = false;
        try {
            if (fault != null && fault.type() == Fault.Type.LATENCY) {
                sleeper.sleep(fault.latency());
            }
            if (fault != null && fault.type() == Fault.Type.DROP) {
                ex.drop();
            }
            EndpointHandler handler = handlers.get(endpoint.family());
            if (fault != null && fault.type() == Fault.Type.STATUS) {
                Response r = handler.injectedError(fault.status(), fault.jsonBody(), ex.requestId());
                ex.send(fault.retryAfter() == null ? r : r.withHeader("Retry-After", fault.retryAfter()));
            } else if (handler == null) {
                ex.send(Response.json(404, "{\"message\":\"no such route: " + method + " " + path.replace("\"", "") + "\"}"));
            } else {
                handler.handle(ex, endpoint);
            }
        } catch (Exchange.ConnectionDropped e) {
            dropped = true;
            throw e; // the JDK server closes the connection on an exception from a handler
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dropped = true;
            throw new Exchange.ConnectionDropped();
        } catch (IOException | RuntimeException e) {
            if (!ex.responded()) {
                sendInternalError(ex, endpoint, e);
            }
        } finally {
            RecordedRequest record = new RecordedRequest(sequence.incrementAndGet(), clock.instant(), method, path, query,
                    endpoint, copy(raw.getRequestHeaders()), ex.requestBytes(), dropped && !ex.responded() ? 0 : ex.status(),
                    fault == null ? null : fault.toString());
            log.add(record);
            listener.accept(record);
            if (!dropped) {
                raw.close();
            }
        }
    }

    private void sendInternalError(Exchange ex, Endpoint endpoint, Exception cause) {
        // a bug or a disk problem, not an injected fault: say so where the operator looks
        System.err.println("gha-cache-server: internal error on " + endpoint.cliName() + ": " + cause);
        EndpointHandler handler = handlers.get(endpoint.family());
        try {
            ex.send(handler == null ? Response.json(500, "{\"message\":\"internal error\"}")
                    : handler.injectedError(500, true, ex.requestId()));
        } catch (IOException | RuntimeException ignored) {
            // the client is gone; nothing left to tell it
        }
    }

    private static BodyFault bodyFault(Fault fault) {
        if (fault == null) {
            return BodyFault.NONE;
        }
        return switch (fault.type()) {
            case TRUNCATE -> new BodyFault(BodyFault.Type.TRUNCATE, fault.keepBytes());
            case CORRUPT -> new BodyFault(BodyFault.Type.CORRUPT, 0);
            default -> BodyFault.NONE;
        };
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        headers.forEach((k, v) -> result.put(k, List.copyOf(v)));
        return result;
    }
}
