package io.github.ghacache.report;

import java.util.List;
import java.util.Locale;

/** The text of the per-module line, the restored-tests line and the closing summary. */
public final class ConsoleFormat {
    public static final String TAG = "[gha-cache] ";
    /** How many differing inputs a module line names before "+N more". */
    static final int REASONS_SHOWN = 3;

    private ConsoleFormat() {}

    /**
     * {@code [gha-cache] HIT          :core     restored 7/7 steps, 12 files, 6.0 KB in 38 ms}; outcome and module
     * in fixed columns so a reactor's lines align.
     */
    public static String moduleLine(ModuleReport r, int nameWidth) {
        StringBuilder sb = new StringBuilder(TAG);
        sb.append(pad(token(r), 13)).append(pad(":" + artifactId(r.module), nameWidth + 2)).append(' ');
        switch (r.outcome()) {
            case HIT:
            case PARTIAL:
                sb.append("restored ").append(r.restoredSteps).append('/').append(r.cacheableSteps)
                        .append(" steps, ").append(r.filesRestored).append(" files, ").append(bytes(r.bytesDown));
                break;
            default:
                sb.append(reasonText(r));
        }
        if (r.saved) {
            sb.append(" | SAVED ").append(bytes(r.bytesUp));
        } else if (r.saving) {
            sb.append(" | SAVING ").append(bytes(r.bytesUp));
        }
        if (r.outcome() != Outcome.OFF) {
            sb.append(" in ").append(r.cacheMs).append(" ms");
        }
        return sb.toString();
    }

    /** The line that tells how many tests a restored module stands on. */
    public static String testsLine(String module, int nameWidth, TestTotals totals) {
        return TAG + pad("", 13) + pad(":" + artifactId(module), nameWidth + 2) + " " + totals.text()
                + " (restored, not rerun)";
    }

    /** Why a module missed: the first differing inputs when known, else the plain reason. */
    public static String reasonText(ModuleReport r) {
        List<String> reasons = r.missReasons;
        if (reasons == null || reasons.isEmpty()) {
            return r.reason == null ? "" : r.reason;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(REASONS_SHOWN, reasons.size()); i++) {
            sb.append(i == 0 ? "" : "; ").append(reasons.get(i));
        }
        if (reasons.size() > REASONS_SHOWN) {
            sb.append(" (+").append(reasons.size() - REASONS_SHOWN).append(" more)");
        }
        return sb.toString();
    }

    public static String summary(BuildReport report) {
        return TAG + totals(report);
    }

    /** One line of totals, shared by the console and the GitHub job summary. */
    static String totals(BuildReport report) {
        List<ModuleReport> modules;
        synchronized (report.modules) {
            modules = List.copyOf(report.modules);
        }
        long hits = modules.stream().filter(m -> m.outcome() == Outcome.HIT).count();
        long partial = modules.stream().filter(m -> m.outcome() == Outcome.PARTIAL).count();
        long misses = modules.stream().filter(m -> m.outcome() == Outcome.MISS).count();
        long saved = modules.stream().filter(m -> m.saved).count();
        long restoredSteps = modules.stream().mapToLong(m -> m.count(StepOutcome.RESTORED)).sum();
        long ranSteps = modules.stream().mapToLong(m -> m.count(StepOutcome.RAN)).sum();
        long savedMs = modules.stream().mapToLong(ModuleReport::savedMs).sum();
        long down = modules.stream().mapToLong(m -> m.bytesDown).sum();
        long up = modules.stream().mapToLong(m -> m.bytesUp).sum();
        return String.format(Locale.ROOT,
                "hits=%d partial=%d misses=%d saved=%d | steps restored=%d run=%d | time saved %s"
                        + " | down %s, up %s | api calls=%d%s | warnings=%d (%s)",
                hits, partial, misses, saved, restoredSteps, ranSteps, seconds(savedMs), bytes(down), bytes(up),
                report.getApiCalls(),
                report.getHttpRequests() == 0 ? "" : ", http requests=" + report.getHttpRequests(),
                report.warnings.size(), report.backend);
    }

    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        }
        if (n < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", n / (1024.0 * 1024 * 1024));
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }

    private static String token(ModuleReport r) {
        return r.outcome() == Outcome.PARTIAL ? "PARTIAL " + r.restoredSteps + "/" + r.cacheableSteps
                : r.outcome().name();
    }

    private static String artifactId(String module) {
        int i = module.indexOf(':');
        return i < 0 ? module : module.substring(i + 1);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
