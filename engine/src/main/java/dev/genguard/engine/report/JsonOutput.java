package dev.genguard.engine.report;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** How the JSON reports (SARIF and GenGuard's own) are laid out on disk. */
public final class JsonOutput {

    private JsonOutput() {
    }

    /**
     * Pretty-printed with {@code \n} line ends and a final newline, written atomically. Jackson's default printer
     * ends lines with the platform's separator; reports must not differ by the OS that wrote them.
     */
    public static void write(ObjectMapper mapper, Object value, Path file) throws IOException {
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        byte[] json = mapper.writer(new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf))
                .writeValueAsBytes(value);
        AtomicFile.write(file, out -> {
            out.write(json);
            out.write('\n');
        });
    }
}
