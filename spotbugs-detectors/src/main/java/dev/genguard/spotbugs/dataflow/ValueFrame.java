package dev.genguard.spotbugs.dataflow;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * An ASM frame that also carries the state of every tracked object, by object id. Values in locals and on the
 * stack name an object by id, so all copies of a reference share one state; at a join the states of objects
 * live on both paths are merged ({@link ObjectState#merge}), the rest is dropped (no slot can still name them).
 */
final class ValueFrame extends Frame<AbstractValue> {

    /** Object id to state; a TreeMap so that iteration, and with it everything derived, is deterministic. */
    private TreeMap<Integer, ObjectState> objects;

    ValueFrame(int numLocals, int numStack) {
        super(numLocals, numStack);
        objects = new TreeMap<>();
    }

    ValueFrame(Frame<? extends AbstractValue> frame) {
        super(frame);
    }

    @Override
    public Frame<AbstractValue> init(Frame<? extends AbstractValue> frame) {
        super.init(frame);
        objects = new TreeMap<>(((ValueFrame) frame).objects);
        return this;
    }

    @Override
    public void execute(AbstractInsnNode insn, Interpreter<AbstractValue> interpreter) throws AnalyzerException {
        ((ValueInterpreter) interpreter).enter(this, insn);
        super.execute(insn, interpreter);
    }

    @Override
    public boolean merge(Frame<? extends AbstractValue> frame, Interpreter<AbstractValue> interpreter)
            throws AnalyzerException {
        boolean changed = super.merge(frame, interpreter);
        Map<Integer, ObjectState> incoming = ((ValueFrame) frame).objects;
        for (Iterator<Map.Entry<Integer, ObjectState>> it = objects.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, ObjectState> entry = it.next();
            ObjectState other = incoming.get(entry.getKey());
            if (other == null) {
                it.remove();
                changed = true;
            } else {
                ObjectState merged = entry.getValue().merge(other);
                if (!merged.equals(entry.getValue())) {
                    entry.setValue(merged);
                    changed = true;
                }
            }
        }
        return changed;
    }

    int objectCount() {
        return objects.size();
    }

    /** The state of the value's object, or {@code null} when the value is not a tracked object. */
    ObjectState state(AbstractValue value) {
        return value == null || value.objectId() < 0 ? null : objects.get(value.objectId());
    }

    void define(int object, ObjectState state) {
        objects.put(object, state);
    }

    /** Applies a change to the value's object, if it is tracked. */
    void update(AbstractValue value, UnaryOperator<ObjectState> change) {
        ObjectState state = state(value);
        if (state != null) {
            objects.put(value.objectId(), change.apply(state));
        }
    }

    /** The value as a detector sees it here: with its object's state attached. */
    AbstractValue snapshot(AbstractValue value) {
        ObjectState state = state(value);
        return state == null ? value : value.withState(state);
    }
}
