using BizSuite.Finance.Data;
using BizSuite.Kernel;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;

namespace BizSuite.Finance.OnlinePayments;

public sealed class StripeOptions
{
    /// <summary>Stripe's API; tests point it at a local fake server.</summary>
    public string? ApiBase { get; set; }
    /// <summary>Where the customer returns after paying (the tenant's public site or the suite).</summary>
    public string ReturnUrl { get; set; } = "http://127.0.0.1:5080/";
}

/// <summary>The tenant's Stripe connection: its decrypted secrets and a client for its account.</summary>
internal sealed class StripeGateway(FinanceDbContext db, IDataProtectionProvider protection, IHttpClientFactory http, IOptions<StripeOptions> options,
    TenantCache cache, ICurrentTenant currentTenant)
{
    /// <summary>Dropped by <see cref="FinanceDbContext"/> when a Stripe account is connected, replaced or removed.</summary>
    public const string ConnectedRegion = "stripe-connected";

    private readonly IDataProtector _protector = protection.CreateProtector("BizSuite.Finance.Stripe.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public async Task<StripeAccount?> FindAccountAsync(CancellationToken ct) => await db.StripeAccounts.FirstOrDefaultAsync(ct);

    /// <summary>Asked for every invoice issued, so cached.</summary>
    public Task<bool> IsConnectedAsync(CancellationToken ct) =>
        cache.GetOrCreateAsync(ConnectedRegion, currentTenant.Id, "", () => db.StripeAccounts.AnyAsync(ct));

    public string WebhookSecret(StripeAccount account) => _protector.Unprotect(account.EncryptedWebhookSecret);

    /// <summary>No network retries in the client: the job store retries with backoff, and idempotency keys make that safe.</summary>
    public IStripeClient Client(StripeAccount account) => new StripeClient(new StripeClientOptions
    {
        ApiKey = _protector.Unprotect(account.EncryptedSecretKey),
        ApiBase = options.Value.ApiBase ?? StripeClient.DefaultApiBase,
        HttpClient = new SystemNetHttpClient(http.CreateClient("stripe"), maxNetworkRetries: 0),
    });

    public string ReturnUrl => options.Value.ReturnUrl;
}
