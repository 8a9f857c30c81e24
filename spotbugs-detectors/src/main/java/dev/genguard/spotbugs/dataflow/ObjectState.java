package dev.genguard.spotbugs.dataflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.objectweb.asm.Type;

/**
 * What the analysis knows about one tracked object at one program point. Immutable; a {@link ValueFrame} maps
 * object ids to states, so that every copy of a reference (locals, stack) sees the same state.
 *
 * <p>The lattice, from what one path knows to what every path knows: facts intersect (a must-analysis),
 * escape and unknown loads are unions (may), builder contents and array elements are kept where equal. Every
 * merge result is below both inputs and the lattice is finite per method, so loops terminate.
 */
final class ObjectState {

    /** Beyond this many facts an object is too busy to follow; it is treated as escaped. */
    static final int MAX_FACTS = 64;

    private static final Type STRING = Type.getType(String.class);
    private static final ObjectState FRESH = new ObjectState(null, List.of(), false, null, null, List.of(), false);

    private final Invocation creation;
    private final List<Invocation> facts;
    private final boolean escaped;
    /** A string builder's contents so far, or {@code null} for other objects. */
    private final AbstractValue content;
    /** An array's elements, or {@code null} when not followed. */
    private final List<AbstractValue> elements;
    /** Properties resources that may have been loaded into the object, sorted. */
    private final List<String> loaded;
    /** Whether the object may hold properties from a source other than those resources. */
    private final boolean unknownLoad;

    private ObjectState(Invocation creation, List<Invocation> facts, boolean escaped, AbstractValue content,
                        List<AbstractValue> elements, List<String> loaded, boolean unknownLoad) {
        this.creation = creation;
        this.facts = facts;
        this.escaped = escaped;
        this.content = content;
        this.elements = elements;
        this.loaded = loaded;
        this.unknownLoad = unknownLoad;
    }

    static ObjectState fresh() {
        return FRESH;
    }

    Invocation creation() {
        return creation;
    }

    List<Invocation> facts() {
        return facts;
    }

    boolean escaped() {
        return escaped;
    }

    AbstractValue content() {
        return content;
    }

    List<AbstractValue> elements() {
        return elements;
    }

    List<String> loaded() {
        return loaded;
    }

    boolean unknownLoad() {
        return unknownLoad;
    }

    ObjectState withCreation(Invocation newCreation) {
        return new ObjectState(newCreation, facts, escaped, content, elements, loaded, unknownLoad);
    }

    ObjectState withFact(Invocation fact) {
        if (facts.size() >= MAX_FACTS) {
            return escape();
        }
        List<Invocation> more = new ArrayList<>(facts.size() + 1);
        more.addAll(facts);
        more.add(fact);
        return new ObjectState(creation, List.copyOf(more), escaped, content, elements, loaded, unknownLoad);
    }

    ObjectState withContent(AbstractValue newContent) {
        return new ObjectState(creation, facts, escaped, newContent, elements, loaded, unknownLoad);
    }

    ObjectState withElements(List<AbstractValue> newElements) {
        return new ObjectState(creation, facts, escaped, content,
                newElements == null ? null : List.copyOf(newElements), loaded, unknownLoad);
    }

    ObjectState withLoaded(String resource) {
        TreeSet<String> more = new TreeSet<>(loaded);
        more.add(resource);
        return new ObjectState(creation, facts, escaped, content, elements, List.copyOf(more), unknownLoad);
    }

    ObjectState withUnknownLoad() {
        return new ObjectState(creation, facts, escaped, content, elements, loaded, true);
    }

    /** The state as the creation of another object records it: without a further creation chain. */
    ObjectState detached() {
        if (creation == null || creation.receiver() == null) {
            return this;
        }
        return withCreation(creation.withoutReceiver());
    }

    /** Code we do not follow may hold or change the object: its contents become unknown. */
    ObjectState escape() {
        if (escaped) {
            return this;
        }
        AbstractValue unknownContent = content == null ? null : AbstractValue.unknown(STRING);
        return new ObjectState(creation, facts, true, unknownContent, null, loaded, true);
    }

    /** What is true of the object whichever of the two paths was taken. */
    ObjectState merge(ObjectState other) {
        if (equals(other)) {
            return this;
        }
        Invocation mergedCreation = creation != null && other.creation != null && creation.sameMethod(other.creation)
                ? creation.merge(other.creation) : null;
        AbstractValue mergedContent = content == null || other.content == null ? null
                : content.equals(other.content) ? content : AbstractValue.unknown(STRING);
        TreeSet<String> mergedLoaded = new TreeSet<>(loaded);
        mergedLoaded.addAll(other.loaded);
        return new ObjectState(mergedCreation, intersect(facts, other.facts), escaped || other.escaped, mergedContent,
                mergeElements(elements, other.elements), List.copyOf(mergedLoaded), unknownLoad || other.unknownLoad);
    }

    /**
     * The facts of {@code a} that {@code b} also has, in {@code a}'s order: identical calls first, then calls of
     * the same method whose arguments differ, kept with those arguments unknown.
     */
    private static List<Invocation> intersect(List<Invocation> a, List<Invocation> b) {
        Invocation[] kept = new Invocation[a.size()];
        boolean[] used = new boolean[b.size()];
        for (int i = 0; i < a.size(); i++) {
            int j = b.indexOf(a.get(i));
            while (j >= 0 && used[j]) {
                j = indexOf(b, a.get(i), j + 1, false);
            }
            if (j >= 0) {
                kept[i] = a.get(i);
                used[j] = true;
            }
        }
        for (int i = 0; i < a.size(); i++) {
            if (kept[i] == null) {
                int j = indexOf(b, a.get(i), 0, true);
                while (j >= 0 && used[j]) {
                    j = indexOf(b, a.get(i), j + 1, true);
                }
                if (j >= 0) {
                    kept[i] = a.get(i).merge(b.get(j));
                    used[j] = true;
                }
            }
        }
        List<Invocation> result = new ArrayList<>();
        for (Invocation fact : kept) {
            if (fact != null) {
                result.add(fact);
            }
        }
        return List.copyOf(result);
    }

    private static int indexOf(List<Invocation> facts, Invocation wanted, int from, boolean sameMethodOnly) {
        for (int j = from; j < facts.size(); j++) {
            if (sameMethodOnly ? facts.get(j).sameMethod(wanted) : facts.get(j).equals(wanted)) {
                return j;
            }
        }
        return -1;
    }

    private static List<AbstractValue> mergeElements(List<AbstractValue> a, List<AbstractValue> b) {
        if (a == null || b == null || a.size() != b.size()) {
            return null;
        }
        List<AbstractValue> merged = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            merged.add(ValueInterpreter.mergeValues(a.get(i), b.get(i)));
        }
        return Collections.unmodifiableList(merged);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ObjectState)) {
            return false;
        }
        ObjectState other = (ObjectState) o;
        return escaped == other.escaped && unknownLoad == other.unknownLoad
                && Objects.equals(creation, other.creation) && facts.equals(other.facts)
                && Objects.equals(content, other.content) && Objects.equals(elements, other.elements)
                && loaded.equals(other.loaded);
    }

    @Override
    public int hashCode() {
        return Objects.hash(creation, facts, escaped);
    }
}
