package fr.mediance.planning.vrptw;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Solomon VRPTW instance file: the name on the first line, the VEHICLE section (NUMBER, CAPACITY), then the
 * CUSTOMER section with one row per customer (number, x, y, demand, ready time, due date, service time). Fields are
 * split on any whitespace and lines may end in CRLF with trailing spaces: the column layout differs between files.
 */
public final class SolomonReader {
    private SolomonReader() {}

    public static SolomonInstance read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static SolomonInstance parse(String text) {
        String name = null;
        int vehicles = -1;
        int capacity = -1;
        List<SolomonInstance.Customer> customers = new ArrayList<>();
        String section = "";
        int lineNo = 0;
        for (String raw : text.split("\\R")) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (name == null) {
                name = line;
                continue;
            }
            if (line.equalsIgnoreCase("VEHICLE") || line.equalsIgnoreCase("CUSTOMER")) {
                section = line.toUpperCase();
                continue;
            }
            String[] f = line.split("\\s+");
            if (!Character.isDigit(f[0].charAt(0))) {
                continue; // column headings
            }
            try {
                if (section.equals("VEHICLE")) {
                    if (f.length != 2) {
                        throw new IllegalArgumentException(
                                "line " + lineNo + ": expected NUMBER CAPACITY, got: " + line);
                    }
                    vehicles = Integer.parseInt(f[0]);
                    capacity = Integer.parseInt(f[1]);
                } else if (section.equals("CUSTOMER")) {
                    if (f.length != 7) {
                        throw new IllegalArgumentException("line " + lineNo + ": expected 7 fields, got " + f.length);
                    }
                    customers.add(new SolomonInstance.Customer(
                            Integer.parseInt(f[0]),
                            Double.parseDouble(f[1]),
                            Double.parseDouble(f[2]),
                            Integer.parseInt(f[3]),
                            Double.parseDouble(f[4]),
                            Double.parseDouble(f[5]),
                            Double.parseDouble(f[6])));
                } else {
                    throw new IllegalArgumentException("line " + lineNo + ": number outside a section: " + line);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + lineNo + ": not a number in: " + line, e);
            }
        }
        if (name == null || vehicles < 0 || customers.isEmpty()) {
            throw new IllegalArgumentException("not a Solomon instance: name, VEHICLE or CUSTOMER section missing");
        }
        return new SolomonInstance(name, vehicles, capacity, customers);
    }
}
