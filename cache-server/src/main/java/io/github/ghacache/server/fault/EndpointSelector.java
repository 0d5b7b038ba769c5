package io.github.ghacache.server.fault;

import io.github.ghacache.server.http.Endpoint;
import java.util.Locale;

/** Which requests a fault applies to: one endpoint, one family ({@code v1}, {@code v2}, {@code blob}) or any. */
public record EndpointSelector(Endpoint endpoint, Endpoint.Family family) {
    public static final EndpointSelector ANY = new EndpointSelector(null, null);

    public static EndpointSelector of(Endpoint endpoint) {
        return new EndpointSelector(endpoint, null);
    }

    public static EndpointSelector of(Endpoint.Family family) {
        return new EndpointSelector(null, family);
    }

    public boolean matches(Endpoint candidate) {
        if (endpoint != null) {
            return endpoint == candidate;
        }
        return family == null || family == candidate.family();
    }

    /** Parses a command-line name: {@code any}, {@code v1}, {@code v2}, {@code blob} or an endpoint like {@code v2-create}. */
    public static EndpointSelector parse(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        if (name.equals("any") || name.equals("*")) {
            return ANY;
        }
        for (Endpoint.Family f : Endpoint.Family.values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(name)) {
                return of(f);
            }
        }
        for (Endpoint e : Endpoint.values()) {
            if (e.cliName().equals(name)) {
                return of(e);
            }
        }
        throw new IllegalArgumentException("unknown endpoint '" + text + "'; use any, v1, v2, blob or one of "
                + java.util.Arrays.stream(Endpoint.values()).map(Endpoint::cliName).toList());
    }

    @Override
    public String toString() {
        if (endpoint != null) {
            return endpoint.cliName();
        }
        return family == null ? "any" : family.name().toLowerCase(Locale.ROOT);
    }
}
