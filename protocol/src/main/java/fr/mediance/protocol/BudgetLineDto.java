package fr.mediance.protocol;

/**
 * One line of a budget sheet.
 *
 * @param kind {@link Budgets#INCOME}, {@link Budgets#CHARGE} or {@link Budgets#CREDIT}
 * @param category a category of that kind (the rules' {@code BudgetCategories})
 * @param amountCents the amount paid or received each period, in cents
 * @param periodicity a periodicity code of the rules ({@code monthly}, {@code every_2_months}, {@code quarterly},
 *     {@code annual}, {@code weekly})
 * @param paidToLandlord for housing aid (APL/ALF/ALS): paid straight to the landlord
 * @param justified whether a document proves it (declared otherwise)
 * @param label an optional precision (the creditor of a credit, "salaire de Mme")
 */
public record BudgetLineDto(
        String kind,
        String category,
        long amountCents,
        String periodicity,
        boolean paidToLandlord,
        boolean justified,
        String label) {}
