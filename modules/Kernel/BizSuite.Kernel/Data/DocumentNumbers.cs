using Microsoft.EntityFrameworkCore;

namespace BizSuite.Kernel;

/// <summary>
/// Gapless per-tenant sequences for document numbers (contracts, orders, invoices). The counter row
/// stays locked until the unit of work commits, so concurrent documents wait for each other and a
/// rolled-back document gives its number back.
/// </summary>
public sealed class DocumentNumbers(KernelDbContext db, ICurrentTenant currentTenant)
{
    public async Task<long> NextAsync(string kind, CancellationToken cancellationToken = default)
    {
        var tenantId = currentTenant.Id ?? Guid.Empty;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO kernel_counters (TenantId, Kind, Next) VALUES ({tenantId}, {kind}, 1) ON DUPLICATE KEY UPDATE Next = Next + 1",
            cancellationToken);
        return await db.Counters.Where(c => c.TenantId == tenantId && c.Kind == kind).Select(c => c.Next).SingleAsync(cancellationToken);
    }
}

public sealed class DocumentCounter
{
    public Guid TenantId { get; set; }
    public string Kind { get; set; } = "";
    public long Next { get; set; }
}
