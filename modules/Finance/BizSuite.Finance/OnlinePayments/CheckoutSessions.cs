using BizSuite.Finance.Data;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;
using Stripe;
using Stripe.Checkout;

namespace BizSuite.Finance.OnlinePayments;

/// <summary>Asks Stripe for a Checkout Session so the customer can pay an invoice online.</summary>
public sealed record CreateCheckoutSession(Guid InvoiceId);

/// <summary>An issued invoice of a tenant with a connected Stripe account gets a payment link, through the job store (outbox).</summary>
[HandlerOrder(HandlerOrderAttribute.Outbox)]
internal sealed class OfferOnlinePaymentWhenInvoiceIssued(StripeGateway stripe, JobQueue jobs) : IDomainEventHandler<InvoiceIssued>
{
    public async Task HandleAsync(InvoiceIssued invoice, CancellationToken ct)
    {
        if (!await stripe.IsConnectedAsync(ct)) return;
        jobs.Enqueue(new CreateCheckoutSession(invoice.InvoiceId));
    }
}

internal sealed class CreateCheckoutSessionJob(FinanceDbContext db, StripeGateway stripe) : IBackgroundJob<CreateCheckoutSession>
{
    public async Task ExecuteAsync(CreateCheckoutSession args, CancellationToken ct)
    {
        var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.Id == args.InvoiceId, ct);
        var account = await stripe.FindAccountAsync(ct);
        if (invoice is null || account is null || invoice.CheckoutUrl is not null || invoice.Outstanding <= 0) return;

        var session = await new SessionService(stripe.Client(account)).CreateAsync(new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = invoice.Id.ToString(),
            SuccessUrl = stripe.ReturnUrl,
            CancelUrl = stripe.ReturnUrl,
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = invoice.Currency.ToLowerInvariant(),
                        UnitAmount = MinorUnits(invoice.Outstanding),
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = $"{invoice.Number} · {invoice.ContractNumber}" },
                    },
                },
            ],
            // The webhook finds the tenant and the invoice from these.
            Metadata = new Dictionary<string, string> { ["tenant_id"] = invoice.TenantId.ToString()!, ["invoice_id"] = invoice.Id.ToString() },
        }, new RequestOptions { IdempotencyKey = $"checkout-{invoice.Id}-{invoice.Outstanding}" }, ct);
        invoice.OfferOnlinePayment(session.Id, session.Url);
    }

    /// <summary>Stripe counts money in the currency's minor unit (fen, cents); the suite's currencies have two decimals.</summary>
    public static long MinorUnits(decimal amount) => (long)decimal.Round(amount * 100m);
}
