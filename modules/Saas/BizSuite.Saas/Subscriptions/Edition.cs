using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;
using BizSuite.Saas.Data;

namespace BizSuite.Saas.Subscriptions;

/// <summary>
/// A plan (版本) the platform sells: the modules it includes and its limits. Host data, seeded at start;
/// operators may change the rows, the seeder only adds missing editions.
/// </summary>
internal sealed class Edition : Entity
{
    public const string Free = "Free";
    public const string Standard = "Standard";
    public const string Professional = "Professional";

    public string Name { get; private set; } = "";
    public List<string> Modules { get; private set; } = [];
    public int MaxUsers { get; private set; }
    public int MaxStorageMb { get; private set; }
    /// <summary>Shown on the plan page; Stripe's price (configured per edition) is what is charged.</summary>
    public decimal MonthlyPrice { get; private set; }
    public string Currency { get; private set; } = "CNY";
    public int Rank { get; private set; }

    private Edition() { }

    public Edition(string name, int rank, IEnumerable<string> modules, int maxUsers, int maxStorageMb, decimal monthlyPrice)
    {
        Name = name;
        Rank = rank;
        Modules = modules.ToList();
        MaxUsers = maxUsers;
        MaxStorageMb = maxStorageMb;
        MonthlyPrice = monthlyPrice;
    }

    public long MaxStorageBytes => MaxStorageMb * 1024L * 1024L;

    /// <summary>The host admin changes what the plan includes; tenants on it get the change on their next request, on every host.</summary>
    public void Change(IEnumerable<string> modules, int maxUsers, int maxStorageMb, decimal monthlyPrice)
    {
        Modules = modules.Distinct().ToList();
        MaxUsers = maxUsers;
        MaxStorageMb = maxStorageMb;
        MonthlyPrice = monthlyPrice;
    }

    public long Limit(UsageKind kind) => kind == UsageKind.Users ? MaxUsers : MaxStorageBytes;

    public static IReadOnlyList<Edition> Defaults() =>
    [
        new(Free, 0, [SaasModules.Crm, SaasModules.Oa], 3, 100, 0m),
        new(Standard, 1, [SaasModules.Crm, SaasModules.Oa, SaasModules.Orders, SaasModules.Finance,
            SaasModules.Inventory, SaasModules.Purchasing], 20, 2 * 1024, 299m),
        new(Professional, 2, [SaasModules.Crm, SaasModules.Oa, SaasModules.Orders, SaasModules.Finance, SaasModules.Hr, SaasModules.ApiKeys,
            SaasModules.Webhooks,
            SaasModules.Inventory, SaasModules.Purchasing], 200, 20 * 1024, 999m),
    ];

    /// <summary>Modules some edition sells: those a tenant lacks when its own edition leaves them out. Others are in every plan.</summary>
    public static IReadOnlySet<string> Locked(Edition own, IEnumerable<Edition> all) =>
        all.SelectMany(e => e.Modules).Except(own.Modules).ToHashSet();

    public static async Task<Edition> FindAsync(SaasDbContext db, string name, CancellationToken ct) =>
        await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Name == name, ct)
        ?? throw new BusinessException(SaasErrors.UnknownEdition, Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest, name) { Field = "edition" };
}

internal sealed class SeedEditions(SaasDbContext db) : IDataSeedContributor
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Editions.Select(e => e.Name).ToListAsync(cancellationToken);
        db.Editions.AddRange(Edition.Defaults().Where(e => !existing.Contains(e.Name)));
    }
}

/// <summary>The platform's own Stripe account, which bills tenants (not the tenants' accounts Finance uses to collect invoices).</summary>
public sealed class BillingOptions
{
    public string? SecretKey { get; set; }
    public string? WebhookSecret { get; set; }
    /// <summary>Stripe's API; tests point it at a local fake server.</summary>
    public string? ApiBase { get; set; }
    /// <summary>Stripe price id per edition name (<c>Saas:Stripe:Prices:Standard</c>); an edition without one cannot be bought.</summary>
    public Dictionary<string, string> Prices { get; set; } = [];
    /// <summary>Days a tenant keeps working after a failed payment before it becomes read-only.</summary>
    public int GraceDays { get; set; } = 7;

    public string? EditionOfPrice(string? priceId) => Prices.FirstOrDefault(p => p.Value == priceId).Key;
}
