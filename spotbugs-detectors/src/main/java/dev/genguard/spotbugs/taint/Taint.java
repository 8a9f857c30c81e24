package dev.genguard.spotbugs.taint;

import java.util.Objects;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.Value;

/**
 * What the taint analysis knows about one value at one program point. Immutable.
 *
 * <ul>
 *   <li>{@link #labels()}: where untrusted data in it may come from. The low bits are the source labels of
 *       {@link TaintRules} (request, environment, archive entry, ...); bit {@code PARAMETER_BASE + i} means "the
 *       method's i-th argument slot", used while a method summary is computed.</li>
 *   <li>{@link #cleanFor()}: the sink kinds (bit per {@link TaintRules#kindIndex kind}) the value is sanitized or
 *       validated for. Meaningful only when tainted.</li>
 *   <li>{@link #marks()}: properties a sanitizer gave it, which a validator may require ({@code normalized}).</li>
 *   <li>{@link #constant()}: a {@code String}, {@code Integer} or {@code Long}, when provable; it prunes branches
 *       and switches, and picks collection entries by constant key.</li>
 *   <li>{@link #object()}: the allocation site of an object the frame follows (a builder, collection, array or
 *       any {@code new} object); its contents' taint lives in the frame's heap.</li>
 *   <li>{@link #local()}: the local variable the value was just loaded from, so that a validator's branch can
 *       clean that variable; {@link #guard()}: for the boolean result of a validator call, what it checked.</li>
 * </ul>
 */
final class Taint implements Value {

    /** Bit of the first method parameter in {@link #labels()}; source labels use the bits below. */
    static final int PARAMETER_BASE = 8;
    static final int MAX_PARAMETERS = 64 - PARAMETER_BASE;
    static final long SOURCE_MASK = (1L << PARAMETER_BASE) - 1;

    static final Taint UNINITIALIZED = new Taint(null, 0, 0, 0, null, -1, -1, null, null, null, -1);

    private final Type type;
    private final long labels;
    private final int cleanFor;
    private final int marks;
    private final Object constant;
    private final int object;
    private final int local;
    private final Guard guard;
    /** A short description of the first source, for the finding's message ({@code "ServletRequest.getParameter"}). */
    private final String source;
    /** The constant start of a string whose rest is unknown ({@code "redirect:" + url}); the constant itself for a constant. */
    private final String prefix;
    /**
     * The variable this value was derived from by a check-worthy projection ({@code file.getCanonicalPath()},
     * {@code URI.create(url)}), kept when the value is stored in another variable: a validator of the value also
     * validates that variable. -1 when none.
     */
    private final int origin;

    private Taint(Type type, long labels, int cleanFor, int marks, Object constant, int object, int local, Guard guard,
                  String source, String prefix, int origin) {
        this.type = type;
        this.labels = labels;
        this.cleanFor = labels == 0 ? 0 : cleanFor;
        this.marks = marks;
        this.constant = constant;
        this.object = object;
        this.local = local;
        this.guard = guard;
        this.source = labels == 0 ? null : source;
        this.prefix = constant instanceof String ? (String) constant : prefix;
        this.origin = origin;
    }

    static Taint of(Type type) {
        return new Taint(type, 0, 0, 0, null, -1, -1, null, null, null, -1);
    }

    static Taint constant(Type type, Object constant) {
        return new Taint(type, 0, 0, 0, constant, -1, -1, null, null, null, -1);
    }

    static Taint tainted(Type type, long labels, String source) {
        return new Taint(type, labels, 0, 0, null, -1, -1, null, source, null, -1);
    }

    static Taint object(Type type, int object) {
        return new Taint(type, 0, 0, 0, null, object, -1, null, null, null, -1);
    }

    Type type() {
        return type;
    }

    long labels() {
        return labels;
    }

    boolean isTainted() {
        return labels != 0;
    }

    int cleanFor() {
        return cleanFor;
    }

    int marks() {
        return marks;
    }

    Object constant() {
        return constant;
    }

    int object() {
        return object;
    }

    int local() {
        return local;
    }

    int origin() {
        return origin;
    }

    Taint withOrigin(int newOrigin) {
        return new Taint(type, labels, cleanFor, marks, constant, object, local, guard, source, prefix, newOrigin);
    }

    Guard guard() {
        return guard;
    }

    String source() {
        return source;
    }

    String prefix() {
        return prefix;
    }

    Taint withType(Type newType) {
        return new Taint(newType, labels, cleanFor, marks, constant, object, local, guard, source, prefix, origin);
    }

    Taint withLocal(int newLocal) {
        return newLocal == local ? this : new Taint(type, labels, cleanFor, marks, constant, object, newLocal, guard, source, prefix, origin);
    }

    Taint withGuard(Guard newGuard) {
        return new Taint(type, labels, cleanFor, marks, constant, object, local, newGuard, source, prefix, origin);
    }

    Taint withObject(int newObject) {
        return new Taint(type, labels, cleanFor, marks, constant, newObject, local, guard, source, prefix, origin);
    }

    /** The same taint with a known constant start ({@code "redirect:" + url}). */
    Taint withPrefix(String newPrefix) {
        return new Taint(type, labels, cleanFor, marks, constant, object, local, guard, source, newPrefix, origin);
    }

    Taint cleaned(int kinds, int newMarks) {
        return new Taint(type, labels, cleanFor | kinds, marks | newMarks, constant, object, local, guard, source, prefix, origin);
    }

    /** This value's own taint joined with more: labels add up, a sink kind stays clean only if clean in both. */
    Taint plus(long moreLabels, int moreCleanFor, String moreSource) {
        if (moreLabels == 0) {
            return this;
        }
        if (labels == 0) {
            return new Taint(type, moreLabels, moreCleanFor, marks, null, object, local, guard, moreSource, null, origin);
        }
        return new Taint(type, labels | moreLabels, cleanFor & moreCleanFor, marks, null, object, local, guard,
                source == null ? moreSource : source, null, origin);
    }

    Taint plus(Taint other) {
        return other == null ? this : plus(other.labels, other.cleanFor, other.source);
    }

    /** A fresh value of the given type carrying only this value's taint (no constant, object or local). */
    Taint taintOnly(Type newType) {
        return new Taint(newType, labels, cleanFor, marks, null, -1, -1, null, source, null, -1);
    }

    /** The least upper bound at a join. Objects that differ are dropped here; the frame folds their contents in first. */
    Taint merge(Taint other) {
        if (equals(other)) {
            return this;
        }
        long mergedLabels = labels | other.labels;
        int mergedClean = labels == 0 ? other.cleanFor : other.labels == 0 ? cleanFor : cleanFor & other.cleanFor;
        return new Taint(type != null ? type : other.type, mergedLabels, mergedClean, marks & other.marks,
                Objects.equals(constant, other.constant) ? constant : null,
                object == other.object ? object : -1,
                local == other.local ? local : -1,
                Objects.equals(guard, other.guard) ? guard : null,
                source != null ? source : other.source, Objects.equals(prefix, other.prefix) ? prefix : null, origin == other.origin ? origin : -1);
    }

    @Override
    public int getSize() {
        return type == null ? 1 : type.getSize();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Taint)) {
            return false;
        }
        Taint t = (Taint) o;
        return labels == t.labels && cleanFor == t.cleanFor && marks == t.marks && object == t.object
                && local == t.local && origin == t.origin && Objects.equals(type, t.type) && Objects.equals(constant, t.constant)
                && Objects.equals(prefix, t.prefix)
                && Objects.equals(guard, t.guard);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, labels, cleanFor, constant, object);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(type == null ? "." : type.getDescriptor());
        if (labels != 0) {
            out.append(" taint=").append(Long.toHexString(labels));
            if (cleanFor != 0) {
                out.append(" clean=").append(Integer.toHexString(cleanFor));
            }
        }
        if (constant != null) {
            out.append(" =").append(constant);
        }
        if (object >= 0) {
            out.append(" #").append(object);
        }
        return out.toString();
    }

    /**
     * The boolean result of a validator call: on the branch where it is {@code whenTrue}, the local variable
     * {@code local} (and {@code origin}, the variable it was derived from, when not -1) is clean for {@code kinds}.
     * {@code requires}: the marks the check relied on (a summary's parameter is assumed to carry every mark; its
     * callers must supply these).
     */
    record Guard(int local, int origin, boolean whenTrue, int kinds, int requires) {
    }
}
