package dev.genguard.spotbugs.dataflow;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;

/** The result of analysing one method: its reachable call sites, in bytecode order, with their values. */
public final class MethodValues {

    private final ClassNode owner;
    private final MethodNode method;
    private final List<CallSite> calls;

    MethodValues(ClassNode owner, MethodNode method, Frame<AbstractValue>[] frames) {
        this.owner = owner;
        this.method = method;
        List<CallSite> sites = new ArrayList<>();
        int line = -1;
        for (int i = 0; i < method.instructions.size(); i++) {
            AbstractInsnNode insn = method.instructions.get(i);
            if (insn instanceof LineNumberNode) {
                line = ((LineNumberNode) insn).line;
            } else if (insn instanceof MethodInsnNode && frames[i] != null) {
                sites.add(callSite((MethodInsnNode) insn, line, (ValueFrame) frames[i]));
            }
        }
        this.calls = List.copyOf(sites);
    }

    private static CallSite callSite(MethodInsnNode insn, int line, ValueFrame frame) {
        int count = Type.getArgumentTypes(insn.desc).length;
        int first = frame.getStackSize() - count;
        List<AbstractValue> arguments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            arguments.add(frame.snapshot(frame.getStack(first + i)));
        }
        AbstractValue receiver = insn.getOpcode() == Opcodes.INVOKESTATIC ? null : frame.snapshot(frame.getStack(first - 1));
        return new CallSite(insn, line, receiver, arguments);
    }

    /**
     * Whether a method contains a call to the named method of the given class: a cheap test before analysing,
     * for detectors that look at a few APIs only.
     */
    public static boolean mayCall(MethodNode method, String owner, String name) {
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode && ((MethodInsnNode) insn).owner.equals(owner)
                    && ((MethodInsnNode) insn).name.equals(name)) {
                return true;
            }
        }
        return false;
    }

    public ClassNode owner() {
        return owner;
    }

    public MethodNode method() {
        return method;
    }

    /** Every reachable call, in bytecode order. */
    public List<CallSite> calls() {
        return calls;
    }

    /** The reachable calls of the named method of the given class (any descriptor), in bytecode order. */
    public List<CallSite> calls(String owner, String name) {
        List<CallSite> matching = new ArrayList<>();
        for (CallSite call : calls) {
            if (call.owner().equals(owner) && call.name().equals(name)) {
                matching.add(call);
            }
        }
        return matching;
    }
}
