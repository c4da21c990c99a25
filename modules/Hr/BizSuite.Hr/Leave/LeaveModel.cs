using BizSuite.Saas;
using BizSuite.Hr.Data;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Hr.Leave;

internal static class LeaveModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LeaveType>(b =>
        {
            b.ToTable("hr_leave_types");
            b.Property(t => t.Name).HasMaxLength(50);
            b.Property(t => t.YearlyDays).HasPrecision(5, 1);
            b.HasIndex(t => new { t.TenantId, t.Name }).IsUnique();
        });
        modelBuilder.Entity<LeaveBalance>(b =>
        {
            b.ToTable("hr_leave_balances");
            b.Property(x => x.Entitled).HasPrecision(5, 1);
            b.Property(x => x.Used).HasPrecision(5, 1);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasIndex(x => new { x.TenantId, x.EmployeeId, x.LeaveTypeId, x.Year }).IsUnique();
        });
        modelBuilder.Entity<LeaveRequest>(b =>
        {
            b.ToTable("hr_leave_requests");
            b.Property(r => r.Number).HasMaxLength(32);
            b.Property(r => r.EmployeeName).HasMaxLength(100);
            b.Property(r => r.LeaveTypeName).HasMaxLength(50);
            b.Property(r => r.Days).HasPrecision(5, 1);
            b.Property(r => r.Reason).HasMaxLength(500);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.DecisionComment).HasMaxLength(500);
            b.HasIndex(r => new { r.TenantId, r.Number }).IsUnique();
            b.HasIndex(r => new { r.TenantId, r.EmployeeId, r.From });
            b.HasIndex(r => new { r.TenantId, r.DepartmentId, r.From });
        });
    }
}

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
