using BizSuite.Kernel;
using BizSuite.Saas.Tenants;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Saas.Data;

internal sealed class SaasDbContext(DbContextOptions<SaasDbContext> options, DataContextServices? services)
    : BizDbContext(options, services)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Tenant>(b =>
        {
            b.ToTable("saas_tenants");
            b.Property(t => t.Name).HasMaxLength(64);
            b.Property(t => t.DisplayName).HasMaxLength(128);
            b.HasIndex(t => t.Name).IsUnique();
        });
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class SaasDbContextFactory : DesignTimeDbContextFactory<SaasDbContext>;
