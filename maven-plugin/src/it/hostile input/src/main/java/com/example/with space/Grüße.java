package com.example;

/** A file in a directory with a space, with a non-ASCII name, and markup everywhere a report shows text. */
public class Grüße {

    // TODO: add authentication </script><script>alert(1)</script> ]]> "quoted" 'single' & ampersand
    private static final String API_KEY = "</script><img src=x onerror=alert(1)>]]>\u001b[31m";

    public String key() {
        return API_KEY;
    }
}
