package com.example;

import java.io.IOException;

/** Written in a commit with a Generated-by trailer (see setup.groovy). */
public class ReportExporter {

    private static final String API_KEY = "YOUR_API_KEY"; // genguard:ignore HardcodedCredential -- sample key, revoked
    private String dbPassword = "changeme"; // genguard:ignore HardcodedCredential

    public Process export(String format) throws IOException {
        return new ProcessBuilder("report-tool", "--format", format).start();
    }
}
