package io.github.ghacache.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Everything one build did with the cache; written as report.json and summed up on the console. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class BuildReport {
    /** Shared, so the serializers that {@link #warmUp()} built are there when the real report is written. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public int formatVersion = 1;
    public String mode;
    public String backend;
    public boolean restoreEnabled;
    public boolean saveEnabled;
    public final List<ModuleReport> modules = Collections.synchronizedList(new ArrayList<>());
    public final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    private final transient Map<String, ModuleReport> byModule = new ConcurrentHashMap<>();
    private final transient AtomicInteger apiCalls = new AtomicInteger();
    private final transient AtomicInteger httpRequests = new AtomicInteger();

    public ModuleReport module(String id) {
        return byModule.computeIfAbsent(id, k -> {
            ModuleReport r = new ModuleReport(k);
            modules.add(r);
            return r;
        });
    }

    public void warning(String message) {
        warnings.add(message);
    }

    public void countCall() {
        apiCalls.incrementAndGet();
    }

    /** Store operations: one per lookup, one per save. */
    public int getApiCalls() {
        return apiCalls.get();
    }

    /** Every HTTP request of a remote store (control plane and blob transfers, retries included). */
    public void countHttpRequest() {
        httpRequests.incrementAndGet();
    }

    public int getHttpRequests() {
        return httpRequests.get();
    }

    /** Orders modules as the reactor built them. */
    public void sortBy(List<String> reactorOrder) {
        synchronized (modules) {
            modules.sort((a, b) -> Integer.compare(index(reactorOrder, a.module), index(reactorOrder, b.module)));
        }
    }

    private static int index(List<String> order, String id) {
        int i = order.indexOf(id);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Builds the serializers of a report with every kind of part in it (a background thread calls this at
     * the start of the build): Jackson's first look at these classes costs about a tenth of a second,
     * which would otherwise fall between the last module and the end of the build.
     */
    public static void warmUp() throws IOException {
        BuildReport r = new BuildReport();
        ModuleReport m = r.module("g:a");
        m.missReasons = List.of("warm-up");
        m.restoredTests = new TestTotals(1, 0, 0, 0);
        m.steps.add(new ModuleReport.Step("s", StepOutcome.RAN, 1, 1L));
        m.warnings.add("warm-up");
        r.warning("warm-up");
        JSON.writeValue(java.io.OutputStream.nullOutputStream(), r);
    }
}
