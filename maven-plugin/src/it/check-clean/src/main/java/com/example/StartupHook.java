package com.example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a file when its class is initialized: GenGuard must never load or run analysed code. */
public class StartupHook {

    static {
        try {
            Files.writeString(Path.of("target", "genguard-executed-analysed-code.txt"), "executed");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void touch() {
        // Referencing the class from elsewhere would initialize it; nothing in the build does.
    }
}
