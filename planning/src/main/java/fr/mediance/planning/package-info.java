/** The rounds optimiser and its travel model. */
package fr.mediance.planning;
