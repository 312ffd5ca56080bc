/**
 * The rounds optimiser's common parts: points on the map and the travel model ({@link
 * fr.mediance.planning.TravelModel}, by default {@link fr.mediance.planning.StraightLineTravel}). The week planner is
 * in {@code fr.mediance.planning.week}.
 */
package fr.mediance.planning;
