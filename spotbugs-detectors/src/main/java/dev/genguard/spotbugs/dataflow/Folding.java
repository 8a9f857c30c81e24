package dev.genguard.spotbugs.dataflow;

import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Evaluation of the pure operations on constants the analysis understands: arithmetic, string concatenation
 * (javac's {@code makeConcatWithConstants} recipes), {@code String.format}, case conversion and trimming, and
 * conversions between strings, primitives and their boxes. Each returns {@code null} when it cannot give the
 * exact result the JVM would compute, so an unknown never turns into a wrong constant.
 */
public final class Folding {

    /** Longer strings are not followed: a constant name or key is short, and folding must not blow up. */
    static final int MAX_STRING = 4096;

    static final Type STRING = Type.getType(String.class);
    private static final char RECIPE_ARGUMENT = '\u0001';
    private static final char RECIPE_CONSTANT = '\u0002';

    private Folding() {
    }

    /** The result of an {@code int} or {@code long} arithmetic or conversion opcode on constants, or null. */
    public static Object arithmetic(int opcode, Object a, Object b) {
        if (a instanceof Integer && (b == null || b instanceof Integer)) {
            int x = (Integer) a;
            int y = b == null ? 0 : (Integer) b;
            switch (opcode) {
            case Opcodes.INEG: return -x;
            case Opcodes.I2L: return (long) x;
            case Opcodes.I2B: return (int) (byte) x;
            case Opcodes.I2C: return (int) (char) x;
            case Opcodes.I2S: return (int) (short) x;
            case Opcodes.IADD: return x + y;
            case Opcodes.ISUB: return x - y;
            case Opcodes.IMUL: return x * y;
            case Opcodes.IDIV: return y == 0 ? null : x / y;
            case Opcodes.IREM: return y == 0 ? null : x % y;
            case Opcodes.ISHL: return x << y;
            case Opcodes.ISHR: return x >> y;
            case Opcodes.IUSHR: return x >>> y;
            case Opcodes.IAND: return x & y;
            case Opcodes.IOR: return x | y;
            case Opcodes.IXOR: return x ^ y;
            default: return null;
            }
        }
        if (a instanceof Long && b instanceof Integer) {
            long x = (Long) a;
            int shift = (Integer) b;
            switch (opcode) {
            case Opcodes.LSHL: return x << shift;
            case Opcodes.LSHR: return x >> shift;
            case Opcodes.LUSHR: return x >>> shift;
            default: return null;
            }
        }
        if (a instanceof Long && (b == null || b instanceof Long)) {
            long x = (Long) a;
            long y = b == null ? 0 : (Long) b;
            switch (opcode) {
            case Opcodes.LNEG: return -x;
            case Opcodes.L2I: return (int) x;
            case Opcodes.LADD: return x + y;
            case Opcodes.LSUB: return x - y;
            case Opcodes.LMUL: return x * y;
            case Opcodes.LDIV: return y == 0 ? null : x / y;
            case Opcodes.LREM: return y == 0 ? null : x % y;
            case Opcodes.LAND: return x & y;
            case Opcodes.LOR: return x | y;
            case Opcodes.LXOR: return x ^ y;
            default: return null;
            }
        }
        return null;
    }

    /**
     * How string conversion renders a constant of the given static type: {@code char} and {@code boolean}
     * values are ints in bytecode, boxes keep their primitive's form. Null when the value is unknown or a class.
     */
    static String render(Type type, AbstractValue value) {
        Object constant = value.constant();
        if (constant == null || constant instanceof Type) {
            return null;
        }
        if (constant instanceof Integer && type != null) {
            String descriptor = type.getDescriptor();
            if ("C".equals(descriptor) || "Ljava/lang/Character;".equals(descriptor)) {
                return String.valueOf((char) ((Integer) constant).intValue());
            }
            if ("Z".equals(descriptor) || "Ljava/lang/Boolean;".equals(descriptor)) {
                return String.valueOf((Integer) constant != 0);
            }
        }
        return constant.toString();
    }

    /** The boxed object {@code String.format} would see for a constant element of an {@code Object[]}. */
    private static Object formatArgument(AbstractValue value) {
        Object constant = value.constant();
        if (constant == null || constant instanceof Type || value.type() == null) {
            return null;
        }
        switch (value.type().getDescriptor()) {
        case "Ljava/lang/String;":
        case "Ljava/lang/Integer;":
        case "Ljava/lang/Long;":
            return constant;
        case "Ljava/lang/Boolean;":
            return (Integer) constant != 0;
        case "Ljava/lang/Character;":
            return (char) ((Integer) constant).intValue();
        case "Ljava/lang/Short;":
            return (short) ((Integer) constant).intValue();
        case "Ljava/lang/Byte;":
            return (byte) ((Integer) constant).intValue();
        default:
            return constant instanceof String ? constant : null;
        }
    }

    /** {@code String.format(Locale.ROOT, format, elements)} when every element is a known constant. */
    static String format(String format, List<AbstractValue> elements) {
        if (format.length() > MAX_STRING || hasLargeWidth(format)) {
            return null;
        }
        Object[] arguments = new Object[elements.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = formatArgument(elements.get(i));
            if (arguments[i] == null) {
                return null;
            }
        }
        try {
            return bounded(String.format(Locale.ROOT, format, arguments));
        } catch (IllegalFormatException e) {
            return null;
        }
    }

    /** A width or precision of four digits or more would let a crafted format allocate without bound. */
    private static boolean hasLargeWidth(String format) {
        int digits = 0;
        for (int i = 0; i < format.length(); i++) {
            digits = Character.isDigit(format.charAt(i)) ? digits + 1 : 0;
            if (digits > 3) {
                return true;
            }
        }
        return false;
    }

    /**
     * Evaluates a {@code makeConcatWithConstants} recipe: {@code \1} takes the next dynamic argument,
     * {@code \2} the next bootstrap constant, anything else is literal text.
     */
    static String concat(String recipe, Object[] constants, Type[] argumentTypes, List<AbstractValue> arguments) {
        StringBuilder out = new StringBuilder();
        int argument = 0;
        int constant = 0;
        for (int i = 0; i < recipe.length(); i++) {
            char c = recipe.charAt(i);
            if (c == RECIPE_ARGUMENT) {
                if (argument >= arguments.size()) {
                    return null;
                }
                String rendered = render(argumentTypes[argument], arguments.get(argument));
                argument++;
                if (rendered == null) {
                    return null;
                }
                out.append(rendered);
            } else if (c == RECIPE_CONSTANT) {
                if (constant >= constants.length || constants[constant] instanceof Type) {
                    return null;
                }
                out.append(constants[constant++]);
            } else {
                out.append(c);
            }
            if (out.length() > MAX_STRING) {
                return null;
            }
        }
        return out.toString();
    }

    /**
     * A method of {@code String} applied to a constant receiver and constant arguments. Case conversion uses
     * {@link Locale#ROOT}: the names detectors care about (algorithms, protocols, features) are ASCII, for which
     * every locale but Turkish agrees, and a Turkish-locale server is the bug the caller should fix anyway.
     */
    static String stringMethod(String name, String desc, String receiver, List<AbstractValue> arguments) {
        switch (name + desc) {
        case "toUpperCase()Ljava/lang/String;":
        case "toUpperCase(Ljava/util/Locale;)Ljava/lang/String;":
            return receiver.toUpperCase(Locale.ROOT);
        case "toLowerCase()Ljava/lang/String;":
        case "toLowerCase(Ljava/util/Locale;)Ljava/lang/String;":
            return receiver.toLowerCase(Locale.ROOT);
        case "trim()Ljava/lang/String;":
            return receiver.trim();
        case "strip()Ljava/lang/String;":
            return receiver.strip();
        case "intern()Ljava/lang/String;":
        case "toString()Ljava/lang/String;":
            return receiver;
        case "concat(Ljava/lang/String;)Ljava/lang/String;":
            String other = arguments.get(0).constantString();
            return other == null ? null : bounded(receiver + other);
        default:
            return null;
        }
    }

    /** A static conversion between strings, primitives and boxes of constants; null when not one or not constant. */
    static Object conversion(String owner, String name, String desc, List<AbstractValue> arguments) {
        if (arguments.size() != 1 || !arguments.get(0).isConstant()) {
            return null;
        }
        AbstractValue argument = arguments.get(0);
        Object constant = argument.constant();
        switch (owner + '.' + name + desc) {
        case "java/lang/String.valueOf(Ljava/lang/Object;)Ljava/lang/String;":
        case "java/lang/String.valueOf(I)Ljava/lang/String;":
        case "java/lang/String.valueOf(J)Ljava/lang/String;":
        case "java/lang/String.valueOf(C)Ljava/lang/String;":
        case "java/lang/String.valueOf(Z)Ljava/lang/String;":
        case "java/lang/Integer.toString(I)Ljava/lang/String;":
        case "java/lang/Long.toString(J)Ljava/lang/String;":
            return render(Type.getArgumentTypes(desc)[0].getSort() == Type.OBJECT ? argument.type()
                    : Type.getArgumentTypes(desc)[0], argument);
        case "java/lang/Integer.valueOf(I)Ljava/lang/Integer;":
        case "java/lang/Short.valueOf(S)Ljava/lang/Short;":
        case "java/lang/Byte.valueOf(B)Ljava/lang/Byte;":
        case "java/lang/Character.valueOf(C)Ljava/lang/Character;":
        case "java/lang/Boolean.valueOf(Z)Ljava/lang/Boolean;":
        case "java/lang/Long.valueOf(J)Ljava/lang/Long;":
        case "java/lang/Integer.intValue()I":
        case "java/lang/Short.shortValue()S":
        case "java/lang/Byte.byteValue()B":
        case "java/lang/Character.charValue()C":
        case "java/lang/Boolean.booleanValue()Z":
        case "java/lang/Long.longValue()J":
            return constant;
        case "java/lang/Integer.longValue()J":
            return constant instanceof Integer ? Long.valueOf((Integer) constant) : null;
        case "java/lang/Integer.parseInt(Ljava/lang/String;)I":
        case "java/lang/Integer.valueOf(Ljava/lang/String;)Ljava/lang/Integer;":
            return parse(constant, false);
        case "java/lang/Long.parseLong(Ljava/lang/String;)J":
        case "java/lang/Long.valueOf(Ljava/lang/String;)Ljava/lang/Long;":
            return parse(constant, true);
        case "java/lang/Boolean.parseBoolean(Ljava/lang/String;)Z":
            return constant instanceof String ? ("true".equalsIgnoreCase((String) constant) ? 1 : 0) : null;
        default:
            return null;
        }
    }

    private static Object parse(Object constant, boolean asLong) {
        if (!(constant instanceof String)) {
            return null;
        }
        try {
            return asLong ? (Object) Long.parseLong((String) constant) : (Object) Integer.parseInt((String) constant);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String bounded(String value) {
        return value.length() > MAX_STRING ? null : value;
    }
}
