package dev.genguard.spotbugs.dataflow;

import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * The limits every dataflow analysis of the plugin keeps, so that no method and no class can make an analysis
 * exponential or exhaust the heap: a method whose frames would be too large is not analysed, a fixpoint that needs
 * too many visits per instruction is abandoned, and one detector analyses a bounded amount of bytecode per class.
 * An analysis over its budget reports nothing for that method (never a finding from a partial fixpoint) and the
 * detector logs one line naming the method and the limit.
 */
public final class AnalysisBudget {

    /**
     * Frame slots of one method, {@code instructions × (max locals + max stack)}: the analyses keep a frame per
     * instruction, so this bounds their memory (8 million references, 32 to 64 MB) whatever a generated method holds.
     */
    public static final long MAX_FRAME_SLOTS = 8_000_000;
    /**
     * Fixpoint visits of one method (a visit: one instruction executed, exception edges not counted): this many per
     * instruction on average, plus a constant.
     */
    public static final int MAX_VISITS_PER_INSTRUCTION = 20;
    /**
     * Fixpoint visits one detector spends on one class, helper summaries and call-site arguments included; the value
     * analysis stops at it, the taint analysis checks it before each method (and its fixpoint at each visit).
     */
    public static final long MAX_CLASS_VISITS = 2_000_000;

    private AnalysisBudget() {
    }

    /** The visits a fixpoint over {@code method} may take. */
    public static long visits(MethodNode method) {
        return (long) method.instructions.size() * MAX_VISITS_PER_INSTRUCTION + 1000;
    }

    /** Why {@code method}'s frames are over budget, or null when they are within it. */
    public static String frameSlots(MethodNode method) {
        long slots = (long) method.instructions.size() * (method.maxLocals + method.maxStack);
        return slots <= MAX_FRAME_SLOTS ? null : method.instructions.size() + " instructions × "
                + (method.maxLocals + method.maxStack) + " locals and stack slots, over the limit of " + MAX_FRAME_SLOTS
                + " frame slots";
    }

    /** An analysis stopped at its budget; {@link #getMessage()} says which limit. */
    public static final class Exceeded extends AnalyzerException {
        private static final long serialVersionUID = 1L;
        private final boolean ofClass;

        public Exceeded(String reason, boolean ofClass) {
            super(null, reason);
            this.ofClass = ofClass;
        }

        /** Whether the class's budget ran out, rather than the method's own. */
        public boolean ofClass() {
            return ofClass;
        }
    }
}
