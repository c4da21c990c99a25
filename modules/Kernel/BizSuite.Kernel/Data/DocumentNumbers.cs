using Microsoft.EntityFrameworkCore;

namespace BizSuite.Kernel;

/// <summary>
/// Gapless per-tenant sequences for document numbers (contracts, orders, invoices). The counter row
/// stays locked until the unit of work commits, so concurrent documents wait for each other and a
/// rolled-back document gives its number back.
/// </summary>
public sealed class DocumentNumbers(UnitOfWork unitOfWork, KernelDbContext db, ICurrentTenant currentTenant)
{
    public async Task<long> NextAsync(string kind, CancellationToken cancellationToken = default)
    {
        // One statement while the counter row is locked, not an upsert and a read: LAST_INSERT_ID(expr) hands the
        // new value back with the server's answer to the upsert itself.
        await using var command = unitOfWork.Connection.CreateCommand();
        command.Transaction = unitOfWork.Transaction
            ?? throw new InvalidOperationException("Document numbers are taken inside a begun unit of work, so a rollback gives them back.");
        command.CommandText = """
            INSERT INTO kernel_counters (TenantId, Kind, Next) VALUES (@tenant, @kind, LAST_INSERT_ID(1))
            ON DUPLICATE KEY UPDATE Next = LAST_INSERT_ID(Next + 1)
            """;
        command.Parameters.AddWithValue("@tenant", currentTenant.Id ?? Guid.Empty);
        command.Parameters.AddWithValue("@kind", kind);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return command.LastInsertedId;
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
