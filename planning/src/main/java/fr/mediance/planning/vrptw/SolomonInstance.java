package fr.mediance.planning.vrptw;

import java.util.List;

/**
 * A vehicle routing problem with time windows in Solomon's form: one depot (customer 0), identical vehicles of one
 * capacity, Euclidean distances in double precision and travel time equal to distance.
 *
 * @param name the instance's name (first line of the file)
 * @param vehicleLimit the largest fleet allowed ({@code NUMBER}); not the best-known fleet
 * @param capacity each vehicle's capacity
 * @param customers the depot at index 0, then the customers; a customer's index is its number
 */
public record SolomonInstance(String name, int vehicleLimit, int capacity, List<Customer> customers) {

    public SolomonInstance {
        customers = List.copyOf(customers);
        for (int i = 0; i < customers.size(); i++) {
            if (customers.get(i).id() != i) {
                throw new IllegalArgumentException("customer numbers must run from 0 without gaps: row " + i + " is "
                        + customers.get(i).id());
            }
        }
    }

    /** One row of the CUSTOMER section; row 0 is the depot, whose due date is the end of the horizon. */
    public record Customer(int id, double x, double y, int demand, double ready, double due, double service) {}

    public Customer depot() {
        return customers.get(0);
    }

    /** The number of customers, the depot excluded. */
    public int size() {
        return customers.size() - 1;
    }

    public double distance(int from, int to) {
        Customer a = customers.get(from);
        Customer b = customers.get(to);
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    /** The first {@code n} customers with the same depot, vehicles and capacity (for tests and quick runs). */
    public SolomonInstance firstCustomers(int n) {
        return new SolomonInstance(name + "-" + n, vehicleLimit, capacity, customers.subList(0, n + 1));
    }
}
