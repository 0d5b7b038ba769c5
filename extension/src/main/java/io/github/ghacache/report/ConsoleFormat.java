package io.github.ghacache.report;

import java.util.List;
import java.util.Locale;

/** The text of the per-module line and of the closing summary. */
public final class ConsoleFormat {
    public static final String TAG = "[gha-cache] ";

    private ConsoleFormat() {}

    public static String moduleLine(ModuleReport r, int nameWidth) {
        String token = r.outcome() == Outcome.PARTIAL
                ? "PARTIAL " + r.restoredSteps + "/" + r.cacheableSteps
                : r.outcome().name();
        StringBuilder sb = new StringBuilder(TAG);
        sb.append(pad(token, 12)).append(pad(":" + artifactId(r.module), nameWidth + 2));
        switch (r.outcome()) {
            case HIT:
            case PARTIAL:
                sb.append(" restored ").append(r.restoredSteps).append(" step").append(r.restoredSteps == 1 ? "" : "s")
                        .append(", ").append(r.filesRestored).append(" files (").append(bytes(r.bytesDown))
                        .append(")");
                break;
            case MISS:
                sb.append(" (").append(r.reason).append(")");
                break;
            default:
                sb.append(" (").append(r.reason).append(")");
        }
        if (r.saved) {
            sb.append(" SAVED ").append(bytes(r.bytesUp));
        }
        if (r.outcome() != Outcome.OFF) {
            sb.append(" in ").append(r.cacheMs).append(" ms");
            if (r.key != null) {
                sb.append(" key=").append(r.key, 0, Math.min(8, r.key.length()));
            }
        }
        return sb.toString();
    }

    public static String summary(BuildReport report) {
        List<ModuleReport> modules = report.modules;
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
                "%shits=%d partial=%d misses=%d saved=%d | steps restored=%d run=%d | time saved %s | down %s, up %s"
                        + " | warnings=%d (%s)",
                TAG, hits, partial, misses, saved, restoredSteps, ranSteps, seconds(savedMs), bytes(down), bytes(up),
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

    private static String artifactId(String module) {
        int i = module.indexOf(':');
        return i < 0 ? module : module.substring(i + 1);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
