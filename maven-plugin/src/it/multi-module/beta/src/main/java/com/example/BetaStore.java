package com.example;

import java.io.File;

public class BetaStore {
    // TODO: add authentication before release
    public boolean writable(File file) {
        return file.setWritable(true, false);
    }
}
