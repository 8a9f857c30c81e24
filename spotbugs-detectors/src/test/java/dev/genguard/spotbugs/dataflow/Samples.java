package dev.genguard.spotbugs.dataflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.spotbugs.dataflow.samples.Sink;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/** Analyses a method of a sample class compiled with the tests and reads what reaches {@link Sink#sink}. */
final class Samples {

    private static final String SINK = Type.getInternalName(Sink.class);

    private Samples() {
    }

    static MethodValues analyze(Class<?> sample, String methodName) throws AnalyzerException {
        TestClassSource source = new TestClassSource();
        ClassNode cls = source.lookupClass(Type.getInternalName(sample));
        MethodNode method = cls.methods.stream().filter(m -> m.name.equals(methodName)).findFirst()
                .orElseThrow(() -> new AssertionError("no method " + methodName));
        return ValueAnalysis.of(source).analyze(cls, method);
    }

    /** The values passed to {@code Sink.sink} in the method, in bytecode order. */
    static List<AbstractValue> sunk(Class<?> sample, String methodName) throws AnalyzerException {
        List<AbstractValue> values = new ArrayList<>();
        for (CallSite call : analyze(sample, methodName).calls(SINK, "sink")) {
            values.add(call.argument(0));
        }
        return values;
    }

    /** The one value passed to {@code Sink.sink} in the method. */
    static AbstractValue sunkOnce(Class<?> sample, String methodName) throws AnalyzerException {
        List<AbstractValue> values = sunk(sample, methodName);
        assertThat(values).hasSize(1);
        return values.get(0);
    }
}
