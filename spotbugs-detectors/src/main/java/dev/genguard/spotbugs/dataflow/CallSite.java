package dev.genguard.spotbugs.dataflow;

import java.util.List;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * A reachable call instruction with what the analysis knows just before it runs: the receiver and arguments,
 * each with the state of its object at that point. Calls in code the analysis finds unreachable are not listed.
 */
public final class CallSite {

    private final MethodInsnNode insn;
    private final int line;
    private final AbstractValue receiver;
    private final List<AbstractValue> arguments;

    CallSite(MethodInsnNode insn, int line, AbstractValue receiver, List<AbstractValue> arguments) {
        this.insn = insn;
        this.line = line;
        this.receiver = receiver;
        this.arguments = List.copyOf(arguments);
    }

    /** The instruction, e.g. to map it to a SpotBugs source line ({@link SpotBugsClassSource#sourceLine}). */
    public MethodInsnNode insn() {
        return insn;
    }

    public int opcode() {
        return insn.getOpcode();
    }

    /** The class named in the instruction, in internal form ({@code javax/crypto/Cipher}). */
    public String owner() {
        return insn.owner;
    }

    public String name() {
        return insn.name;
    }

    public String desc() {
        return insn.desc;
    }

    /** Whether this calls exactly the given method. */
    public boolean is(String owner, String name, String desc) {
        return insn.owner.equals(owner) && insn.name.equals(name) && insn.desc.equals(desc);
    }

    /** The source line from the class's line number table, or -1 when compiled without it. */
    public int line() {
        return line;
    }

    /** The receiver; {@code null} for a static call. For a constructor, the object being initialized. */
    public AbstractValue receiver() {
        return receiver;
    }

    public int argumentCount() {
        return arguments.size();
    }

    /** Argument {@code i}, counted from 0 without the receiver. */
    public AbstractValue argument(int i) {
        return arguments.get(i);
    }

    @Override
    public String toString() {
        return insn.owner + '.' + insn.name + insn.desc + " at line " + line;
    }
}
