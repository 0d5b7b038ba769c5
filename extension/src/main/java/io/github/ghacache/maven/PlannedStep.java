package io.github.ghacache.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecution;

/** One mojo execution of the module's plan with its classification. */
record PlannedStep(MojoExecution mojo, String id, StepKind kind) {

    static List<PlannedStep> plan(List<MojoExecution> mojos, StepClassifier classifier) {
        List<PlannedStep> out = new ArrayList<>(mojos.size());
        for (MojoExecution m : mojos) {
            out.add(new PlannedStep(m, StepClassifier.stepId(m), classifier.classify(m)));
        }
        return out;
    }

    static int lastCacheable(List<PlannedStep> plan) {
        for (int i = plan.size() - 1; i >= 0; i--) {
            if (plan.get(i).kind() == StepKind.CACHEABLE) {
                return i;
            }
        }
        return -1;
    }
}
