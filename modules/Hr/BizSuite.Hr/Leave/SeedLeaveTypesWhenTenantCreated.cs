using BizSuite.Saas;
using BizSuite.Hr.Data;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Hr.Leave;

/// <summary>A new tenant starts with annual, sick and personal leave, in the creating transaction.</summary>
internal sealed class SeedLeaveTypesWhenTenantCreated(HrDbContext db, ICurrentTenant currentTenant) : IDomainEventHandler<TenantCreated>
{
    public async Task HandleAsync(TenantCreated e, CancellationToken ct)
    {
        using var _ = currentTenant.Change(e.TenantId, e.Name);
        if (await db.Set<LeaveType>().AnyAsync(ct)) return;
        db.Set<LeaveType>().AddRange(LeaveType.Defaults());
    }
}
