using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Plugins.RobotNotifier.Data;

/// <summary>The plugin's own tables (rn_*) and migration history, enlisted in the request's transaction like any module's.</summary>
internal sealed class RobotNotifierDbContext(DbContextOptions<RobotNotifierDbContext> options) : BizDbContext(options)
{
    protected override IReadOnlyList<(Type Entity, string Region)> CachedEntities { get; } = [(typeof(Robot), RobotAnnouncer.CacheRegion)];

    public DbSet<Robot> Robots => Set<Robot>();
    public DbSet<RobotMessage> Messages => Set<RobotMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Robot>(b =>
        {
            b.ToTable("rn_robots");
            b.Property(r => r.Name).HasMaxLength(100);
            b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.WebhookUrl).HasMaxLength(500);
            b.Property(r => r.EncryptedSecret).HasMaxLength(1000);
            b.Property(r => r.Events).HasMaxLength(200).HasConversion(
                events => string.Join(',', events),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<RobotEvent>).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<RobotEvent>>(
                    (a, b) => a!.SequenceEqual(b!), e => e.Aggregate(0, (h, x) => HashCode.Combine(h, x)), e => e.ToList()));
        });
        modelBuilder.Entity<RobotMessage>(b =>
        {
            b.ToTable("rn_messages");
            b.Property(m => m.Event).HasMaxLength(32);
            b.Property(m => m.Title).HasMaxLength(200);
            b.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(m => m.Response).HasMaxLength(1000);
            b.HasIndex(m => new { m.TenantId, m.RobotId, m.SentAt });
        });
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class RobotNotifierDbContextFactory : DesignTimeDbContextFactory<RobotNotifierDbContext>;
