package dev.genguard.spotbugs.taint;

import dev.genguard.spotbugs.dataflow.AnalysisBudget;
import dev.genguard.spotbugs.dataflow.ClassSource;
import dev.genguard.spotbugs.dataflow.ValueAnalysis;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * The taint analysis: a forward data-flow analysis over one method's bytecode at a time, with summaries of the
 * analysed code's methods for calls between them. Entry point: {@link #findings(ClassNode, MethodNode)}.
 *
 * <p>The fixpoint loop is GenGuard's own (ASM's {@code Frame} executes each instruction through
 * {@link TaintInterpreter}); unlike ASM's {@code Analyzer} it decides each branch: a condition that folds to a
 * constant follows one edge only (dead branches, switches on constants, constant ternaries), and on the edge where
 * a validator held ({@code if (ALLOWED.contains(name))}) the checked variable is clean. The cost is bounded:
 * methods over {@link #MAX_INSTRUCTIONS} instructions or {@link AnalysisBudget#MAX_FRAME_SLOTS} frame slots are not
 * analysed, over {@link #MAX_SUMMARISED_INSTRUCTIONS} not summarised, and an analysis that visits more than
 * {@link AnalysisBudget#MAX_VISITS_PER_INSTRUCTION} times each instruction gives up on the method (no findings, never
 * wrong ones).
 *
 * <p>Summaries are context-insensitive: a method of the analysed code is analysed once with each parameter as its
 * own label, which gives which parameters reach its result, whether a source does, and which parameters reach a
 * sink inside it (reported at the caller's call site, where the untrusted value enters). Summaries nest
 * {@link #MAX_DEPTH} calls deep; recursion and deeper calls fall back to the default propagation. One instance per
 * SpotBugs run (its caches are the run's); not thread-safe.
 */
final class TaintAnalysis {

    static final int MAX_INSTRUCTIONS = 20_000;
    /** Larger methods of the analysed code get no summary (the default propagation stands in). */
    static final int MAX_SUMMARISED_INSTRUCTIONS = 2000;
    static final int MAX_DEPTH = 3;

    private final TaintRules rules;
    private final ClassSource classes;
    private final ValueAnalysis values;
    private final Calls calls;
    private final Map<String, Optional<Summary>> summaries = new HashMap<>();
    /** Summaries that met a depth cut-off, by the depth they were computed at. */
    private final Map<String, Summary[]> partialSummaries = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private final Map<String, Boolean> subtypes = new HashMap<>();
    private final Map<String, Map<String, Taint>> fieldTaints = new HashMap<>();
    private final Set<String> computingFields = new HashSet<>();
    private int depth;
    /** How often a summary or field taint was refused for depth; see {@link #summary}. */
    private int cutOffs;
    /** Fixpoint visits so far, summaries included: the detector's per-class budget counts them. */
    private long visits;
    private long visitLimit = Long.MAX_VALUE;

    TaintAnalysis(TaintRules rules, ClassSource classes) {
        this.rules = rules;
        this.classes = classes;
        this.values = ValueAnalysis.of(classes);
        this.calls = new Calls(this, rules);
    }

    Calls calls() {
        return calls;
    }

    /** A finding: untrusted data of {@code labels} reaches the sink of {@code bugType} at {@code insn}. */
    record Finding(String bugType, AbstractInsnNode insn, int line, long labels, String source, String sink) {
    }

    /** The findings of one method, in instruction order, one per bug type and line. */
    List<Finding> findings(ClassNode owner, MethodNode method) throws AnalyzerException {
        return findings(owner, method, reason -> { });
    }

    /**
     * The findings of a method; when the analysis exceeds its budget (instructions, or visits per instruction) it
     * reports nothing for the method and tells {@code overBudget} why, once.
     */
    List<Finding> findings(ClassNode owner, MethodNode method, java.util.function.Consumer<String> overBudget)
            throws AnalyzerException {
        MethodRun run = new MethodRun(owner, method, false);
        run(run);
        if (run.overBudget != null) {
            overBudget.accept(run.overBudget);
        }
        return new ArrayList<>(run.findings.values());
    }

    /** Fixpoint visits so far, summaries and the value analysis of static initializers included. */
    long visits() {
        return visits + values.visits();
    }

    /** The reason a method's analysis gives when the class's budget ran out during it. */
    static final String CLASS_BUDGET = "class budget";

    /** From now on at most {@code budget} more visits until the next call: a class's budget. */
    void limitVisits(long budget) {
        visitLimit = visits() + budget;
    }

    private static final java.util.regex.Pattern ABSOLUTE_WITH_HOST =
            java.util.regex.Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#@\\\\]+[/?#].*", java.util.regex.Pattern.DOTALL);

    /**
     * Whether a URL's constant start fixes where it goes: a path on this host ({@code /posts/}, not the
     * protocol-relative {@code //}), or a scheme and a complete host ({@code https://api.example.com/}). Only the
     * rest of the URL comes from outside then.
     */
    static boolean fixesDestination(String start) {
        if (start.length() >= 2 && start.charAt(0) == '/' && start.charAt(1) != '/' && start.charAt(1) != '\\') {
            return true;
        }
        return ABSOLUTE_WITH_HOST.matcher(start).matches();
    }

    // ---- summaries ----

    /** What a method of the analysed code does with its parameters. */
    /**
     * What a method of the analysed code does with its parameters. {@code cleanOnReturn[p]}: the sink kinds parameter
     * {@code p} (0 is the receiver of an instance method) is proven safe for whenever the method returns normally (a
     * check that throws otherwise); {@code cleanWhenTrue[p]}: the same where a boolean method returns true (an
     * {@code isAllowed(url)} helper). Null when unknown.
     */
    record Summary(long returnLabels, int returnClean, String returnSource, Object returnConstant,
                   List<ParameterSink> sinks, int[] cleanOnReturn, int[] cleanWhenTrue, int[] requiredMarks) {
    }

    /** Parameter {@code parameter} (0 is the receiver of an instance method) reaches a sink inside the method. */
    record ParameterSink(int parameter, TaintRules.Sink sink, String where) {
    }

    /** The summary of the method a call of the analysed code resolves to, or null (library, unknown, too deep). */
    Summary summary(MethodInsnNode call) {
        if (!classes.isApplicationClass(call.owner) || call.name.equals("<clinit>")) {
            return null;
        }
        String key = call.owner + '.' + call.name + call.desc;
        Optional<Summary> known = summaries.get(key);
        if (known != null) {
            return known.orElse(null);
        }
        if (inProgress.contains(key)) {
            // Recursion: the default propagation stands in for the method's own summary (not counted as a cut-off,
            // or no summary of a recursive method would ever be kept and each call would recompute it).
            return null;
        }
        if (depth >= MAX_DEPTH) {
            cutOffs++;
            return null;
        }
        // A summary that met a depth cut-off is valid for any request at its depth or deeper (those see less).
        Summary[] partial = partialSummaries.get(key);
        for (int d = 0; partial != null && d <= depth; d++) {
            if (partial[d] != null) {
                cutOffs++;
                return partial[d];
            }
        }
        inProgress.add(key);
        depth++;
        int cutOffsBefore = cutOffs;
        Summary summary;
        try {
            summary = computeSummary(call);
        } catch (AnalyzerException | RuntimeException e) {
            summary = null;
        } finally {
            depth--;
            inProgress.remove(key);
        }
        // A summary that met a depth cut-off depends on where it was asked for: used, not cached, so that results do
        // not depend on the order classes are analysed in. (Recursion still does: a cycle's summaries depend on
        // which member is asked for first.)
        if (visits() > visitLimit) {
            // Cut short by the class's budget: right for nobody else.
            return summary;
        }
        if (cutOffs == cutOffsBefore) {
            summaries.put(key, Optional.ofNullable(summary));
        } else if (summary != null) {
            partialSummaries.computeIfAbsent(key, k -> new Summary[MAX_DEPTH])[depth] = summary;
        }
        return summary;
    }

    /** More implementations than this of an interface method: no summary (the default propagation). */
    static final int MAX_IMPLEMENTATIONS = 8;

    private Summary computeSummary(MethodInsnNode call) throws AnalyzerException {
        ClassNode[] declaring = new ClassNode[1];
        MethodNode method = call.getOpcode() == Opcodes.INVOKEINTERFACE ? null
                : resolve(call.owner, call.name, call.desc, declaring);
        if (method != null && method.instructions.size() > MAX_SUMMARISED_INSTRUCTIONS) {
            return null;
        }
        if (method != null && (method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0) {
            MethodRun run = new MethodRun(declaring[0], method, true);
            run(run);
            return run.summary();
        }
        // An interface or abstract method: the union of what its implementations in the analysed code do
        // (a Spring service and its one implementation), none when there are none or too many.
        List<Summary> implementations = new ArrayList<>();
        for (String subtype : classes.applicationSubtypes(call.owner)) {
            ClassNode cls = classes.lookupClass(subtype);
            if (cls == null || (cls.access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT)) != 0) {
                continue;
            }
            MethodNode implementation = resolve(subtype, call.name, call.desc, declaring);
            if (implementation == null || (implementation.access & Opcodes.ACC_ABSTRACT) != 0) {
                continue;
            }
            if (implementation.instructions.size() > MAX_SUMMARISED_INSTRUCTIONS) {
                return null;
            }
            if (implementations.size() == MAX_IMPLEMENTATIONS) {
                return null;
            }
            MethodRun run = new MethodRun(declaring[0], implementation, true);
            run(run);
            Summary one = run.summary();
            if (one == null) {
                return null;
            }
            implementations.add(one);
        }
        if (implementations.isEmpty()) {
            return null;
        }
        Summary union = implementations.get(0);
        for (Summary other : implementations.subList(1, implementations.size())) {
            Set<ParameterSink> sinks = new java.util.LinkedHashSet<>(union.sinks());
            sinks.addAll(other.sinks());
            union = new Summary(union.returnLabels() | other.returnLabels(), union.returnClean() & other.returnClean(),
                    union.returnSource() != null ? union.returnSource() : other.returnSource(),
                    java.util.Objects.equals(union.returnConstant(), other.returnConstant()) ? union.returnConstant() : null,
                    List.copyOf(sinks), null, null, null);
        }
        return union;
    }

    private MethodNode resolve(String owner, String name, String desc, ClassNode[] declaring) {
        String current = owner;
        for (int i = 0; i < 16 && current != null && classes.isApplicationClass(current); i++) {
            ClassNode cls = classes.lookupClass(current);
            if (cls == null) {
                return null;
            }
            for (MethodNode m : cls.methods) {
                if (m.name.equals(name) && m.desc.equals(desc)) {
                    declaring[0] = cls;
                    return m;
                }
            }
            current = cls.superName;
        }
        return null;
    }

    /**
     * The untrusted data some method of the class stores in a field of {@code this}, for reads in other methods
     * (a constructor keeps a request parameter that a getter returns). Flow-insensitive; computed once per class.
     */
    Taint fieldTaint(String owner, String field) {
        Map<String, Taint> fields = fieldTaints.get(owner);
        if (fields == null) {
            if (computingFields.contains(owner)) {
                // The class's own methods read its fields while they are being collected: flow-insensitive anyway.
                return null;
            }
            if (depth >= MAX_DEPTH) {
                cutOffs++;
                return null;
            }
            computingFields.add(owner);
            fields = new HashMap<>();
            ClassNode cls = classes.lookupClass(owner);
            depth++;
            try {
                for (MethodNode m : cls == null ? List.<MethodNode>of() : cls.methods) {
                    if ((m.access & Opcodes.ACC_STATIC) != 0 || !storesField(m, owner)) {
                        continue;
                    }
                    MethodRun run = new MethodRun(cls, m, false);
                    run.collectFields = fields;
                    try {
                        run(run);
                    } catch (AnalyzerException | RuntimeException e) {
                        // a method that cannot be analysed contributes nothing
                    }
                }
            } finally {
                depth--;
                computingFields.remove(owner);
            }
            // Kept even when a summary below was cut off: recomputing at every read costs too much, and the field
            // taint is a flow-insensitive approximation anyway.
            if (visits() <= visitLimit) {
                fieldTaints.put(owner, fields);
            }
        }
        return fields.get(field);
    }

    private static boolean storesField(MethodNode m, String owner) {
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() == Opcodes.PUTFIELD && ((FieldInsnNode) insn).owner.equals(owner)) {
                return true;
            }
        }
        return false;
    }

    // ---- which methods are worth analysing ----

    private final Map<String, Boolean> reachesSink = new HashMap<>();
    private final Map<String, Boolean> producesSource = new HashMap<>();
    private final Map<String, Boolean> classHasSource = new HashMap<>();

    /**
     * Whether a method of the analysed code may reach a sink: it (or an implementation of it) calls a sink, returns a
     * response a sink rule covers, or calls such a method, up to {@link #MAX_DEPTH} calls deep. An instruction scan,
     * cached: it spares the parsing and analysis of classes and methods that cannot report.
     */
    boolean mayReachSink(String owner, String name, String desc) {
        return reaches(owner, name, desc, 0, true);
    }

    /** Whether some method of a class of the analysed code calls a source (so its fields may hold untrusted data). */
    boolean classHasSource(String owner) {
        Boolean known = classHasSource.get(owner);
        if (known == null) {
            known = false;
            ClassNode cls = classes.isApplicationClass(owner) ? classes.lookupClass(owner) : null;
            for (MethodNode m : cls == null ? List.<MethodNode>of() : cls.methods) {
                for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null && !known; insn = insn.getNext()) {
                    known = insn instanceof MethodInsnNode c && calls.isSource(c);
                }
            }
            classHasSource.put(owner, known);
        }
        return known;
    }

    private boolean reaches(String owner, String name, String desc, int level, boolean sink) {
        String key = owner + '.' + name + desc;
        Map<String, Boolean> cache = sink ? reachesSink : producesSource;
        Boolean known = cache.get(key);
        if (known != null) {
            return known;
        }
        if (level > MAX_DEPTH) {
            return false;
        }
        cache.put(key, Boolean.FALSE);
        boolean result = false;
        List<String> owners = new ArrayList<>();
        owners.add(owner);
        owners.addAll(classes.applicationSubtypes(owner));
        for (String candidate : owners) {
            ClassNode[] declaring = new ClassNode[1];
            MethodNode m = resolve(candidate, name, desc, declaring);
            if (m == null || result) {
                continue;
            }
            result = holds(declaring[0], m, level, sink);
        }
        cache.put(key, result);
        return result;
    }

    /**
     * Whether method {@code m} itself may reach a sink ({@code sink}) or hold untrusted data: a sink or source call,
     * a response it returns, a field of a class that calls a source, or a call into the analysed code that does
     * (followed {@code level} calls deep so far).
     */
    boolean holds(ClassNode cls, MethodNode m, int level, boolean sink) {
        if (sink && !calls.returnSinks(cls, m).isEmpty()) {
            return true;
        }
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode c) {
                if (sink ? calls.isSink(c) : calls.isSource(c)) {
                    return true;
                }
                if (classes.isApplicationClass(c.owner) && reaches(c.owner, c.name, c.desc, level + 1, sink)) {
                    return true;
                }
            } else if (!sink && insn instanceof FieldInsnNode field && insn.getOpcode() == Opcodes.GETFIELD
                    && classHasSource(field.owner)) {
                return true;
            }
        }
        return false;
    }

    // ---- the class hierarchy ----

    /** Whether {@code type} is {@code ancestor} or a subtype of it on the analysed classpath. */
    boolean isSubtype(String type, String ancestor) {
        if (type.equals(ancestor)) {
            return true;
        }
        String key = type + ' ' + ancestor;
        Boolean known = subtypes.get(key);
        if (known == null) {
            subtypes.put(key, Boolean.FALSE);
            known = computeSubtype(type, ancestor, 0);
            subtypes.put(key, known);
        }
        return known;
    }

    private boolean computeSubtype(String type, String ancestor, int level) {
        if (type.equals(ancestor)) {
            return true;
        }
        if (level > 24 || type.startsWith("[")) {
            return false;
        }
        ClassNode cls = classes.lookupClass(type);
        if (cls == null) {
            return false;
        }
        if (cls.superName != null && computeSubtype(cls.superName, ancestor, level + 1)) {
            return true;
        }
        for (String itf : cls.interfaces) {
            if (computeSubtype(itf, ancestor, level + 1)) {
                return true;
            }
        }
        return false;
    }

    boolean isCollection(String type) {
        return isSubtype(type, "java/util/Collection") || isMap(type);
    }

    boolean isMap(String type) {
        return isSubtype(type, "java/util/Map");
    }

    Object staticFinal(String owner, String name, String desc) {
        var value = values.staticFinal(owner, name, desc);
        return value == null ? null : value.constant();
    }

    // ---- the fixpoint ----

    private void run(MethodRun run) throws AnalyzerException {
        MethodNode m = run.method;
        int n = m.instructions.size();
        if (n == 0 || n > MAX_INSTRUCTIONS || (m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            run.gaveUp = true;
            if (n > MAX_INSTRUCTIONS) {
                run.overBudget = n + " instructions, over the limit of " + MAX_INSTRUCTIONS;
            }
            return;
        }
        String tooLarge = AnalysisBudget.frameSlots(m);
        if (tooLarge != null) {
            run.gaveUp = true;
            run.overBudget = tooLarge;
            return;
        }
        TaintInterpreter in = new TaintInterpreter(this, run);
        TaintFrame[] frames = new TaintFrame[n];
        // Frames live on real instructions only: a jump to a label, line number or frame node lands on the next real
        // instruction (they change nothing), which halves the frames to copy and merge.
        int[] real = new int[n + 1];
        real[n] = n;
        for (int i = n - 1; i >= 0; i--) {
            real[i] = m.instructions.get(i).getOpcode() >= 0 ? i : real[i + 1];
        }
        int first = real[0];
        if (first == n) {
            run.gaveUp = true;
            return;
        }
        frames[first] = entryFrame(run, in);
        List<List<TryCatchBlockNode>> handlers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            handlers.add(List.of());
        }
        for (TryCatchBlockNode tcb : m.tryCatchBlocks) {
            int begin = m.instructions.indexOf(tcb.start);
            int end = m.instructions.indexOf(tcb.end);
            for (int i = begin; i < end; i++) {
                if (handlers.get(i).isEmpty()) {
                    handlers.set(i, new ArrayList<>(2));
                }
                handlers.get(i).add(tcb);
            }
        }
        ArrayDeque<Integer> work = new ArrayDeque<>();
        BitSet queued = new BitSet(n);
        work.add(first);
        queued.set(first);
        long budget = AnalysisBudget.visits(m);
        Merger merger = (label, frame, exception, owned) -> {
            int target = real[label];
            if (target == n) {
                return;
            }
            if (frames[target] == null) {
                TaintFrame copy = owned ? frame : frame.copy();
                if (exception != null) {
                    copy.clearStack();
                    copy.push(exception);
                }
                frames[target] = copy;
            } else if (!frames[target].mergeFrom(frame, target, exception != null)) {
                return;
            }
            if (!queued.get(target)) {
                queued.set(target);
                work.add(target);
            }
        };
        // Sinks are checked at every visit: frames only grow towards the fixpoint and a check only finds more with
        // more taint, so what an early visit finds the final frames would find too.
        while (!work.isEmpty()) {
            visits++;
            if (visits() > visitLimit) {
                run.gaveUp = true;
                run.overBudget = CLASS_BUDGET;
                run.findings.clear();
                return;
            }
            if (--budget < 0) {
                run.gaveUp = true;
                run.overBudget = "more than " + AnalysisBudget.MAX_VISITS_PER_INSTRUCTION + " visits per instruction";
                run.findings.clear();
                return;
            }
            int i = work.poll();
            queued.clear(i);
            step(run, in, m, i, frames[i], handlers.get(i), merger);
        }
    }

    private interface Merger {
        /**
         * Joins {@code frame} into the frame of {@code target}; with an {@code exception}, as a handler's entry;
         * {@code owned}: the caller hands the frame over (no copy needed when the target has none yet).
         */
        void merge(int target, TaintFrame frame, Taint exception, boolean owned);

        default void merge(int target, TaintFrame frame) {
            merge(target, frame, null, false);
        }
    }

    private void step(MethodRun run, TaintInterpreter in, MethodNode m, int i, TaintFrame frame,
                      List<TryCatchBlockNode> handlers, Merger merger) throws AnalyzerException {
        AbstractInsnNode insn = m.instructions.get(i);
        // Only an instruction that can throw reaches a handler (a store cannot; the next call sees what it stored).
        for (TryCatchBlockNode tcb : canThrow(insn.getOpcode()) ? handlers : List.<TryCatchBlockNode>of()) {
            merger.merge(m.instructions.indexOf(tcb.handler), frame,
                    Taint.of(Type.getObjectType(tcb.type == null ? "java/lang/Throwable" : tcb.type)), false);
        }
        run.line = run.lines[i];
        int op = insn.getOpcode();
        if (op < 0) {
            merger.merge(i + 1, frame);
            return;
        }
        if (op == Opcodes.JSR || op == Opcodes.RET) {
            throw new AnalyzerException(insn, "JSR/RET is not supported");
        }
        TaintFrame out = frame.copy();
        in.frame = out;
        in.index = i;
        Boolean outcome = condition(frame, op);
        Taint.Guard guard = op == Opcodes.IFEQ || op == Opcodes.IFNE ? frame.getStack(frame.getStackSize() - 1).guard() : null;
        Taint switchKey = insn instanceof TableSwitchInsnNode || insn instanceof LookupSwitchInsnNode
                ? frame.getStack(frame.getStackSize() - 1) : null;
        if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
            run.exited(frame, op, op == Opcodes.RETURN ? null : frame.getStack(frame.getStackSize() - 1));
        }
        out.execute(insn, in);
        if (insn instanceof JumpInsnNode jump) {
            int target = m.instructions.indexOf(jump.label);
            if (op == Opcodes.GOTO) {
                merger.merge(target, out);
                return;
            }
            if (outcome != Boolean.FALSE) {
                merger.merge(target, refine(run, out, guard, op == Opcodes.IFNE));
            }
            if (outcome != Boolean.TRUE) {
                merger.merge(i + 1, refine(run, out, guard, op == Opcodes.IFEQ));
            }
        } else if (insn instanceof TableSwitchInsnNode table) {
            Integer key = switchKey.constant() instanceof Integer k ? k : null;
            if (key != null) {
                int offset = key - table.min;
                merger.merge(m.instructions.indexOf(offset >= 0 && offset < table.labels.size()
                        ? table.labels.get(offset) : table.dflt), out);
            } else {
                merger.merge(m.instructions.indexOf(table.dflt), out);
                table.labels.forEach(label -> merger.merge(m.instructions.indexOf(label), out));
            }
        } else if (insn instanceof LookupSwitchInsnNode lookup) {
            Integer key = switchKey.constant() instanceof Integer k ? k : null;
            if (key != null) {
                int at = lookup.keys.indexOf(key);
                merger.merge(m.instructions.indexOf(at >= 0 ? lookup.labels.get(at) : lookup.dflt), out);
            } else {
                merger.merge(m.instructions.indexOf(lookup.dflt), out);
                lookup.labels.forEach(label -> merger.merge(m.instructions.indexOf(label), out));
            }
        } else if (!(op >= Opcodes.IRETURN && op <= Opcodes.RETURN) && op != Opcodes.ATHROW) {
            merger.merge(i + 1, out, null, true);
        }
    }

    /**
     * Whether an instruction can throw: calls, field and array accesses, allocation, division, casts, monitors,
     * {@code athrow}. Loads, stores, constants, stack shuffles, arithmetic, comparisons and jumps cannot.
     */
    static boolean canThrow(int op) {
        if (op < 0) {
            return false;
        }
        if (op <= Opcodes.SALOAD) {
            return op >= Opcodes.IALOAD || op == Opcodes.LDC;
        }
        if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
            return false;
        }
        if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) {
            return true;
        }
        if (op >= Opcodes.POP && op <= Opcodes.SWAP) {
            return false;
        }
        if (op == Opcodes.IDIV || op == Opcodes.LDIV || op == Opcodes.IREM || op == Opcodes.LREM) {
            return true;
        }
        if (op >= Opcodes.IADD && op <= Opcodes.DCMPG) {
            return false;
        }
        return !(op >= Opcodes.IFEQ && op <= Opcodes.GOTO);
    }

    /** The outcome of a conditional jump whose operands are constants; null when unknown. */
    private static Boolean condition(TaintFrame frame, int op) {
        if (op >= Opcodes.IFEQ && op <= Opcodes.IFLE) {
            Object v = frame.getStack(frame.getStackSize() - 1).constant();
            if (!(v instanceof Integer x)) {
                return null;
            }
            return switch (op) {
                case Opcodes.IFEQ -> x == 0;
                case Opcodes.IFNE -> x != 0;
                case Opcodes.IFLT -> x < 0;
                case Opcodes.IFGE -> x >= 0;
                case Opcodes.IFGT -> x > 0;
                default -> x <= 0;
            };
        }
        if (op >= Opcodes.IF_ICMPEQ && op <= Opcodes.IF_ICMPLE) {
            Object a = frame.getStack(frame.getStackSize() - 2).constant();
            Object b = frame.getStack(frame.getStackSize() - 1).constant();
            if (!(a instanceof Integer x) || !(b instanceof Integer y)) {
                return null;
            }
            return switch (op) {
                case Opcodes.IF_ICMPEQ -> x.intValue() == y.intValue();
                case Opcodes.IF_ICMPNE -> x.intValue() != y.intValue();
                case Opcodes.IF_ICMPLT -> x < y;
                case Opcodes.IF_ICMPGE -> x >= y;
                case Opcodes.IF_ICMPGT -> x > y;
                default -> x <= y;
            };
        }
        return null;
    }

    /** The frame on the edge where the tested validator returned {@code result}: its checked variable cleaned. */
    private static TaintFrame refine(MethodRun run, TaintFrame out, Taint.Guard guard, boolean result) {
        if (guard == null || guard.whenTrue() != result || guard.local() >= out.getLocals()) {
            return out;
        }
        run.checked(guard);
        TaintFrame refined = out.copy();
        clean(refined, guard.local(), guard.kinds());
        if (guard.origin() >= 0 && guard.origin() < refined.getLocals() && guard.origin() != guard.local()) {
            clean(refined, guard.origin(), guard.kinds());
        }
        return refined;
    }

    /** A variable proven safe: its value, and the contents of the object it holds ({@code new File(base, name)}). */
    static void clean(TaintFrame frame, int local, int kinds) {
        Taint value = frame.getLocal(local);
        frame.setLocal(local, value.cleaned(kinds, 0));
        Contents contents = frame.contents(value);
        if (contents != null) {
            frame.put(value.object(), contents.cleaned(kinds));
            int origin = contents.origin();
            if (origin >= 0 && origin < frame.getLocals() && origin != local) {
                Taint from = frame.getLocal(origin);
                frame.setLocal(origin, from.cleaned(kinds, 0));
            }
        }
    }

    private TaintFrame entryFrame(MethodRun run, TaintInterpreter in) {
        MethodNode m = run.method;
        TaintFrame entry = new TaintFrame(m.maxLocals, m.maxStack);
        in.frame = entry;
        boolean isInstance = (m.access & Opcodes.ACC_STATIC) == 0;
        int local = 0;
        if (isInstance) {
            entry.setLocal(local, in.newParameterValue(true, local, Type.getObjectType(run.owner.name)));
            entry.put(TaintFrame.THIS, Contents.map());
            local++;
        }
        Type[] arguments = Type.getArgumentTypes(m.desc);
        for (Type argument : arguments) {
            entry.setLocal(local, in.newParameterValue(isInstance, local, argument));
            local++;
            if (argument.getSize() == 2) {
                entry.setLocal(local++, Taint.UNINITIALIZED);
            }
        }
        while (local < m.maxLocals) {
            entry.setLocal(local++, Taint.UNINITIALIZED);
        }
        entry.setReturn(in.newReturnTypeValue(Type.getReturnType(m.desc)));
        return entry;
    }

    /** One analysis of one method: as itself (findings) or for a summary (parameters as labels). */
    final class MethodRun {
        final ClassNode owner;
        final MethodNode method;
        final boolean summarising;
        final Map<String, Finding> findings = new LinkedHashMap<>();
        final Set<ParameterSink> parameterSinks = new java.util.LinkedHashSet<>();
        /** The source line of each instruction, from the line number table. */
        final int[] lines;
        Map<String, Taint> collectFields;
        boolean gaveUp;
        /** Why the analysis stopped at its budget, or null. */
        String overBudget;
        int line = -1;
        private Taint returned;
        private int[] cleanOnReturn;
        private int[] cleanWhenTrue;
        private int[] requiredMarks;
        private final int parameterCount;
        private final int[] parameterOfLocal;
        private final List<TaintRules.Sink> returnSinks;
        /** The method declares a response that is not HTML: what it writes cannot script a page. */
        private final boolean nonHtmlResponse;

        MethodRun(ClassNode owner, MethodNode method, boolean summarising) {
            this.owner = owner;
            this.method = method;
            this.summarising = summarising;
            boolean isInstance = (method.access & Opcodes.ACC_STATIC) == 0;
            Type[] arguments = Type.getArgumentTypes(method.desc);
            parameterOfLocal = new int[Math.max(method.maxLocals, arguments.length * 2 + 1)];
            java.util.Arrays.fill(parameterOfLocal, -1);
            int local = 0;
            int parameter = 0;
            if (isInstance) {
                parameterOfLocal[local++] = parameter++;
            }
            for (Type argument : arguments) {
                parameterOfLocal[local] = parameter++;
                local += argument.getSize();
            }
            parameterCount = parameter;
            returnSinks = summarising ? List.of() : calls.returnSinks(owner, method);
            nonHtmlResponse = Calls.declaresNonHtmlResponse(owner, method);
            lines = new int[method.instructions.size()];
            int current = -1;
            int index = 0;
            for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext(), index++) {
                if (insn instanceof LineNumberNode line) {
                    current = line.line;
                }
                lines[index] = current;
            }
        }

        String owner() {
            return owner.name;
        }

        Taint parameter(boolean isInstance, int local, Type type) {
            int parameter = local < parameterOfLocal.length ? parameterOfLocal[local] : -1;
            if (isInstance && local == 0) {
                Taint self = Taint.object(type, TaintFrame.THIS);
                return summarising ? self.plus(1L << Taint.PARAMETER_BASE, 0, null) : self;
            }
            if (parameter < 0) {
                return Taint.of(type);
            }
            if (summarising) {
                // The marks checks need (normalized) are assumed: a check records the ones it used, and callers
                // must supply them. Marks sinks need (response-writer) are not.
                return parameter < Taint.MAX_PARAMETERS && TaintInterpreter.isData(type)
                        ? Taint.tainted(type, 1L << (Taint.PARAMETER_BASE + parameter), null)
                                .cleaned(0, rules.validatorMarks())
                        : Taint.of(type);
            }
            int argument = parameter - (isInstance ? 1 : 0);
            long labels = TaintInterpreter.isData(type) ? calls.parameterSource(owner, method, argument, type) : 0;
            return labels == 0 ? Taint.of(type)
                    : Taint.tainted(type, labels, "parameter " + parameterName(argument) + " of " + method.name);
        }

        private String parameterName(int argument) {
            if (method.localVariables != null) {
                int slot = -1;
                for (int local = 0; local < parameterOfLocal.length; local++) {
                    if (parameterOfLocal[local] == argument + ((method.access & Opcodes.ACC_STATIC) == 0 ? 1 : 0)) {
                        slot = local;
                    }
                }
                for (var variable : method.localVariables) {
                    if (variable.index == slot) {
                        return variable.name;
                    }
                }
            }
            return "#" + (argument + 1);
        }

        void returned(TaintFrame frame, AbstractInsnNode at, Taint value) {
            if (value == null) {
                return;
            }
            Taint effective = frame.effective(value).withLocal(-1).withObject(-1).withGuard(null);
            for (TaintRules.Sink sink : returnSinks) {
                check(sink, effective, at, "the response");
            }
            returned = returned == null ? effective : returned.merge(effective);
        }

        /** A check that held on a branch: when it checked a parameter of a summarised method, the marks it needed. */
        void checked(Taint.Guard guard) {
            if (!summarising || guard.requires() == 0) {
                return;
            }
            for (int local : new int[] {guard.local(), guard.origin()}) {
                int parameter = local >= 0 && local < parameterOfLocal.length ? parameterOfLocal[local] : -1;
                if (parameter >= 0 && parameter < parameterCount) {
                    if (requiredMarks == null) {
                        requiredMarks = new int[parameterCount];
                    }
                    requiredMarks[parameter] |= guard.requires();
                }
            }
        }

        /** A normal exit of a method being summarised: what each parameter is proven safe for here. */
        void exited(TaintFrame frame, int opcode, Taint value) {
            if (!summarising) {
                return;
            }
            int[] clean = new int[parameterCount];
            for (int local = 0; local < parameterOfLocal.length && local < frame.getLocals(); local++) {
                int parameter = parameterOfLocal[local];
                if (parameter >= 0 && parameter < Taint.MAX_PARAMETERS) {
                    Taint v = frame.getLocal(local);
                    clean[parameter] = (v.labels() & (1L << (Taint.PARAMETER_BASE + parameter))) != 0 ? v.cleanFor() : 0;
                }
            }
            cleanOnReturn = and(cleanOnReturn, clean);
            if (opcode == Opcodes.IRETURN && Type.getReturnType(method.desc).getSort() == Type.BOOLEAN && value != null) {
                if (Integer.valueOf(0).equals(value.constant())) {
                    return;
                }
                int[] whenTrue = clean.clone();
                Taint.Guard guard = value.guard();
                if (guard != null && guard.whenTrue()) {
                    for (int local : new int[] {guard.local(), guard.origin()}) {
                        int parameter = local >= 0 && local < parameterOfLocal.length ? parameterOfLocal[local] : -1;
                        if (parameter >= 0 && parameter < whenTrue.length) {
                            whenTrue[parameter] |= guard.kinds();
                        }
                    }
                }
                cleanWhenTrue = and(cleanWhenTrue, whenTrue);
            }
        }

        private int[] and(int[] so, int[] more) {
            if (so == null) {
                return more;
            }
            int[] result = so.clone();
            for (int i = 0; i < result.length; i++) {
                result[i] &= more[i];
            }
            return result;
        }

        void storedField(String name, Taint value) {
            if (collectFields != null && (value.labels() & Taint.SOURCE_MASK) != 0) {
                Taint clean = value.taintOnly(null);
                collectFields.merge(name, clean, Taint::merge);
            }
        }

        /** Checks a value arriving at a sink: a finding for real sources, a parameter sink while summarising. */
        void check(TaintRules.Sink sink, Taint value, AbstractInsnNode at, String sinkName) {
            if (value == null || !value.isTainted()) {
                return;
            }
            if ((value.cleanFor() & rules.kind(sink.bugType())) != 0) {
                return;
            }
            if (sink.prefix() != null && (value.prefix() == null || !value.prefix().startsWith(sink.prefix()))) {
                return;
            }
            if (sink.html() && nonHtmlResponse) {
                return;
            }
            if (sink.destination() && value.prefix() != null && fixesDestination(
                    value.prefix().substring(sink.prefix() == null ? 0 : sink.prefix().length()))) {
                return;
            }
            if (summarising) {
                long parameters = value.labels() >>> Taint.PARAMETER_BASE;
                for (int p = 0; parameters != 0; p++, parameters >>>= 1) {
                    if ((parameters & 1) != 0) {
                        parameterSinks.add(new ParameterSink(p, sink, sinkName.contains(" (through ") ? sinkName
                                : sinkName + " (through " + Calls.simpleName(owner.name) + "." + method.name
                                + (line > 0 ? ", line " + line : "") + ")"));
                    }
                }
                return;
            }
            long labels = value.labels() & sink.labels() & Taint.SOURCE_MASK;
            if (labels == 0) {
                return;
            }
            String key = sink.bugType() + ' ' + line;
            findings.putIfAbsent(key, new Finding(sink.bugType(), at, line, labels, value.source(), sinkName));
        }

        Summary summary() {
            if (gaveUp) {
                return null;
            }
            Taint r = returned == null ? Taint.of(null) : returned;
            return new Summary(r.labels(), r.cleanFor(), r.source(), r.constant(), List.copyOf(parameterSinks),
                    cleanOnReturn, cleanWhenTrue, requiredMarks);
        }
    }
}
