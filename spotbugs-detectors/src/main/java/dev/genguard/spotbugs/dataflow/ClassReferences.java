package dev.genguard.spotbugs.dataflow;

import org.apache.bcel.classfile.Constant;
import org.apache.bcel.classfile.ConstantClass;
import org.apache.bcel.classfile.ConstantPool;
import org.apache.bcel.classfile.JavaClass;

/** Cheap constant-pool pre-checks, so detectors skip the many classes that never touch their API. */
public final class ClassReferences {

    private ClassReferences() {
    }

    /** Whether the class's constant pool names any of the given classes ({@code java/util/Random} form). */
    public static boolean referencesAny(JavaClass cls, String... slashedClassNames) {
        ConstantPool cp = cls.getConstantPool();
        for (Constant c : cp.getConstantPool()) {
            if (c instanceof ConstantClass) {
                String name = ((ConstantClass) c).getBytes(cp);
                for (String wanted : slashedClassNames) {
                    if (wanted.equals(name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
