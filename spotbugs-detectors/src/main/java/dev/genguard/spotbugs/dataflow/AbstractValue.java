package dev.genguard.spotbugs.dataflow;

import java.util.List;
import java.util.Objects;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.Value;

/**
 * What the analysis knows about one value at one program point: its static type, its constant (a
 * {@code String}, an {@code Integer} for {@code int}, {@code short}, {@code byte}, {@code char} and
 * {@code boolean}, a {@code Long}, or an ASM {@link Type} for a class literal) with the {@link Origin} of that
 * constant, and, for a tracked object, what happened to it so far: how it was created, which calls were made
 * on it on every path ({@link #facts()}), and whether it escaped.
 *
 * <p>Unknown is always a safe answer: every accessor returns {@code null}, an empty list or {@code false} when
 * the analysis cannot prove the fact, never a guess. Values are immutable.
 */
public final class AbstractValue implements Value {

    static final AbstractValue UNINITIALIZED = new AbstractValue(null, null, null, null, -1, null);

    private final Type type;
    private final Object constant;
    private final Origin origin;
    private final String resource;
    private final int object;
    private final ObjectState state;

    private AbstractValue(Type type, Object constant, Origin origin, String resource, int object, ObjectState state) {
        this.type = type;
        this.constant = constant;
        this.origin = constant == null ? null : origin;
        this.resource = resource;
        this.object = object;
        this.state = state;
    }

    static AbstractValue unknown(Type type) {
        return new AbstractValue(type, null, null, null, -1, null);
    }

    static AbstractValue constant(Type type, Object constant, Origin origin) {
        return new AbstractValue(type, constant, origin, null, -1, null);
    }

    static AbstractValue object(Type type, int object) {
        return new AbstractValue(type, null, null, null, object, null);
    }

    static AbstractValue stream(Type type, String resource) {
        return new AbstractValue(type, null, null, resource, -1, null);
    }

    AbstractValue withType(Type newType) {
        return new AbstractValue(newType, constant, origin, resource, object, state);
    }

    AbstractValue withOrigin(Origin newOrigin) {
        return new AbstractValue(type, constant, newOrigin, resource, object, state);
    }

    /** This value as seen from a detector: with the state of its object at that point. */
    AbstractValue withState(ObjectState newState) {
        return new AbstractValue(type, constant, origin, resource, object, newState);
    }

    /** The value without object identity, as a fact's argument or a summary's result keeps it. */
    AbstractValue detached() {
        return object < 0 && state == null ? this : new AbstractValue(type, constant, origin, resource, -1, null);
    }

    @Override
    public int getSize() {
        return type == null ? 1 : type.getSize();
    }

    /** The static type: the declared type, a constructor's class or a factory's declared return type; may be null for an unused slot. */
    public Type type() {
        return type;
    }

    /** The constant, or {@code null} when the value is not (or not provably) a constant. */
    public Object constant() {
        return constant;
    }

    public boolean isConstant() {
        return constant != null;
    }

    /** The constant if it is a string. */
    public String constantString() {
        return constant instanceof String ? (String) constant : null;
    }

    /** The constant if it is an {@code int} (also {@code short}, {@code byte}, {@code char}, {@code boolean} and their boxes). */
    public Integer constantInt() {
        return constant instanceof Integer ? (Integer) constant : null;
    }

    /** The constant if it is a {@code long} or {@code int}, widened. */
    public Long constantLong() {
        return constant instanceof Long ? (Long) constant
                : constant instanceof Integer ? Long.valueOf((Integer) constant) : null;
    }

    /** How sure the constant is; {@code null} when there is no constant. */
    public Origin origin() {
        return origin;
    }

    /** The classpath resource an {@code InputStream} value reads, as {@code ClassLoader.getResource} names it. */
    String resource() {
        return resource;
    }

    int objectId() {
        return object;
    }

    /**
     * Whether this is an object the analysis follows: allocated or returned by a call in this method (or by a
     * summarised helper). Only tracked objects have {@link #creation()} and {@link #facts()}.
     */
    public boolean isTracked() {
        return state != null;
    }

    /**
     * The constructor or factory call that produced the object, e.g. {@code Cookie.<init>("id", ...)} or
     * {@code DocumentBuilderFactory.newInstance()}; for a result of a call on another tracked object (as
     * {@code factory.newDocumentBuilder()}) its {@link Invocation#receiver()} tells what was done to that object.
     * {@code null} when untracked or when paths disagree.
     */
    public Invocation creation() {
        return state == null ? null : state.creation();
    }

    /**
     * The calls made on the object on every path to this point, in the order of the first path (a
     * must-analysis: a call made on one branch only is not a fact after the branches join). Arguments that differ
     * between paths are unknown. Empty when untracked.
     */
    public List<Invocation> facts() {
        return state == null ? List.of() : state.facts();
    }

    /**
     * Whether a call {@code name(args...)} was made on the object on every path, with arguments equal to the
     * given constants ({@code Boolean} for {@code boolean} parameters); fewer expected arguments than the call has
     * match a prefix. {@code hasFact("setSecure", true)}.
     */
    public boolean hasFact(String name, Object... arguments) {
        for (Invocation fact : facts()) {
            if (fact.matches(name, arguments)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The elements of an array the analysis follows (allocated here with a small constant length, or by an
     * initializer), each with its constant if known, as on every path to this point; {@code null} when the array
     * is not followed or may have been changed out of sight (it {@link #escaped() escaped}).
     */
    public List<AbstractValue> elements() {
        return state == null || state.escaped() ? null : state.elements();
    }

    /**
     * Whether the object may have been changed or kept out of sight on some path: passed to a method the analysis
     * does not follow, stored to a field or array, captured by a lambda, or too busy to follow. Facts about an
     * escaped object are still true, but other calls may have happened too; precise detectors stay silent.
     */
    public boolean escaped() {
        return state != null && state.escaped();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AbstractValue)) {
            return false;
        }
        AbstractValue other = (AbstractValue) o;
        return object == other.object && Objects.equals(type, other.type) && Objects.equals(constant, other.constant)
                && origin == other.origin && Objects.equals(resource, other.resource)
                && Objects.equals(state, other.state);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, constant, object);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(type == null ? "." : type.getDescriptor());
        if (constant instanceof String) {
            out.append(" \"").append(constant).append('"');
        } else if (constant != null) {
            out.append(' ').append(constant);
        }
        if (origin != null && origin != Origin.CODE) {
            out.append(" (").append(origin).append(')');
        }
        if (resource != null) {
            out.append(" <").append(resource).append('>');
        }
        if (object >= 0) {
            out.append(" #").append(object);
        }
        return out.toString();
    }
}
