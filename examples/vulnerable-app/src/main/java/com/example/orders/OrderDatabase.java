package com.example.orders;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/** Connects to the orders database. */
public class OrderDatabase {

    private static final Logger LOG = Logger.getLogger(OrderDatabase.class.getName());

    private static final String DB_URL = "jdbc:postgresql://localhost:5432/orders";
    private static final String DB_USER = "orders";
    private static final String DB_PASSWORD = "changeme";

    public Connection connect() throws SQLException {
        return connectAs(DB_USER, DB_PASSWORD);
    }

    public Connection connectAs(String user, String password) throws SQLException {
        LOG.info("Connecting to " + DB_URL + " as " + user + " with password " + password);
        return DriverManager.getConnection(DB_URL, user, password);
    }

    /** Order numbers of one customer. */
    public List<String> findOrders(String customer) throws SQLException {
        List<String> orders = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT number FROM orders WHERE customer = '" + customer + "'")) {
            while (rows.next()) {
                orders.add(rows.getString(1));
            }
        }
        return orders;
    }
}
