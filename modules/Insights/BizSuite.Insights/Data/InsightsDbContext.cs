using BizSuite.Insights.Instances;
using BizSuite.Insights.Targets;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Insights.Data;

internal sealed class InsightsDbContext(DbContextOptions<InsightsDbContext> options) : BizDbContext(options)
{
    public DbSet<ProcessInstance> Instances => Set<ProcessInstance>();
    public DbSet<ProcessMilestone> Milestones => Set<ProcessMilestone>();
    public DbSet<ApprovalStepInstance> ApprovalSteps => Set<ApprovalStepInstance>();
    public DbSet<KpiTarget> Targets => Set<KpiTarget>();
    public DbSet<KpiBreach> Breaches => Set<KpiBreach>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProcessInstance>(b =>
        {
            b.ToTable("insights_process_instances");
            b.Property(i => i.Id).ValueGeneratedNever();
            b.Property(i => i.DocumentType).HasMaxLength(32);
            b.Property(i => i.Number).HasMaxLength(64);
            b.Property(i => i.Title).HasMaxLength(200);
            b.Property(i => i.Category).HasMaxLength(32);
            b.Property(i => i.Currency).HasMaxLength(3);
            b.HasIndex(i => new { i.TenantId, i.DocumentType, i.DocumentId }).IsUnique();
            // The collection rate and the cash-in forecast read invoices by due date.
            b.HasIndex(i => new { i.TenantId, i.DocumentType, i.DueOn });
            // The overdue share reads the invoices still open at its range's start from this index alone.
            b.HasIndex(i => new { i.TenantId, i.DocumentType, i.ClosedAt, i.IssuedAt, i.DueOn });
            b.HasMany(i => i.Milestones).WithOne().HasForeignKey(m => m.InstanceId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(i => i.Milestones).HasField("_milestones");
        });
        modelBuilder.Entity<ProcessMilestone>(b =>
        {
            b.ToTable("insights_milestones");
            b.Property(m => m.Id).ValueGeneratedNever();
            b.Property(m => m.DocumentType).HasMaxLength(32);
            b.Property(m => m.Name).HasMaxLength(32);
            // A KPI reads the milestones of one kind that fall in the period, then their instance's other milestone: both
            // from an index alone (KpiCalculator forces the second by name: the optimiser prefers the unique one, which lacks At).
            b.HasIndex(m => new { m.TenantId, m.DocumentType, m.Name, m.At, m.InstanceId });
            b.HasIndex(m => new { m.InstanceId, m.Name, m.At }).HasDatabaseName("IX_insights_milestones_instance_time");
            b.HasIndex(m => new { m.InstanceId, m.Name }).IsUnique();
        });
        modelBuilder.Entity<ApprovalStepInstance>(b =>
        {
            b.ToTable("insights_approval_steps");
            b.Property(s => s.Id).ValueGeneratedNever();
            b.Property(s => s.DocumentType).HasMaxLength(32);
            b.Property(s => s.Approvers).HasMaxLength(2000);
            b.Property(s => s.Outcome).HasMaxLength(16);
            b.HasIndex(s => new { s.TenantId, s.ApprovalId });
            b.HasIndex(s => new { s.TenantId, s.EndedAt });
        });
        modelBuilder.Entity<KpiTarget>(b =>
        {
            b.ToTable("insights_targets");
            b.Property(t => t.Id).ValueGeneratedNever();
            b.Property(t => t.Key).HasMaxLength(64);
            b.Property(t => t.Target).HasPrecision(18, 4);
            b.Property(t => t.OwnerRole).HasMaxLength(64);
            b.HasIndex(t => new { t.TenantId, t.Key }).IsUnique();
        });
        modelBuilder.Entity<KpiBreach>(b =>
        {
            b.ToTable("insights_breaches");
            b.Property(t => t.Id).ValueGeneratedNever();
            b.Property(t => t.Key).HasMaxLength(64);
            b.Property(t => t.Period).HasMaxLength(8);
            b.Property(t => t.Value).HasPrecision(18, 4);
            b.Property(t => t.Target).HasPrecision(18, 4);
            // Once per KPI and period, even when two hosts run the daily job at once.
            b.HasIndex(t => new { t.TenantId, t.Key, t.Period, t.PeriodStart }).IsUnique();
        });
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class InsightsDbContextFactory : DesignTimeDbContextFactory<InsightsDbContext>;
