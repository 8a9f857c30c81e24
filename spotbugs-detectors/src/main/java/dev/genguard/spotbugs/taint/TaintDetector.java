package dev.genguard.spotbugs.taint;

import dev.genguard.spotbugs.dataflow.AnalysisBudget;
import dev.genguard.spotbugs.dataflow.SpotBugsClassSource;
import dev.genguard.spotbugs.dataflow.ValueAnalysisDetector;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.BugReporter;
import edu.umd.cs.findbugs.Priorities;
import edu.umd.cs.findbugs.ba.ClassContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.bcel.classfile.Constant;
import org.apache.bcel.classfile.ConstantUtf8;
import org.apache.bcel.classfile.JavaClass;
import org.apache.bcel.classfile.Method;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Untrusted data that reaches a dangerous call: one detector for every injection-style bug type, since they share
 * one analysis of each method ({@link TaintAnalysis}) and differ only in their rules ({@link TaintRules}, the data
 * files under {@code genguard/taint/}). A method is analysed when it calls a method some sink names, or returns a
 * {@code String} a sink rule covers (a Spring handler's response or view name).
 *
 * <p>Confidence: NORMAL for request data and archive entry names, LOW when the only source is the process
 * environment or command line (trusted by default, untrusted in the strict profile). Test classes are skipped.
 */
public class TaintDetector extends ValueAnalysisDetector {

    private final TaintRules rules = TaintRules.load();
    private final TaintAnalysis analysis = new TaintAnalysis(rules, classes);
    private final Set<String> sinkNames = new HashSet<>();
    private final Set<String> constructedSinks = new HashSet<>();
    /** Descriptors of the annotations rules name ({@code Lorg/springframework/web/bind/annotation/RequestParam;}). */
    private final Set<String> annotations = new HashSet<>();

    public TaintDetector(BugReporter bugReporter) {
        super(bugReporter);
        for (TaintRules.Source source : rules.sources()) {
            if (!source.kind().equals("call")) {
                annotations.add("L" + source.member().owner() + ";");
            }
        }
        for (TaintRules.Sink sink : rules.sinks()) {
            if ("@return".equals(sink.member().name())) {
                annotations.add("L" + sink.member().owner() + ";");
            }
            if ("<init>".equals(sink.member().name())) {
                constructedSinks.add(sink.member().owner());
            } else {
                sinkNames.add(sink.member().name());
            }
        }
    }

    /**
     * A class is parsed when its constant pool names a sink (a method name or a constructed class), an annotation some
     * rule names (handler parameters, a returned response), or a method of another class of the analysed code that
     * may reach a sink (a controller that only calls its service).
     */
    @Override
    protected boolean mayReport(JavaClass javaClass) {
        if (isTestClass(javaClass)) {
            return false;
        }
        org.apache.bcel.classfile.ConstantPool pool = javaClass.getConstantPool();
        String self = javaClass.getClassName().replace('.', '/');
        for (Constant constant : pool.getConstantPool()) {
            if (constant instanceof ConstantUtf8 utf8) {
                String text = utf8.getBytes();
                if (sinkNames.contains(text) || constructedSinks.contains(text) || annotations.contains(text)) {
                    return true;
                }
            } else if (constant instanceof org.apache.bcel.classfile.ConstantMethodref
                    || constant instanceof org.apache.bcel.classfile.ConstantInterfaceMethodref) {
                org.apache.bcel.classfile.ConstantCP ref = (org.apache.bcel.classfile.ConstantCP) constant;
                String owner = ref.getClass(pool).replace('.', '/');
                if (!owner.equals(self) && !owner.startsWith("[") && classes.isApplicationClass(owner)) {
                    org.apache.bcel.classfile.ConstantNameAndType nameAndType = pool.getConstant(
                            ref.getNameAndTypeIndex(), org.apache.bcel.classfile.ConstantNameAndType.class);
                    if (analysis.mayReachSink(owner, nameAndType.getName(pool), nameAndType.getSignature(pool))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * A method is analysed when it may reach a sink (a call the sink rules match, a returned response, or a call into
     * the analysed code that reaches one) and may hold untrusted data (a source call, a parameter a source rule names,
     * a call into the analysed code that produces it, or a field of a class that calls a source). Instruction scans,
     * cached in {@link TaintAnalysis}; on library code almost every method is skipped.
     */
    @Override
    protected boolean mayReport(ClassNode cls, MethodNode method) {
        if (!analysis.holds(cls, method, 0, true)) {
            return false;
        }
        if (analysis.holds(cls, method, 0, false)) {
            return true;
        }
        Type[] arguments = Type.getArgumentTypes(method.desc);
        for (int i = 0; i < arguments.length; i++) {
            if (analysis.calls().parameterSource(cls, method, i, arguments[i]) != 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected long visits() {
        return super.visits() + analysis.visits();
    }

    @Override
    protected void startClass() {
        analysis.limitVisits(AnalysisBudget.MAX_CLASS_VISITS);
        super.startClass();
    }

    @Override
    protected void visitClass(ClassContext classContext, ClassNode cls) {
        for (MethodNode method : cls.methods) {
            if (!mayReport(cls, method)) {
                continue;
            }
            if (classOverBudget(cls)) {
                return;
            }
            List<TaintAnalysis.Finding> findings;
            try {
                findings = analysis.findings(cls, method, reason -> {
                    // The class's budget is said once, below, for the rest of the class.
                    if (!reason.equals(TaintAnalysis.CLASS_BUDGET)) {
                        overBudget("taint", cls, method, reason);
                    }
                });
            } catch (AnalyzerException | RuntimeException e) {
                bugReporter.logError("GenGuard: cannot analyse " + cls.name + "." + method.name + method.desc, e);
                continue;
            }
            if (findings.isEmpty()) {
                continue;
            }
            Method bcelMethod = SpotBugsClassSource.bcelMethod(classContext, method);
            if (bcelMethod == null) {
                continue;
            }
            for (TaintAnalysis.Finding finding : findings) {
                bugAccumulator.accumulateBug(new BugInstance(this, finding.bugType(), priority(finding.labels()))
                        .addClassAndMethod(classContext.getJavaClass(), bcelMethod)
                        .addString(finding.source() == null ? "untrusted input" : finding.source())
                        .addString(finding.sink()),
                        SpotBugsClassSource.sourceLine(classContext, bcelMethod, method, finding.insn()));
            }
        }
        // The last method may have used up the class's budget.
        classOverBudget(cls);
    }

    /** Request data (decoded or raw) and archive entries: NORMAL; only the environment or command line: LOW (strict profile). */
    static int priority(long labels) {
        long untrusted = TaintRules.Label.REQUEST.bit() | TaintRules.Label.RAW.bit() | TaintRules.Label.URI.bit() | TaintRules.Label.PATH.bit()
                | TaintRules.Label.ARCHIVE.bit();
        return (labels & untrusted) != 0 ? Priorities.NORMAL_PRIORITY : Priorities.LOW_PRIORITY;
    }
}
