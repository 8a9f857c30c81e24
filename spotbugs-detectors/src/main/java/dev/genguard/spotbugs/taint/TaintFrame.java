package dev.genguard.spotbugs.taint;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * A frame of the taint analysis: ASM's locals and operand stack of {@link Taint} values, plus the contents of the
 * objects the method follows ({@link Contents} by allocation site; {@link #THIS} for the fields of {@code this}).
 */
final class TaintFrame extends Frame<Taint> {

    /** The object id of {@code this}, whose contents are its fields by name. */
    static final int THIS = Integer.MAX_VALUE;
    /** More objects than this in one frame are not followed (their values keep only their own taint). */
    static final int MAX_OBJECTS = 256;

    Map<Integer, Contents> heap;

    TaintFrame(int numLocals, int numStack) {
        super(numLocals, numStack);
        heap = new HashMap<>();
    }

    @Override
    public Frame<Taint> init(Frame<? extends Taint> frame) {
        super.init(frame);
        heap = new HashMap<>(((TaintFrame) frame).heap);
        return this;
    }

    TaintFrame copy() {
        TaintFrame copy = new TaintFrame(getLocals(), getMaxStackSize());
        copy.init(this);
        return copy;
    }

    Contents contents(Taint value) {
        return value == null || value.object() < 0 ? null : heap.get(value.object());
    }

    /** A value's taint together with everything stored in its object. */
    Taint effective(Taint value) {
        Contents contents = contents(value);
        Taint all = contents == null ? null : contents.all();
        return all == null ? value : value.plus(all);
    }

    void track(int object, Contents contents) {
        if (heap.containsKey(object) || heap.size() < MAX_OBJECTS) {
            heap.put(object, contents);
        }
    }

    /**
     * Joins {@code incoming} into this frame; true when this frame changed. A slot whose two values are different
     * objects keeps the taint of both objects' contents and follows neither.
     */
    boolean mergeFrom(TaintFrame incoming) {
        boolean changed = false;
        for (int i = 0; i < getLocals() + getStackSize(); i++) {
            boolean isLocal = i < getLocals();
            int index = isLocal ? i : i - getLocals();
            Taint mine = isLocal ? getLocal(index) : getStack(index);
            Taint theirs = isLocal ? incoming.getLocal(index) : incoming.getStack(index);
            Taint merged;
            if (mine.object() != theirs.object()) {
                merged = effective(mine).merge(incoming.effective(theirs)).withObject(-1);
            } else {
                merged = mine.merge(theirs);
            }
            if (!merged.equals(mine)) {
                if (isLocal) {
                    setLocal(index, merged);
                } else {
                    setStack(index, merged);
                }
                changed = true;
            }
        }
        for (Map.Entry<Integer, Contents> entry : incoming.heap.entrySet()) {
            Contents mine = heap.get(entry.getKey());
            Contents merged = mine == null ? entry.getValue() : mine.merge(entry.getValue());
            if (!merged.equals(mine)) {
                if (mine != null || heap.size() < MAX_OBJECTS) {
                    heap.put(entry.getKey(), merged);
                    changed = true;
                }
            }
        }
        return changed;
    }
}
