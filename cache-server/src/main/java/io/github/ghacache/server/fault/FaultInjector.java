package io.github.ghacache.server.fault;

import io.github.ghacache.server.http.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fault plan, consulted once per request. Rules are checked in the order they were added; the first rule
 * that matches the endpoint and still has a budget is consumed. Deterministic: no probabilities, only counts.
 *
 * <pre>{@code
 * server.faults().next(2, Endpoint.V2_CREATE, Fault.rateLimited("3"));
 * server.faults().always(Endpoint.Family.V1, Fault.legacyShutdown());
 * }</pre>
 */
public final class FaultInjector {
    private final List<Rule> rules = new ArrayList<>();

    private static final class Rule {
        final EndpointSelector selector;
        final Fault fault;
        int remaining; // -1: unlimited

        Rule(EndpointSelector selector, Fault fault, int remaining) {
            this.selector = selector;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    /** Applies {@code fault} to the next {@code times} requests that match. */
    public synchronized FaultInjector next(int times, EndpointSelector selector, Fault fault) {
        if (times <= 0) {
            throw new IllegalArgumentException("times must be positive");
        }
        rules.add(new Rule(selector, fault, times));
        return this;
    }

    public FaultInjector next(int times, Endpoint endpoint, Fault fault) {
        return next(times, EndpointSelector.of(endpoint), fault);
    }

    public FaultInjector next(int times, Endpoint.Family family, Fault fault) {
        return next(times, EndpointSelector.of(family), fault);
    }

    /** Applies {@code fault} to every matching request until {@link #clear()}. */
    public synchronized FaultInjector always(EndpointSelector selector, Fault fault) {
        rules.add(new Rule(selector, fault, -1));
        return this;
    }

    public FaultInjector always(Endpoint endpoint, Fault fault) {
        return always(EndpointSelector.of(endpoint), fault);
    }

    public FaultInjector always(Endpoint.Family family, Fault fault) {
        return always(EndpointSelector.of(family), fault);
    }

    public synchronized FaultInjector add(FaultSpec spec) {
        return spec.times() < 0 ? always(spec.selector(), spec.fault()) : next(spec.times(), spec.selector(), spec.fault());
    }

    /** Consumes and returns the fault for this request, if any. */
    public synchronized Optional<Fault> take(Endpoint endpoint) {
        for (Rule rule : rules) {
            if (rule.remaining != 0 && rule.selector.matches(endpoint)) {
                if (rule.remaining > 0) {
                    rule.remaining--;
                }
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }

    /** Faults not yet used up (unlimited ones count as pending). */
    public synchronized int pending() {
        return (int) rules.stream().filter(r -> r.remaining != 0).count();
    }

    public synchronized void clear() {
        rules.clear();
    }
}
