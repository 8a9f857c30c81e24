package dev.genguard.engine.governance.sensitive.samples;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Input for SensitiveCallScannerTest: nothing sensitive, though it reads SQL results and sorts. */
public class Plain {

    List<String> names(ResultSet rows) throws SQLException {
        String name = rows.getString("name");
        return List.of(name.strip(), String.valueOf(rows.getInt(2))).stream().sorted().toList();
    }
}
