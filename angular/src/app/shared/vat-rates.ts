/**
 * VAT rates (增值税税率) a sales line may carry: the server's `VatRates.Allowed` (Crm.Contracts), which contract and
 * product lines are checked against. The server does not publish the list, so this is its one copy on the client.
 */
export const SALES_VAT_RATES = [0.13, 0.09, 0.06, 0] as const;

/** The standard rate, preselected for a new line or product. */
export const STANDARD_VAT_RATE = 0.13;

/** A purchase may also come with a small-scale taxpayer's (小规模纳税人) 3% invoice. */
export const PURCHASE_VAT_RATES = [0.13, 0.09, 0.06, 0.03, 0] as const;
