using BizSuite.Kernel;
using BizSuite.Saas.Subscriptions;
using BizSuite.Saas.Tenants;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Saas.Data;

internal sealed class SaasDbContext(DbContextOptions<SaasDbContext> options)
    : BizDbContext(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Edition> Editions => Set<Edition>();
    public DbSet<BillingEvent> BillingEvents => Set<BillingEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Tenant>(b =>
        {
            b.ToTable("saas_tenants");
            b.Property(t => t.Name).HasMaxLength(64);
            b.Property(t => t.DisplayName).HasMaxLength(128);
            b.HasIndex(t => t.Name).IsUnique();
            b.OwnsOne(t => t.Subscription, s =>
            {
                s.Property(x => x.Edition).HasColumnName("Edition").HasMaxLength(32);
                s.Property(x => x.Status).HasColumnName("SubscriptionStatus").HasConversion<string>().HasMaxLength(16);
                s.Property(x => x.StripeCustomerId).HasColumnName("StripeCustomerId").HasMaxLength(100);
                s.Property(x => x.StripeSubscriptionId).HasColumnName("StripeSubscriptionId").HasMaxLength(100);
                s.Property(x => x.CurrentPeriodEnd).HasColumnName("CurrentPeriodEnd");
                s.Property(x => x.GraceEndsAt).HasColumnName("GraceEndsAt");
                s.Property(x => x.LastEventAt).HasColumnName("LastStripeEventAt");
                s.HasIndex(x => x.StripeCustomerId);
            });
            b.Navigation(t => t.Subscription).IsRequired();
        });
        modelBuilder.Entity<Edition>(b =>
        {
            b.ToTable("saas_editions");
            b.Property(e => e.Name).HasMaxLength(32);
            b.HasIndex(e => e.Name).IsUnique();
            b.Property(e => e.Currency).HasMaxLength(3);
            // A short list of module names: one comma-separated column keeps it readable and editable by operators.
            b.Property(e => e.Modules).HasMaxLength(500).HasConversion(
                v => string.Join(',', v),
                v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<string>>(
                    (a, b) => a!.SequenceEqual(b!), v => string.Join(',', v).GetHashCode(), v => v.ToList()));
        });
        modelBuilder.Entity<BillingEvent>(b =>
        {
            b.ToTable("saas_stripe_events");
            b.Property(e => e.EventId).HasMaxLength(100);
            b.Property(e => e.Type).HasMaxLength(100);
            b.Property(e => e.Outcome).HasMaxLength(100);
            b.HasIndex(e => e.EventId).IsUnique();
        });
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class SaasDbContextFactory : DesignTimeDbContextFactory<SaasDbContext>;
