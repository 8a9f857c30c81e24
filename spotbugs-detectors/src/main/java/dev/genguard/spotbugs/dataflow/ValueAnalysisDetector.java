package dev.genguard.spotbugs.dataflow;

import edu.umd.cs.findbugs.BugAccumulator;
import edu.umd.cs.findbugs.BugReporter;
import edu.umd.cs.findbugs.Detector;
import edu.umd.cs.findbugs.Priorities;
import edu.umd.cs.findbugs.ba.ClassContext;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.bcel.classfile.JavaClass;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * The skeleton of a detector built on the {@link ValueAnalysis}: a cheap constant-pool test decides whether a
 * class is worth parsing ({@link #mayReport(JavaClass)}), the class is read as an ASM tree once, each method that
 * may report ({@link #mayReport(ClassNode, MethodNode)}) is analysed and visited, and the findings of the class are reported
 * together through a {@link BugAccumulator}. One instance per SpotBugs run, so the analysis caches never outlive it.
 */
public abstract class ValueAnalysisDetector implements Detector {

    protected final BugReporter bugReporter;
    protected final BugAccumulator bugAccumulator;
    protected final SpotBugsClassSource classes = new SpotBugsClassSource();
    protected final ValueAnalysis values = ValueAnalysis.of(classes);
    /** {@link #visits()} when the current class began, and whether the class ran out of its budget. */
    private long classStart;
    private boolean classOverBudget;

    protected ValueAnalysisDetector(BugReporter bugReporter) {
        this.bugReporter = bugReporter;
        this.bugAccumulator = new BugAccumulator(bugReporter);
    }

    /** Whether the class can hold a finding at all, typically {@link ClassReferences#referencesAny}. */
    protected abstract boolean mayReport(JavaClass javaClass);

    /** Whether a method of a class worth parsing can hold a finding: a scan of its instructions, no analysis. */
    protected boolean mayReport(ClassNode cls, MethodNode method) {
        return true;
    }

    /** Visits one method with its values; {@code methodValues} is never null. */
    protected void visitMethod(ClassContext classContext, ClassNode cls, MethodNode method, MethodValues methodValues) {
    }

    /** Analyses the class; the default visits every method that {@link #mayReport(ClassNode, MethodNode) may report}. */
    protected void visitClass(ClassContext classContext, ClassNode cls) {
        for (MethodNode method : cls.methods) {
            if (mayReport(cls, method)) {
                MethodValues methodValues = analyze(cls, method);
                if (methodValues != null) {
                    visitMethod(classContext, cls, method, methodValues);
                }
            }
        }
    }

    @Override
    public final void visitClassContext(ClassContext classContext) {
        if (!mayReport(classContext.getJavaClass())) {
            return;
        }
        ClassNode cls = classes.classNode(classContext);
        if (cls == null) {
            return;
        }
        startClass();
        visitClass(classContext, cls);
        bugAccumulator.reportAccumulatedBugs();
    }

    @Override
    public void report() {
        // Findings are reported per class.
    }

    /**
     * The values of a method, or null when its bytecode cannot be analysed (logged as an analysis error) or the
     * analysis is over its {@link AnalysisBudget budget} (one line for the method, or one for the rest of its class).
     */
    protected MethodValues analyze(ClassNode cls, MethodNode method) {
        if (classOverBudget(cls)) {
            return null;
        }
        try {
            return values.analyze(cls, method);
        } catch (AnalysisBudget.Exceeded e) {
            if (!e.ofClass() || !classOverBudget(cls)) {
                overBudget("value", cls, method, e.getMessage());
            }
            return null;
        } catch (AnalyzerException | RuntimeException e) {
            bugReporter.logError("GenGuard: cannot analyse " + cls.name + "." + method.name + method.desc, e);
            return null;
        }
    }

    /** The fixpoint visits of this detector's analyses so far, which its per-class budget counts. */
    protected long visits() {
        return values.visits();
    }

    /** Starts the budget of a class: {@link AnalysisBudget#MAX_CLASS_VISITS} from now on. */
    protected void startClass() {
        values.limitVisits(AnalysisBudget.MAX_CLASS_VISITS);
        classStart = visits();
        classOverBudget = false;
    }

    /**
     * Whether the current class has used up its {@link AnalysisBudget#MAX_CLASS_VISITS budget}; says so once per
     * class. Detectors that analyse methods without {@link #analyze} ask before and after each method.
     */
    protected boolean classOverBudget(ClassNode cls) {
        if (!classOverBudget && visits() - classStart > AnalysisBudget.MAX_CLASS_VISITS) {
            classOverBudget = true;
            bugReporter.logError("GenGuard: " + getClass().getSimpleName() + ": analysis of class "
                    + cls.name.replace('/', '.') + " stopped at its budget (more than " + AnalysisBudget.MAX_CLASS_VISITS
                    + " visits); no findings for its remaining methods");
        }
        return classOverBudget;
    }

    /** Logs the one line of a method whose analysis stopped at its budget. */
    protected void overBudget(String analysis, ClassNode cls, MethodNode method, String reason) {
        bugReporter.logError("GenGuard: " + getClass().getSimpleName() + ": " + analysis + " analysis of "
                + cls.name.replace('/', '.') + "." + method.name
                + " stopped at its budget (" + reason + "); no findings for this method");
    }

    /** Whether the method holds a call the predicate accepts. */
    protected static boolean anyCall(MethodNode method, Predicate<MethodInsnNode> call) {
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode && call.test((MethodInsnNode) insn)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A value from configuration ({@link Origin#RESOURCE}, {@link Origin#DEFAULT}) is one level less certain than
     * one the bytecode proves.
     */
    protected static int lowered(int priority, Origin origin) {
        return origin == null || origin == Origin.CODE ? priority : Math.min(priority + 1, Priorities.LOW_PRIORITY);
    }

    /**
     * Whether a class was compiled from test code, by its source file name (or its class name when the class file
     * names no source), as PMD's rules decide it: {@code *Test}, {@code *Tests}, {@code *IT}, {@code *TestCase}.
     * Test code trusts local servers and deserializes fixtures; it does not ship.
     */
    public static boolean isTestClass(JavaClass javaClass) {
        String file = javaClass.getSourceFileName();
        if (file != null && file.toLowerCase(Locale.ROOT).endsWith(".java")) {
            return isTestName(file.substring(0, file.length() - ".java".length()));
        }
        return isTestClass(javaClass.getClassName());
    }

    /** Whether a class's top-level class is named as a test ({@code com.example.ClientIT$1}). */
    public static boolean isTestClass(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        return isTestName(nested < 0 ? simple : simple.substring(0, nested));
    }

    private static boolean isTestName(String name) {
        return name.endsWith("Test") || name.endsWith("Tests") || name.endsWith("IT") || name.endsWith("TestCase");
    }
}
