package dev.genguard.spotbugs.dataflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.objectweb.asm.Type;

/**
 * A call made on (or creating) a tracked object: owner, name and descriptor in JVM form, and the arguments as
 * the analysis knew them at the call. Immutable.
 */
public final class Invocation {

    private final String owner;
    private final String name;
    private final String desc;
    private final List<AbstractValue> arguments;
    private final AbstractValue receiver;
    /** An untracked constant receiver (a string literal), detached; null otherwise. */
    private final AbstractValue constantReceiver;

    Invocation(String owner, String name, String desc, List<AbstractValue> arguments, AbstractValue receiver) {
        this(owner, name, desc, arguments, receiver, null);
    }

    Invocation(String owner, String name, String desc, List<AbstractValue> arguments, AbstractValue receiver,
               AbstractValue constantReceiver) {
        this.owner = owner;
        this.name = name;
        this.desc = desc;
        List<AbstractValue> detached = new ArrayList<>(arguments.size());
        for (AbstractValue argument : arguments) {
            detached.add(argument.detached());
        }
        this.arguments = List.copyOf(detached);
        this.receiver = receiver;
        this.constantReceiver = constantReceiver == null || !constantReceiver.isConstant() ? null
                : constantReceiver.detached();
    }

    /** The class named in the call instruction, e.g. {@code javax/servlet/http/Cookie}. */
    public String owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public String desc() {
        return desc;
    }

    public int argumentCount() {
        return arguments.size();
    }

    /** Argument {@code i}, counted from 0 without the receiver; carries constants and types, not object state. */
    public AbstractValue argument(int i) {
        return arguments.get(i);
    }

    /**
     * For a {@link AbstractValue#creation() creation} by a call on another tracked object, that object with its
     * facts at the time of the call (so {@code dbf.newDocumentBuilder()} tells which features were set on
     * {@code dbf}); {@code null} otherwise.
     */
    public AbstractValue receiver() {
        return receiver;
    }

    /**
     * For a {@link AbstractValue#creation() creation} by a call on a constant the analysis does not track as an
     * object, that constant with its origin: the {@code "secret"} of {@code "secret".getBytes(UTF_8)}, which tells
     * that the bytes are constant too. {@code null} otherwise (also when {@link #receiver()} is set).
     */
    public AbstractValue constantReceiver() {
        return constantReceiver;
    }

    Invocation withoutReceiver() {
        return new Invocation(owner, name, desc, arguments, null, constantReceiver);
    }

    /**
     * Whether this is a call {@code name(expected...)}: each expected constant equals the argument at its
     * position ({@code Boolean}/{@code Character} compare with the JVM's int form), {@code null} matches anything,
     * and arguments beyond the expected ones are not compared.
     */
    public boolean matches(String methodName, Object... expected) {
        if (!name.equals(methodName) || expected.length > arguments.size()) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != null && !sameConstant(arguments.get(i), expected[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameConstant(AbstractValue value, Object expected) {
        if (expected instanceof Boolean) {
            return Integer.valueOf((Boolean) expected ? 1 : 0).equals(value.constantInt());
        }
        if (expected instanceof Character) {
            return Integer.valueOf((Character) expected).equals(value.constantInt());
        }
        if (expected instanceof Integer || expected instanceof Long) {
            return Long.valueOf(((Number) expected).longValue()).equals(value.constantLong());
        }
        return expected.equals(value.constant());
    }

    boolean sameMethod(Invocation other) {
        return owner.equals(other.owner) && name.equals(other.name) && desc.equals(other.desc);
    }

    /** The call as both paths saw it: arguments or receivers that differ become unknown. */
    Invocation merge(Invocation other) {
        if (equals(other)) {
            return this;
        }
        Type[] types = Type.getArgumentTypes(desc);
        List<AbstractValue> merged = new ArrayList<>(arguments.size());
        for (int i = 0; i < arguments.size(); i++) {
            AbstractValue a = arguments.get(i);
            merged.add(a.equals(other.arguments.get(i)) ? a : AbstractValue.unknown(types[i]));
        }
        return new Invocation(owner, name, desc, merged, Objects.equals(receiver, other.receiver) ? receiver : null,
                Objects.equals(constantReceiver, other.constantReceiver) ? constantReceiver : null);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Invocation)) {
            return false;
        }
        Invocation other = (Invocation) o;
        return sameMethod(other) && arguments.equals(other.arguments) && Objects.equals(receiver, other.receiver)
                && Objects.equals(constantReceiver, other.constantReceiver);
    }

    @Override
    public int hashCode() {
        return Objects.hash(owner, name, desc, arguments);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(name).append('(');
        for (int i = 0; i < arguments.size(); i++) {
            AbstractValue argument = arguments.get(i);
            out.append(i == 0 ? "" : ", ");
            out.append(argument.constant() instanceof String ? "\"" + argument.constant() + "\""
                    : argument.constant() == null ? "?" : argument.constant());
        }
        return out.append(')').toString();
    }
}
