package dev.genguard.spotbugs.taint;

import java.util.HashMap;
import java.util.List;
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
    static final int MAX_OBJECTS = 64;

    /** Shared with the frame this one was copied from until either writes ({@link #own()}). */
    private Map<Integer, Contents> heap;
    private boolean heapShared;

    TaintFrame(int numLocals, int numStack) {
        super(numLocals, numStack);
        heap = new HashMap<>();
    }

    @Override
    public Frame<Taint> init(Frame<? extends Taint> frame) {
        super.init(frame);
        TaintFrame other = (TaintFrame) frame;
        heap = other.heap;
        heapShared = true;
        other.heapShared = true;
        return this;
    }

    private Map<Integer, Contents> own() {
        if (heapShared) {
            heap = new HashMap<>(heap);
            heapShared = false;
        }
        return heap;
    }

    /** The contents of object {@code object}, or null when not followed. */
    Contents object(int object) {
        return heap.get(object);
    }

    void put(int object, Contents contents) {
        if (heap.get(object) != contents) {
            own().put(object, contents);
        }
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
            put(object, contents);
        }
    }

    /**
     * Variable {@code local} is about to be overwritten: checks and links that name it no longer say anything
     * about what it will hold ({@code boolean ok = ALLOWED.contains(name); name = other; if (ok) ...}).
     */
    void forget(int local) {
        for (int i = 0; i < getLocals() + getStackSize(); i++) {
            boolean isLocal = i < getLocals();
            Taint value = isLocal ? getLocal(i) : getStack(i - getLocals());
            Taint.Guard guard = value.guard();
            Taint kept = value;
            if (guard != null && (guard.local() == local || guard.origin() == local)) {
                kept = kept.withGuard(null);
            }
            if (kept.origin() == local) {
                kept = kept.withOrigin(-1);
            }
            if (kept != value) {
                if (isLocal) {
                    setLocal(i, kept);
                } else {
                    setStack(i - getLocals(), kept);
                }
            }
        }
        List<Integer> linked = new java.util.ArrayList<>();
        heap.forEach((id, contents) -> {
            if (contents.origin() == local) {
                linked.add(id);
            }
        });
        linked.forEach(id -> own().put(id, heap.get(id).withOrigin(-1)));
    }

    /** Object ids of joins start here, above any instruction index. */
    static final int JOIN_BASE = 1 << 24;

    /**
     * Joins {@code incoming} into this frame, the frame of instruction {@code target}; true when this frame changed.
     * A slot that holds a followed object on one path and an untracked value (such as {@code null}) on the other
     * keeps following the object; a slot that holds two different objects follows a join object, owned by this
     * instruction and slot, whose contents are both objects' (so {@code sb = f ? new A() : new B(); sb.append(x)}
     * is still followed).
     */
    boolean mergeFrom(TaintFrame incoming, int target) {
        return mergeFrom(incoming, target, false);
    }

    /** As {@link #mergeFrom(TaintFrame, int)}; {@code handler}: the locals and objects only (a handler's own stack). */
    boolean mergeFrom(TaintFrame incoming, int target, boolean handler) {
        boolean changed = false;
        if (incoming.heap != heap) {
            for (Map.Entry<Integer, Contents> entry : incoming.heap.entrySet()) {
                Contents mine = heap.get(entry.getKey());
                if (mine == entry.getValue()) {
                    continue;
                }
                Contents merged = mine == null ? entry.getValue() : mine.merge(entry.getValue());
                if (!merged.equals(mine)) {
                    if (mine != null || heap.size() < MAX_OBJECTS) {
                        own().put(entry.getKey(), merged);
                        changed = true;
                    }
                }
            }
        }
        int slots = handler ? getLocals() : getLocals() + getStackSize();
        for (int i = 0; i < slots; i++) {
            boolean isLocal = i < getLocals();
            int index = isLocal ? i : i - getLocals();
            Taint mine = isLocal ? getLocal(index) : getStack(index);
            Taint theirs = isLocal ? incoming.getLocal(index) : incoming.getStack(index);
            if (mine == theirs) {
                continue;
            }
            Taint merged;
            if (mine.object() == theirs.object()) {
                merged = mine.merge(theirs);
            } else if (mine.object() < 0 || theirs.object() < 0) {
                merged = mine.merge(theirs).withObject(Math.max(mine.object(), theirs.object()));
            } else {
                int join = JOIN_BASE + target * 1024 + Math.min(i, 1023);
                Contents both = joinContents(contents(mine), incoming.contents(theirs));
                Contents existing = heap.get(join);
                Contents contents = existing == null ? both : both == null ? existing : existing.merge(both);
                if (contents != null && (existing != null || heap.size() < MAX_OBJECTS)) {
                    if (!contents.equals(existing)) {
                        own().put(join, contents);
                        changed = true;
                    }
                    merged = mine.merge(theirs).withObject(join);
                } else {
                    merged = effective(mine).merge(incoming.effective(theirs)).withObject(-1);
                }
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
        return changed;
    }

    private static Contents joinContents(Contents a, Contents b) {
        return a == null ? b : b == null ? a : a.merge(b);
    }
}
