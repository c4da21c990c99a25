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
        // Increment and read back in one batch: one round trip while the counter row is locked, not two.
        var next = await db.Database.SqlQuery<long>($"""
            INSERT INTO kernel_counters (TenantId, Kind, Next) VALUES ({tenantId}, {kind}, 1) ON DUPLICATE KEY UPDATE Next = Next + 1;
            SELECT Next AS Value FROM kernel_counters WHERE TenantId = {tenantId} AND Kind = {kind}
            """).ToListAsync(cancellationToken);
        return next.Single();
    }

    /// <summary>How many numbers of this kind the current tenant has taken (committed ones, as seen by this transaction).</summary>
    public async Task<long> IssuedAsync(string kind, CancellationToken cancellationToken = default)
    {
        var tenantId = currentTenant.Id ?? Guid.Empty;
        return await db.Counters.AsNoTracking().Where(c => c.TenantId == tenantId && c.Kind == kind).Select(c => c.Next).FirstOrDefaultAsync(cancellationToken);
    }
}

public sealed class DocumentCounter
{
    public Guid TenantId { get; set; }
    public string Kind { get; set; } = "";
    public long Next { get; set; }
}
