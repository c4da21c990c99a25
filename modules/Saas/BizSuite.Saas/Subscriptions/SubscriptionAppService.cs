using BizSuite.Kernel;
using BizSuite.Saas.Data;
using BizSuite.Saas.Tenants;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Stripe;

namespace BizSuite.Saas.Subscriptions;

public sealed record EditionDto(string Name, IReadOnlyList<string> Modules, int MaxUsers, int MaxStorageMb, decimal MonthlyPrice, string Currency, bool ForSale);

public sealed record SubscriptionDto(string Edition, SubscriptionStatus Status, DateTime? CurrentPeriodEnd, DateTime? GraceEndsAt,
    IReadOnlyList<string> Modules, IReadOnlyList<string> LockedModules, int MaxUsers, long Users, int MaxStorageMb, long StorageBytes,
    bool HasBillingAccount, bool HasSubscription, IReadOnlyList<EditionDto> Editions);

public sealed record CheckoutRequest(string Edition);

public sealed record UpdateEditionRequest(IReadOnlyList<string> Modules, int MaxUsers, int MaxStorageMb, decimal MonthlyPrice);

public sealed record RedirectDto(string Url);

/// <summary>The current tenant's plan: what it includes and uses, and the way to Stripe to upgrade or manage billing.</summary>
internal sealed class SubscriptionAppService(SaasDbContext db, ICurrentTenant currentTenant, EditionLimits limits, StripeBilling stripe, TimeProvider clock,
    TenantCache cache, UnitOfWork unitOfWork)
{
    public async Task<IReadOnlyList<EditionDto>> GetEditionsAsync(CancellationToken ct) =>
        (await db.Editions.AsNoTracking().OrderBy(e => e.Rank).ToListAsync(ct))
        .Select(e => new EditionDto(e.Name, e.Modules, e.MaxUsers, e.MaxStorageMb, e.MonthlyPrice, e.Currency, stripe.PriceOf(e.Name) is not null))
        .ToList();

    public async Task<SubscriptionDto> GetAsync(CancellationToken ct)
    {
        var subscription = (await LoadTenantAsync(ct)).Subscription;
        var editions = await db.Editions.AsNoTracking().ToListAsync(ct);
        var edition = editions.FirstOrDefault(e => e.Name == subscription.Edition)
            ?? throw new BusinessException(SaasErrors.UnknownEdition, StatusCodes.Status422UnprocessableEntity, subscription.Edition);
        return new SubscriptionDto(edition.Name, subscription.StatusAt(clock.GetUtcNow().UtcDateTime), subscription.CurrentPeriodEnd,
            subscription.GraceEndsAt, edition.Modules, Edition.Locked(edition, editions).Order().ToList(),
            edition.MaxUsers, await limits.UsageAsync(UsageKind.Users, ct), edition.MaxStorageMb, await limits.UsageAsync(UsageKind.StorageBytes, ct),
            subscription.StripeCustomerId is not null, subscription.StripeSubscriptionId is not null, await GetEditionsAsync(ct));
    }

    /// <summary>
    /// Asks Stripe for a Checkout Session in subscription mode and returns its URL. Unlike the suite's other Stripe calls this
    /// one runs in the request, not in a job: the user waits for the URL, and nothing is written here, so no business
    /// transaction depends on it. Stripe tells the webhook when the tenant has paid; only then does the edition change.
    /// </summary>
    public async Task<RedirectDto> CheckoutAsync(CheckoutRequest request, string returnUrl, CancellationToken ct)
    {
        var edition = await Edition.FindAsync(db, request.Edition, ct);
        var price = stripe.PriceOf(edition.Name) ?? throw new BusinessException(SaasErrors.EditionNotForSale, StatusCodes.Status422UnprocessableEntity, edition.Name) { Field = "edition" };
        var tenant = await LoadTenantAsync(ct);
        // A second checkout would start a second subscription; Stripe's portal changes the plan of the running one.
        if (tenant.Subscription.StripeSubscriptionId is not null) throw new BusinessException(SaasErrors.ChangePlanInPortal, StatusCodes.Status409Conflict);
        var tenantId = tenant.Id.ToString();
        var session = await new Stripe.Checkout.SessionService(stripe.Client()).CreateAsync(new Stripe.Checkout.SessionCreateOptions
        {
            Mode = "subscription",
            LineItems = [new Stripe.Checkout.SessionLineItemOptions { Price = price, Quantity = 1 }],
            Customer = tenant.Subscription.StripeCustomerId,
            // The webhook finds the tenant from these, on the session and on every later event of the subscription.
            ClientReferenceId = tenantId,
            Metadata = new Dictionary<string, string> { ["tenant_id"] = tenantId, ["edition"] = edition.Name },
            SubscriptionData = new Stripe.Checkout.SessionSubscriptionDataOptions { Metadata = new Dictionary<string, string> { ["tenant_id"] = tenantId } },
            SuccessUrl = returnUrl,
            CancelUrl = returnUrl,
        }, cancellationToken: ct);
        return new RedirectDto(session.Url);
    }

    /// <summary>Stripe's billing portal (payment method, invoices, cancel); like checkout, called in the request for the user waiting.</summary>
    public async Task<RedirectDto> PortalAsync(string returnUrl, CancellationToken ct)
    {
        var customer = (await LoadTenantAsync(ct)).Subscription.StripeCustomerId
            ?? throw new BusinessException(SaasErrors.NoBillingAccount, StatusCodes.Status422UnprocessableEntity);
        var session = await new Stripe.BillingPortal.SessionService(stripe.Client()).CreateAsync(
            new Stripe.BillingPortal.SessionCreateOptions { Customer = customer, ReturnUrl = returnUrl }, cancellationToken: ct);
        return new RedirectDto(session.Url);
    }

    /// <summary>Host admin: changes an edition. Every tenant's cached modules depend on every edition (what is locked is what
    /// some edition sells and one's own lacks), so the whole tenant cache is dropped, on every host, when this commits.</summary>
    public async Task<EditionDto> UpdateEditionAsync(string name, UpdateEditionRequest request, CancellationToken ct)
    {
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Name == name, ct) ?? throw new EntityNotFoundException("Edition", name);
        edition.Change(request.Modules, request.MaxUsers, request.MaxStorageMb, request.MonthlyPrice);
        TenantStore.Forget(cache, unitOfWork);
        return new EditionDto(edition.Name, edition.Modules, edition.MaxUsers, edition.MaxStorageMb, edition.MonthlyPrice, edition.Currency,
            stripe.PriceOf(edition.Name) is not null);
    }

    private async Task<Tenant> LoadTenantAsync(CancellationToken ct)
    {
        var id = currentTenant.Id ?? throw new BusinessException(KernelErrors.TenantNotFound, StatusCodes.Status404NotFound, "");
        return await db.Tenants.AsNoTracking().FirstAsync(t => t.Id == id, ct);
    }
}

/// <summary>The platform's Stripe account.</summary>
internal sealed class StripeBilling(IOptions<BillingOptions> options, IHttpClientFactory http)
{
    public BillingOptions Options => options.Value;

    public string? PriceOf(string edition) => options.Value.Prices.GetValueOrDefault(edition) is { Length: > 0 } price ? price : null;

    /// <summary>No network retries: a failed call shows the user an error to try again.</summary>
    public IStripeClient Client() => new StripeClient(new StripeClientOptions
    {
        ApiKey = options.Value.SecretKey is { Length: > 0 } key ? key : throw new BusinessException(SaasErrors.BillingNotConfigured, StatusCodes.Status503ServiceUnavailable),
        ApiBase = options.Value.ApiBase ?? StripeClient.DefaultApiBase,
        HttpClient = new SystemNetHttpClient(http.CreateClient("stripe-billing"), maxNetworkRetries: 0),
    });
}

internal sealed class CheckoutRequestValidator : AbstractValidator<CheckoutRequest>
{
    public CheckoutRequestValidator() => RuleFor(r => r.Edition).NotEmpty().MaximumLength(32);
}

internal sealed class UpdateEditionRequestValidator : AbstractValidator<UpdateEditionRequest>
{
    private static readonly string[] Known = [SaasModules.Crm, SaasModules.Oa, SaasModules.Orders, SaasModules.Finance, SaasModules.Hr,
        SaasModules.ApiKeys, SaasModules.Webhooks, SaasModules.Inventory, SaasModules.Purchasing];

    public UpdateEditionRequestValidator(IStringLocalizer l)
    {
        RuleFor(r => r.Modules).NotNull();
        RuleForEach(r => r.Modules).Must(m => Known.Contains(m)).WithMessage((_, m) => l[SaasErrors.UnknownModule, m]);
        RuleFor(r => r.MaxUsers).GreaterThan(0);
        RuleFor(r => r.MaxStorageMb).GreaterThan(0);
        RuleFor(r => r.MonthlyPrice).GreaterThanOrEqualTo(0);
    }
}
