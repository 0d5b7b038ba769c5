package io.github.ghacache.report;

/** What the build tells GitHub Actions: a job-summary table and workflow-command annotations. */
public final class GitHubOutput {
    private GitHubOutput() {}

    /** Markdown for {@code $GITHUB_STEP_SUMMARY}: one row per module and a one-line total. */
    public static String stepSummary(BuildReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("### gha-cache (").append(report.mode).append(", ").append(report.backend).append(")\n\n");
        sb.append("| module | outcome | reason | time saved | bytes |\n");
        sb.append("| --- | --- | --- | --- | --- |\n");
        synchronized (report.modules) {
            for (ModuleReport m : report.modules) {
                if (m.outcome() == null) {
                    continue;
                }
                String outcome = m.outcome() == Outcome.PARTIAL
                        ? "PARTIAL " + m.restoredSteps + "/" + m.cacheableSteps
                        : m.outcome().name();
                if (m.saved) {
                    outcome += ", SAVED";
                }
                sb.append("| ").append(cell(m.module.substring(m.module.indexOf(':') + 1)))
                        .append(" | ").append(outcome)
                        .append(" | ").append(cell(ConsoleFormat.reasonText(m)))
                        .append(" | ").append(ConsoleFormat.seconds(m.savedMs()))
                        .append(" | ").append(bytes(m))
                        .append(" |\n");
            }
        }
        sb.append("\n**Total:** ").append(ConsoleFormat.totals(report)).append("\n\n");
        return sb.toString();
    }

    private static String bytes(ModuleReport m) {
        StringBuilder sb = new StringBuilder();
        if (m.bytesDown > 0) {
            sb.append(ConsoleFormat.bytes(m.bytesDown)).append(" down");
        }
        if (m.bytesUp > 0) {
            sb.append(sb.length() > 0 ? ", " : "").append(ConsoleFormat.bytes(m.bytesUp)).append(" up");
        }
        return sb.length() == 0 ? "-" : sb.toString();
    }

    /** A {@code ::warning::} workflow command; the message is escaped as the runner expects. */
    public static String warningAnnotation(String message) {
        return "::warning title=gha-cache::" + escape(message);
    }

    static String escape(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
