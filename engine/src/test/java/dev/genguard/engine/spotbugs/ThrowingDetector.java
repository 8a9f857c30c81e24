package dev.genguard.engine.spotbugs;

import edu.umd.cs.findbugs.BugReporter;
import edu.umd.cs.findbugs.Detector;
import edu.umd.cs.findbugs.ba.ClassContext;

/**
 * A test-only SpotBugs detector that crashes on {@link Victim}, runs out of heap on {@link Exhausting} and logs a
 * caught problem on {@link Logged}, as a detector with a bug would; packaged into a plugin jar by {@link SpotBugsRunnerErrorsTest}.
 */
public class ThrowingDetector implements Detector {

    private final BugReporter bugReporter;

    public ThrowingDetector(BugReporter bugReporter) {
        this.bugReporter = bugReporter;
    }

    @Override
    public void visitClassContext(ClassContext classContext) {
        String name = classContext.getJavaClass().getClassName();
        if (name.equals(Victim.class.getName())) {
            throw new IllegalStateException("deliberate failure on " + classContext.getJavaClass().getSourceFileName());
        }
        if (name.equals(Exhausting.class.getName())) {
            throw new OutOfMemoryError("deliberate: Java heap space");
        }
        if (name.equals(Logged.class.getName())) {
            bugReporter.logError("GenGuard test: cannot analyse " + name, new ArithmeticException("caught and logged"));
        }
    }

    @Override
    public void report() {
    }

    /** The class the detector crashes on. */
    public static class Victim {
        @Override
        public String toString() {
            return "victim";
        }
    }

    /** The class on which the detector runs out of heap. */
    public static class Exhausting {
    }

    /** The class on which the detector catches its own exception and logs it. */
    public static class Logged {
    }
}
