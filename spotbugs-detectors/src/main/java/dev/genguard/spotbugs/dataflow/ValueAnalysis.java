package dev.genguard.spotbugs.dataflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Entry point of the value analysis: {@code ValueAnalysis.of(source).analyze(classNode, methodNode)}.
 *
 * <p>One instance serves one analysis run (a SpotBugs execution, a test) and caches what it learns about
 * other code: {@code static final} fields, helper summaries, properties resources and the arguments private
 * methods are called with. Nothing is static, so repeated runs in one JVM do not see each other's classes. Not
 * thread-safe, like a SpotBugs detector.
 */
public final class ValueAnalysis {

    /** How many method boundaries a value may cross through helper summaries (a helper of a helper). */
    static final int SUMMARY_DEPTH = 2;
    /** Larger methods are no "simple helpers" and are not summarised. */
    static final int MAX_SUMMARISED_INSTRUCTIONS = 2000;
    /** Larger properties resources are not read. */
    static final int MAX_RESOURCE_BYTES = 1 << 20;
    /** How far up the class hierarchy fields and static methods are looked for. */
    private static final int MAX_SUPERCLASSES = 16;

    private final ClassSource source;
    /** By owner.name+desc@budget; an empty Optional is "no summary". */
    private final Map<String, Optional<Summary>> summaries = new HashMap<>();
    /** By class: the constants its static initializer stores in its own static fields. */
    private final Map<String, Map<String, AbstractValue>> staticInitializers = new HashMap<>();
    private final Set<String> initializing = new HashSet<>();
    private final Map<String, Optional<Properties>> resources = new HashMap<>();
    /**
     * By class, then field name and descriptor: the elements {@link #staticFinalArray} found; an empty Optional is
     * "unknown", a missing field "never stored".
     */
    private final Map<String, Map<String, Optional<List<AbstractValue>>>> staticArrays = new HashMap<>();
    /** By class: the merged arguments of every call site of each of its private methods, by name+desc. */
    private final Map<String, Map<String, List<AbstractValue>>> callSiteArguments = new HashMap<>();
    /** Instructions executed by every analysis of this instance, summaries included, and the limit on them. */
    private long visits;
    private long visitLimit = Long.MAX_VALUE;
    private long classBudget;

    private ValueAnalysis(ClassSource source) {
        this.source = source;
    }

    public static ValueAnalysis of(ClassSource source) {
        return new ValueAnalysis(source);
    }

    /**
     * Analyses one method of a class. The parameters of a private method whose every call site lies in its
     * class (or nest) take the values those call sites pass, merged; all other parameters are unknown.
     *
     * @throws AnalyzerException when the bytecode is invalid; detectors log it and skip the method
     */
    public MethodValues analyze(ClassNode owner, MethodNode method) throws AnalyzerException {
        List<AbstractValue> arguments = argumentsFromCallSites(owner, method);
        return new MethodValues(owner, method, run(owner, method, arguments, SUMMARY_DEPTH));
    }

    /**
     * Instructions executed by all analyses of this instance so far, each fixpoint visit one (helper summaries and
     * call-site arguments included).
     */
    public long visits() {
        return visits;
    }

    /**
     * From now on at most {@code budget} more visits, whatever analysis spends them, until the next call: a
     * detector's budget for one class ({@link AnalysisBudget#MAX_CLASS_VISITS}). Past it every analysis stops with
     * {@link AnalysisBudget.Exceeded#ofClass()}, and what is learnt meanwhile (unknown values) is not cached.
     */
    public void limitVisits(long budget) {
        classBudget = budget;
        visitLimit = visits + budget;
    }

    /** Counts one visit; over the class budget, stops the analysis. */
    void countVisit() {
        if (++visits > visitLimit) {
            throw new VisitsExceeded(true);
        }
    }

    private boolean overBudget() {
        return visits > visitLimit;
    }

    private Frame<AbstractValue>[] run(ClassNode owner, MethodNode method, List<AbstractValue> arguments, int budget)
            throws AnalyzerException {
        String tooLarge = AnalysisBudget.frameSlots(method);
        if (tooLarge != null) {
            throw new AnalysisBudget.Exceeded(tooLarge, false);
        }
        ValueInterpreter interpreter = new ValueInterpreter(this, method, arguments, budget, AnalysisBudget.visits(method));
        Analyzer<AbstractValue> analyzer = new Analyzer<>(interpreter) {
            @Override
            protected Frame<AbstractValue> newFrame(int numLocals, int numStack) {
                return new ValueFrame(numLocals, numStack);
            }

            @Override
            protected Frame<AbstractValue> newFrame(Frame<? extends AbstractValue> frame) {
                return new ValueFrame(frame);
            }
        };
        try {
            return analyzer.analyze(owner.name, method);
        } catch (AnalyzerException e) {
            // ASM wraps what the interpreter throws in an AnalyzerException of its own.
            if (e.getCause() instanceof VisitsExceeded exceeded) {
                throw exceeded.ofClass
                        ? new AnalysisBudget.Exceeded("more than " + classBudget + " visits in its class", true)
                        : new AnalysisBudget.Exceeded("more than " + AnalysisBudget.MAX_VISITS_PER_INSTRUCTION
                                + " visits per instruction", false);
            }
            throw e;
        }
    }

    /** Thrown out of ASM's fixpoint when it takes more visits than the method's or the class's budget. */
    static final class VisitsExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean ofClass;

        VisitsExceeded(boolean ofClass) {
            super(null, null, false, false);
            this.ofClass = ofClass;
        }
    }

    // ---- static final fields ----

    /**
     * The constant a {@code static final} String or integral field holds: its {@code ConstantValue}, or what its
     * class's static initializer stores in it. Null when unknown, not final, or not on the classpath.
     */
    public AbstractValue staticFinal(String owner, String name, String desc) {
        Type type = Type.getType(desc);
        if (!Folding.STRING.equals(type) && (type.getSort() < Type.BOOLEAN || type.getSort() > Type.LONG
                || type.getSort() == Type.FLOAT)) {
            return null;
        }
        ClassNode declaring = declaringClass(source.lookupClass(owner), name, desc, 0);
        FieldNode field = declaring == null ? null : field(declaring, name, desc);
        if (field == null || (field.access & (Opcodes.ACC_STATIC | Opcodes.ACC_FINAL))
                != (Opcodes.ACC_STATIC | Opcodes.ACC_FINAL)) {
            return null;
        }
        if (field.value instanceof String || field.value instanceof Integer || field.value instanceof Long) {
            return AbstractValue.constant(type, field.value, Origin.CODE);
        }
        AbstractValue stored = staticInitializer(declaring).get(name + ' ' + desc);
        return stored == null || !stored.isConstant() ? null : stored.withType(type);
    }

    /**
     * The elements of a {@code static final} array field as its class's static initializer fills it
     * ({@code static final String[] PROTOCOLS = {"TLSv1.2", "TLSv1.3"}}): each with its constant and static type,
     * as {@link AbstractValue#elements()} gives them. {@code null} when the field is not static final, not on the
     * classpath, stored more than once with different contents, or built in a way the analysis does not follow.
     * Arrays are mutable: other code may change the elements later, so detectors usually report such values at
     * lower priority. The analysis itself never replaces a field read by this (a field read stays unknown).
     */
    public List<AbstractValue> staticFinalArray(String owner, String name, String desc) {
        if (!desc.startsWith("[")) {
            return null;
        }
        ClassNode declaring = declaringClass(source.lookupClass(owner), name, desc, 0);
        FieldNode field = declaring == null ? null : field(declaring, name, desc);
        if (field == null || (field.access & (Opcodes.ACC_STATIC | Opcodes.ACC_FINAL))
                != (Opcodes.ACC_STATIC | Opcodes.ACC_FINAL)) {
            return null;
        }
        Map<String, Optional<List<AbstractValue>>> arrays = staticArrays.get(declaring.name);
        if (arrays == null) {
            arrays = storedArrays(declaring);
            if (!overBudget()) {
                staticArrays.put(declaring.name, arrays);
            }
        }
        Optional<List<AbstractValue>> known = arrays.get(name + ' ' + desc);
        return known == null ? null : known.orElse(null);
    }

    /**
     * The elements of every array {@code <clinit>} stores into the class's own static fields, by name and descriptor,
     * from one analysis of it; empty where a store is not followed or two stores differ.
     */
    private Map<String, Optional<List<AbstractValue>>> storedArrays(ClassNode cls) {
        Map<String, Optional<List<AbstractValue>>> arrays = new HashMap<>();
        for (MethodNode clinit : cls.methods) {
            if (!"<clinit>".equals(clinit.name)) {
                continue;
            }
            Frame<AbstractValue>[] frames;
            try {
                frames = run(cls, clinit, null, 1);
            } catch (AnalyzerException | RuntimeException e) {
                return Map.of();
            }
            for (int i = 0; i < frames.length; i++) {
                AbstractInsnNode insn = clinit.instructions.get(i);
                if (frames[i] == null || insn.getOpcode() != Opcodes.PUTSTATIC) {
                    continue;
                }
                FieldInsnNode put = (FieldInsnNode) insn;
                if (!put.owner.equals(cls.name) || !put.desc.startsWith("[")) {
                    continue;
                }
                ValueFrame frame = (ValueFrame) frames[i];
                ObjectState state = frame.state(frame.getStack(frame.getStackSize() - 1));
                List<AbstractValue> elements = state == null ? null : state.elements();
                arrays.merge(put.name + ' ' + put.desc, Optional.ofNullable(elements),
                        (before, now) -> before.equals(now) ? before : Optional.empty());
            }
        }
        return arrays;
    }

    /** The class that declares a field, searching superclasses and interfaces as field resolution does. */
    private ClassNode declaringClass(ClassNode cls, String name, String desc, int depth) {
        if (cls == null || depth > MAX_SUPERCLASSES) {
            return null;
        }
        if (field(cls, name, desc) != null) {
            return cls;
        }
        for (String parent : cls.interfaces) {
            ClassNode declaring = declaringClass(source.lookupClass(parent), name, desc, depth + 1);
            if (declaring != null) {
                return declaring;
            }
        }
        return cls.superName == null ? null : declaringClass(source.lookupClass(cls.superName), name, desc, depth + 1);
    }

    private static FieldNode field(ClassNode cls, String name, String desc) {
        for (FieldNode field : cls.fields) {
            if (field.name.equals(name) && field.desc.equals(desc)) {
                return field;
            }
        }
        return null;
    }

    /**
     * What {@code <clinit>} stores into the class's own static fields, merged over every store. A class whose
     * initializer is being analysed (a cycle of initializers) answers nothing.
     */
    private Map<String, AbstractValue> staticInitializer(ClassNode cls) {
        Map<String, AbstractValue> known = staticInitializers.get(cls.name);
        if (known != null) {
            return known;
        }
        if (!initializing.add(cls.name)) {
            return Map.of();
        }
        Map<String, AbstractValue> stored = new TreeMap<>();
        try {
            for (MethodNode method : cls.methods) {
                if ("<clinit>".equals(method.name)) {
                    collectStaticStores(cls, method, stored);
                }
            }
        } finally {
            initializing.remove(cls.name);
        }
        if (!overBudget()) {
            staticInitializers.put(cls.name, stored);
        }
        return stored;
    }

    private void collectStaticStores(ClassNode cls, MethodNode clinit, Map<String, AbstractValue> stored) {
        Frame<AbstractValue>[] frames;
        try {
            frames = run(cls, clinit, null, 1);
        } catch (AnalyzerException | RuntimeException e) {
            // Bytecode we cannot follow proves nothing about the fields.
            return;
        }
        for (int i = 0; i < frames.length; i++) {
            AbstractInsnNode insn = clinit.instructions.get(i);
            if (frames[i] != null && insn.getOpcode() == Opcodes.PUTSTATIC && ((FieldInsnNode) insn).owner.equals(cls.name)) {
                FieldInsnNode put = (FieldInsnNode) insn;
                AbstractValue value = frames[i].getStack(frames[i].getStackSize() - 1).detached();
                stored.merge(put.name + ' ' + put.desc, value, ValueInterpreter::mergeValues);
            }
        }
    }

    // ---- helper summaries ----

    /**
     * The summary of the method a call reaches, when that method is a helper of the analysed code whose target
     * is known without the receiver's run-time class: static, private, final, or in a final class. Analysed
     * once per depth, with unknown parameters, and at most {@link #MAX_SUMMARISED_INSTRUCTIONS} long.
     */
    Summary summary(MethodInsnNode call, int budget) {
        if ("<init>".equals(call.name) || !source.isApplicationClass(call.owner)) {
            return null;
        }
        String key = call.owner + '.' + call.name + call.desc + '@' + budget;
        Optional<Summary> known = summaries.get(key);
        if (known == null) {
            known = Optional.ofNullable(computeSummary(call, budget));
            if (!overBudget()) {
                summaries.put(key, known);
            }
        }
        return known.orElse(null);
    }

    private Summary computeSummary(MethodInsnNode call, int budget) {
        ClassNode cls = source.lookupClass(call.owner);
        for (int depth = 0; cls != null && depth < MAX_SUPERCLASSES; depth++) {
            MethodNode target = method(cls, call.name, call.desc);
            if (target != null) {
                return fixedTarget(call, cls, target) ? summarise(cls, target, budget) : null;
            }
            // Only static methods are looked up in superclasses; an inherited instance method may be overridden.
            cls = call.getOpcode() == Opcodes.INVOKESTATIC && cls.superName != null
                    && source.isApplicationClass(cls.superName) ? source.lookupClass(cls.superName) : null;
        }
        return null;
    }

    private static boolean fixedTarget(MethodInsnNode call, ClassNode cls, MethodNode target) {
        if ((target.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return false;
        }
        return call.getOpcode() == Opcodes.INVOKESTATIC || call.getOpcode() == Opcodes.INVOKESPECIAL
                || (target.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL)) != 0
                || (cls.access & Opcodes.ACC_FINAL) != 0;
    }

    private static MethodNode method(ClassNode cls, String name, String desc) {
        for (MethodNode method : cls.methods) {
            if (method.name.equals(name) && method.desc.equals(desc)) {
                return method;
            }
        }
        return null;
    }

    private Summary summarise(ClassNode cls, MethodNode target, int budget) {
        if (target.instructions.size() > MAX_SUMMARISED_INSTRUCTIONS) {
            return null;
        }
        Frame<AbstractValue>[] frames;
        try {
            frames = run(cls, target, null, budget);
        } catch (AnalyzerException | RuntimeException e) {
            return null;
        }
        AbstractValue value = null;
        ObjectState state = null;
        boolean allTracked = true;
        for (int i = 0; i < frames.length; i++) {
            int opcode = target.instructions.get(i).getOpcode();
            if (frames[i] == null || opcode < Opcodes.IRETURN || opcode > Opcodes.ARETURN) {
                continue;
            }
            ValueFrame frame = (ValueFrame) frames[i];
            AbstractValue returned = frame.getStack(frame.getStackSize() - 1);
            ObjectState returnedState = frame.state(returned);
            value = value == null ? returned.detached() : ValueInterpreter.mergeValues(value, returned.detached());
            allTracked &= returnedState != null;
            state = !allTracked ? null : state == null ? returnedState : state.merge(returnedState);
        }
        return value == null ? null : new Summary(value, state);
    }

    // ---- parameters from call sites ----

    private List<AbstractValue> argumentsFromCallSites(ClassNode owner, MethodNode method) {
        if ((method.access & Opcodes.ACC_PRIVATE) == 0 || Type.getArgumentTypes(method.desc).length == 0) {
            return null;
        }
        Map<String, List<AbstractValue>> byMethod = callSiteArguments.get(owner.name);
        if (byMethod == null) {
            byMethod = collectCallSiteArguments(owner);
            if (!overBudget()) {
                callSiteArguments.put(owner.name, byMethod);
            }
        }
        return byMethod.get(method.name + method.desc);
    }

    /**
     * Merges the arguments of every reachable call to each private method of the class. Only the class and its
     * nestmates can call a private method; one whose handle is taken (a method reference, a lambda body) may be
     * called from anywhere, so it gets none, and so does the whole class if a nestmate cannot be read.
     */
    private Map<String, List<AbstractValue>> collectCallSiteArguments(ClassNode owner) {
        List<ClassNode> nest = nest(owner);
        if (nest == null) {
            return Map.of();
        }
        Map<String, List<AbstractValue>> merged = new TreeMap<>();
        Set<String> excluded = new HashSet<>();
        for (ClassNode cls : nest) {
            for (MethodNode method : cls.methods) {
                collectCallSites(owner, cls, method, merged, excluded);
            }
        }
        merged.keySet().removeAll(excluded);
        return merged;
    }

    private void collectCallSites(ClassNode owner, ClassNode cls, MethodNode method,
                                  Map<String, List<AbstractValue>> merged, Set<String> excluded) {
        List<Integer> sites = new ArrayList<>();
        for (int i = 0; i < method.instructions.size(); i++) {
            AbstractInsnNode insn = method.instructions.get(i);
            for (Handle handle : handles(insn)) {
                if (handle.getOwner().equals(owner.name)) {
                    excluded.add(handle.getName() + handle.getDesc());
                }
            }
            if (insn instanceof MethodInsnNode && ((MethodInsnNode) insn).owner.equals(owner.name)) {
                MethodNode target = method(owner, ((MethodInsnNode) insn).name, ((MethodInsnNode) insn).desc);
                if (target != null && (target.access & Opcodes.ACC_PRIVATE) != 0) {
                    sites.add(i);
                }
            }
        }
        if (sites.isEmpty()) {
            return;
        }
        Frame<AbstractValue>[] frames;
        try {
            frames = run(cls, method, null, SUMMARY_DEPTH);
        } catch (AnalyzerException | RuntimeException e) {
            frames = null;
        }
        for (int site : sites) {
            MethodInsnNode call = (MethodInsnNode) method.instructions.get(site);
            String key = call.name + call.desc;
            if (frames == null) {
                excluded.add(key);
            } else if (frames[site] != null) {
                merged.merge(key, arguments(call, frames[site]), ValueAnalysis::mergeArguments);
            }
        }
    }

    private static List<AbstractValue> arguments(MethodInsnNode call, Frame<AbstractValue> frame) {
        int count = Type.getArgumentTypes(call.desc).length;
        List<AbstractValue> arguments = new ArrayList<>(count);
        for (int i = frame.getStackSize() - count; i < frame.getStackSize(); i++) {
            arguments.add(frame.getStack(i).detached());
        }
        return List.copyOf(arguments);
    }

    private static List<AbstractValue> mergeArguments(List<AbstractValue> a, List<AbstractValue> b) {
        List<AbstractValue> merged = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            merged.add(ValueInterpreter.mergeValues(a.get(i), b.get(i)));
        }
        return List.copyOf(merged);
    }

    private static List<Handle> handles(AbstractInsnNode insn) {
        List<Handle> handles = new ArrayList<>();
        if (insn instanceof LdcInsnNode && ((LdcInsnNode) insn).cst instanceof Handle) {
            handles.add((Handle) ((LdcInsnNode) insn).cst);
        } else if (insn instanceof InvokeDynamicInsnNode) {
            InvokeDynamicInsnNode indy = (InvokeDynamicInsnNode) insn;
            handles.add(indy.bsm);
            for (Object argument : indy.bsmArgs) {
                if (argument instanceof Handle) {
                    handles.add((Handle) argument);
                }
            }
        }
        return handles;
    }

    /** The class and every nestmate (Java 11+ inner classes call private methods directly), or null if one is missing. */
    private List<ClassNode> nest(ClassNode owner) {
        ClassNode host = owner.nestHostClass == null ? owner : source.lookupClass(owner.nestHostClass);
        if (host == null) {
            return null;
        }
        List<ClassNode> nest = new ArrayList<>();
        nest.add(host);
        if (host.nestMembers != null) {
            for (String member : host.nestMembers) {
                ClassNode cls = member.equals(owner.name) ? owner : source.lookupClass(member);
                if (cls == null) {
                    return null;
                }
                nest.add(cls);
            }
        }
        return nest;
    }

    // ---- properties resources ----

    /** The properties in a resource of the classpath, or null when it is missing, too large or malformed. */
    Properties properties(String resource) {
        Optional<Properties> known = resources.get(resource);
        if (known == null) {
            known = Optional.ofNullable(readProperties(resource));
            resources.put(resource, known);
        }
        return known.orElse(null);
    }

    private Properties readProperties(String resource) {
        try (InputStream in = source.openResource(resource)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readNBytes(MAX_RESOURCE_BYTES + 1);
            if (bytes.length > MAX_RESOURCE_BYTES) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(new ByteArrayInputStream(bytes));
            return properties;
        } catch (IOException | IllegalArgumentException e) {
            // Unreadable or malformed (a bad \\u escape): as if missing, so getProperty defaults apply.
            return null;
        }
    }
}
