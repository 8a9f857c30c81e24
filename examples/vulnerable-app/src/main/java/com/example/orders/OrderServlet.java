package com.example.orders;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;

/** Lists a customer's orders and downloads their invoices. */
public class OrderServlet extends HttpServlet {

    private static final String INVOICE_DIR = "/var/orders/invoices";

    private final OrderDatabase database = new OrderDatabase();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String customer = request.getParameter("customer");
        try {
            response.setContentType("text/plain");
            response.getWriter().println(String.join("\n", database.findOrders(customer)));
        } catch (SQLException e) {
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String invoice = request.getParameter("invoice");
        File file = new File(INVOICE_DIR, invoice);
        response.setContentType("application/pdf");
        try (InputStream in = new FileInputStream(file)) {
            in.transferTo(response.getOutputStream());
        }
    }
}
